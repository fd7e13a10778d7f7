import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { practiceFit } from '../../practice/analysis.js';

/**
 * A report with conclusions but nothing practitioners can act on: no recommendations for
 * practice (only for further research, or none at all), no practice section and no tool.
 */
export const noPracticalHandles: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'practice/no-practical-handles',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('The report draws conclusions but gives practitioners no recommendations to act on.', 'Het rapport trekt conclusies maar geeft professionals geen aanbevelingen om mee aan de slag te gaan.'),
    rationale: message(
      'Insight 6 of the seed paper: implementation goes better when research offers practical handles; professionals have no time to read whole reports.',
      'Inzicht 6 uit het rapport: aanbevolen veranderingen worden beter ingevoerd als onderzoek praktische handvatten biedt; professionals hebben geen tijd om hele rapporten te lezen.',
    ),
    options: { practitioner: { minWords: 300 }, academic: { minWords: 300 }, general: { minWords: 300 } },
  },
  check(doc, context) {
    const fit = practiceFit(doc);
    if (!fit.conclusions || fit.words < Number(context.options.minWords ?? 300)) return [];
    const h = fit.handles;
    if (h.forPractice > 0 || h.practiceSection || h.tools.length) return [];
    const research = h.recommendations.length > 0;
    const c = fit.conclusions;
    return [
      {
        offset: c.offset,
        endOffset: c.endOffset,
        message: research
          ? message(
              `The conclusions (line ${c.line}) lead only to recommendations for further research. Add recommendations for practice: who should do what, in a list under its own heading.`,
              `De conclusies (regel ${c.line}) leiden alleen tot aanbevelingen voor vervolgonderzoek. Voeg aanbevelingen voor de praktijk toe: wie wat moet doen, in een lijst onder een eigen kop.`,
            )
          : message(
              `The report has conclusions (line ${c.line}) but no recommendations for practitioners. Add a short list under its own heading: who should do what.`,
              `Het rapport heeft conclusies (regel ${c.line}) maar geen aanbevelingen voor professionals. Voeg een korte lijst toe onder een eigen kop: wie moet wat doen.`,
            ),
        data: { recommendations: h.recommendations.length, forPractice: 0 },
      },
    ];
  },
};
