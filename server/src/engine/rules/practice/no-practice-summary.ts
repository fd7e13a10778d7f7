import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { practiceFit } from '../../practice/analysis.js';
import { numberMessage } from '../../text/numbers.js';

/** A long report (over about 5,000 words) without a short summary up front. */
export const noPracticeSummary: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'practice/no-practice-summary',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('A long report has no short summary up front.', 'Een lang rapport heeft vooraan geen korte samenvatting.'),
    rationale: message(
      'Insight 6 of the seed paper: professionals usually have no time to read research reports; a summary up front lets them find what applies to them.',
      'Inzicht 6 uit het rapport: professionals hebben meestal geen tijd om onderzoeksrapporten te lezen; een samenvatting vooraan laat hen vinden wat voor hen geldt.',
    ),
    options: { practitioner: { minWords: 5000 }, academic: { minWords: 5000 }, general: { minWords: 5000 } },
  },
  check(doc, context) {
    const fit = practiceFit(doc);
    const minWords = Number(context.options.minWords ?? 5000);
    if (fit.words <= minWords || fit.summary) return [];
    const first = doc.sections[0];
    const at = first ? { offset: first.offset, endOffset: first.endOffset } : { offset: 0, endOffset: 0 };
    // Rounded to a thousand: an exact count would change the message (and re-show the diagnostic) at every word typed.
    const about = Math.round(fit.words / 1000) * 1000;
    const { en, nl } = numberMessage(about);
    return [
      {
        ...at,
        message: message(
          `This report has about ${en} words and no short summary up front. Start with a summary of one page: the main findings and what they mean for practice.`,
          `Dit rapport telt ongeveer ${nl} woorden en heeft vooraan geen korte samenvatting. Begin met een samenvatting van één pagina: de belangrijkste uitkomsten en wat ze betekenen voor de praktijk.`,
        ),
        data: { words: fit.words },
      },
    ];
  },
};
