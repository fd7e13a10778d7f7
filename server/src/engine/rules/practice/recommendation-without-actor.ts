import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { practiceFit } from '../../practice/analysis.js';

/**
 * A recommendation for practice that does not say who should act. Only in a real list of
 * recommendations (two or more for practice), and never when the heading names the actor
 * ("Aanbevelingen voor teamleiders").
 */
export const recommendationWithoutActor: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'practice/recommendation-without-actor',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('A recommendation for practice does not say who should act.', 'Een aanbeveling voor de praktijk zegt niet wie moet handelen.'),
    rationale: message(
      'Insight 6 of the seed paper: a recommendation is a practical handle when it is addressed to someone (a role or an organisation) with a concrete action.',
      'Inzicht 6 uit het rapport: een aanbeveling is een praktisch handvat als ze aan iemand gericht is (een rol of organisatie) met een concrete handeling.',
    ),
    options: { practitioner: { minRecommendations: 2 }, academic: { minRecommendations: 2 }, general: { minRecommendations: 2 } },
  },
  check(doc, context) {
    const h = practiceFit(doc).handles;
    if (h.forPractice < Number(context.options.minRecommendations ?? 2)) return [];
    return h.recommendations
      .filter((r) => r.audience === 'practice' && !r.actor && r.source !== 'inline')
      .map((r) => ({
        offset: r.offset,
        endOffset: r.endOffset,
        message: message(
          'This recommendation does not say who should act. Name the role or organisation, for example "Caseworkers: …" or "The council should …".',
          'Deze aanbeveling zegt niet wie moet handelen. Noem de rol of organisatie, bijvoorbeeld "Consulenten: …" of "De gemeente moet …".',
        ),
        data: { verb: r.verb ?? null, weak: r.weak },
      }));
  },
};
