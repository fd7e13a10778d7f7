import type { BlockRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';
import { metricsOf } from '../../text/metrics.js';

export const hardParagraph: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/hard-paragraph',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('Paragraphs with a very low readability score.', 'Alinea’s met een zeer lage leesbaarheidsscore.'),
    rationale: message(
      'A paragraph that combines long sentences and long words (Flesch-Douma or Flesch Reading Ease below 30) is only readable for academics; professionals skip it.',
      'Een alinea met lange zinnen én lange woorden (Flesch-Douma of Flesch Reading Ease onder 30) is alleen leesbaar voor academici. Professionals slaan zo’n alinea over.',
    ),
    options: {
      practitioner: { minScore: 30, minWords: 40 },
      academic: { minScore: 15, minWords: 40 },
      general: { minScore: 50, minWords: 40 },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    if (b.kind !== 'paragraph' && b.kind !== 'listItem') return [];
    if (ab.counts.words < numberOption(hardParagraph.meta, ctx, 'minWords') || ab.sentences.length === 0) return [];
    const m = metricsOf(ab.counts, ab.language);
    const min = numberOption(hardParagraph.meta, ctx, 'minScore');
    if (m.score >= min) return [];
    const name = ab.language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease';
    // Name what makes it hard: long sentences, long words, or both.
    const longSentences = m.averageSentenceLength > 20;
    const longWords = m.averageSyllablesPerWord > (ab.language === 'nl' ? 1.7 : 1.6);
    const cause = longSentences && longWords
      ? message('long sentences and long words', 'lange zinnen en lange woorden')
      : longSentences
        ? message('long sentences', 'lange zinnen')
        : message('long words', 'lange woorden');
    const first = ab.sentences[0]!;
    const last = ab.sentences[ab.sentences.length - 1]!;
    return [{
      start: first.start,
      end: last.end,
      message: message(
        `This paragraph is hard to read (${name} ${m.score}, below ${min}): ${cause.en}, on average ${m.averageSentenceLength} words per sentence and ${m.averageSyllablesPerWord} syllables per word.`,
        `Deze alinea is moeilijk te lezen (${name} ${m.score}, onder ${min}): ${cause.nl}, gemiddeld ${m.averageSentenceLength} woorden per zin en ${m.averageSyllablesPerWord} lettergrepen per woord.`,
      ),
      data: { score: m.score, minScore: min, averageSentenceLength: m.averageSentenceLength, averageSyllablesPerWord: m.averageSyllablesPerWord },
    }];
  },
};
