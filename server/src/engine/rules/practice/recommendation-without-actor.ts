import type { DocumentFinding, DocumentRule } from '../types.js';
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
    // Speed only (s34): a recommendation where it was at the last check gets the finding object made then (the same
    // message, place and data), so the engine and the language server keep what they made of it instead of making it
    // again (the ten Dutch reports have 116 such findings; all were made anew at every edit, now only those the edit
    // moved, ~85 on average). Only the last check's findings are kept.
    const last = LAST;
    const made = new Map<string, DocumentFinding>();
    const out: DocumentFinding[] = [];
    for (const r of h.recommendations) {
      if (r.audience !== 'practice' || r.actor || r.source === 'inline') continue;
      const verb = r.verb ?? null;
      const key = `${r.offset}:${r.endOffset}:${verb}:${r.weak}`;
      let f = last.get(key);
      if (f === undefined) f = { offset: r.offset, endOffset: r.endOffset, message: MESSAGE, data: { verb, weak: r.weak } };
      made.set(key, f);
      out.push(f);
    }
    LAST = made;
    return out;
  },
};

const MESSAGE = message(
  'This recommendation does not say who should act. Name the role or organisation, for example "Caseworkers: …" or "The council should …".',
  'Deze aanbeveling zegt niet wie moet handelen. Noem de rol of organisatie, bijvoorbeeld "Consulenten: …" of "De gemeente moet …".',
);

/** The findings of the last check, by place, verb and weakness (see check). */
let LAST = new Map<string, DocumentFinding>();
