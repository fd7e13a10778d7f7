import type { DocumentRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';
import { scoreWithSentencesOf } from './hard-paragraph.js';

export const sectionScore: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'readability/section-score',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('Readability score per section, and sections far below their target.', 'Leesbaarheid per hoofdstuk, en hoofdstukken die ver onder hun doel blijven.'),
    rationale: message(
      'Practitioners read the summary and the recommendations first. Those sections must be the easiest of the report; the rest should at least be readable for someone with higher vocational education.',
      'Professionals lezen eerst de samenvatting en de aanbevelingen. Die moeten het makkelijkst zijn; de rest moet minstens leesbaar zijn voor iemand met een hbo-opleiding.',
    ),
    options: {
      practitioner: { summaryTarget: 50, bodyTarget: 30, minWords: 80 },
      academic: { summaryTarget: 40, bodyTarget: 15, minWords: 80 },
      general: { summaryTarget: 60, bodyTarget: 50, minWords: 80 },
    },
  },
  check(doc, ctx) {
    const out = [];
    for (const s of doc.sections) {
      if (s.role === 'references' || s.role === 'appendix' || s.role === 'title') continue;
      const m = s.metrics;
      if (m.words < numberOption(sectionScore.meta, ctx, 'minWords')) continue;
      const summaryLike = s.role === 'summary' || s.role === 'recommendations';
      const target = numberOption(sectionScore.meta, ctx, summaryLike ? 'summaryTarget' : 'bodyTarget');
      if (m.score >= target) continue;
      // Findings do not stack: when only the sentence length pulls the score down, the
      // long-sentence rule's findings in the section say it. A body section is flagged here when
      // it would stay below target with sentences of an ordinary length (15 words): its words are hard.
      if (!summaryLike && scoreWithSentencesOf(15, m.averageSyllablesPerWord, s.language) >= target) continue;
      const name = s.language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease';
      out.push({
        offset: s.offset,
        endOffset: s.endOffset,
        message: message(
          `This section scores ${m.score} (${name}, ${m.band.en}); aim for at least ${target}. Average sentence: ${m.averageSentenceLength} words; LIX ${m.lix}.`,
          `Dit hoofdstuk scoort ${m.score} (${name}, ${m.band.nl}); streef naar minstens ${target}. Gemiddelde zin: ${m.averageSentenceLength} woorden; LIX ${m.lix}.`,
        ),
        data: { score: m.score, target, role: s.role, words: m.words },
      });
    }
    return out;
  },
};
