import type { BlockRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';

export const longParagraph: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/long-paragraph',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('Paragraphs that are too long to take in at once.', 'Alinea’s die te lang zijn om in één keer te lezen.'),
    rationale: message(
      'A reader who scans a report needs one idea per paragraph. Paragraphs of more than about 150 words hide their point.',
      'Wie een rapport scant, zoekt per alinea één gedachte. Alinea’s van meer dan ongeveer 150 woorden verstoppen hun boodschap.',
    ),
    options: {
      practitioner: { maxWords: 150 },
      academic: { maxWords: 220 },
      general: { maxWords: 100 },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    if (b.kind !== 'paragraph' && b.kind !== 'listItem') return [];
    const max = numberOption(longParagraph.meta, ctx, 'maxWords');
    const n = ab.counts.words;
    if (n <= max || ab.sentences.length === 0) return [];
    // Mark the first sentence only: the whole paragraph underlined helps nobody.
    const first = ab.sentences[0]!;
    return [{
      start: first.start,
      end: first.end,
      message: message(
        `This paragraph has ${n} words (more than ${max}). Split it where a new point begins.`,
        `Deze alinea telt ${n} woorden (meer dan ${max}). Begin een nieuwe alinea waar een nieuw punt begint.`,
      ),
      data: { words: n, maxWords: max },
    }];
  },
};
