import type { BlockRule } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';

// Where a long sentence can often be split, per language (RULES.md, hover advice).
const SPLIT_HINTS = {
  nl: [', omdat', ', maar', ', en', ', want', ', waardoor', ', terwijl', ', zodat', ', waarbij', ';'],
  en: [', which', ', but', ', and', ', because', ', while', ', so that', ', whereas', ';'],
};

export const longSentence: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/long-sentence',
    languages: ['nl', 'en'],
    defaultSeverity: 'warning',
    description: message('Sentences that are too long for readers in practice.', 'Zinnen die te lang zijn voor lezers in de praktijk.'),
    rationale: message(
      'Professionals have little time to read. Sentences of more than about 25 words are read slowly and misread more often; a report that wants to be used keeps them short.',
      'Professionals hebben weinig tijd om te lezen. Zinnen van meer dan ongeveer 25 woorden lezen traag en worden vaker verkeerd begrepen. Een rapport dat gebruikt wil worden, houdt zijn zinnen kort.',
    ),
    options: {
      practitioner: { maxWords: 25, summaryMaxWords: 20 },
      academic: { maxWords: 30, summaryMaxWords: 25 },
      general: { maxWords: 20, summaryMaxWords: 15 },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    // Headings, captions and table cells are not running text.
    if (b.kind !== 'paragraph' && b.kind !== 'listItem' && b.kind !== 'footnote') return [];
    const max = numberOption(longSentence.meta, ctx, 'maxWords');
    const summaryMax = numberOption(longSentence.meta, ctx, 'summaryMaxWords');
    const inSummary = ab.role === 'summary';
    const findings = [];
    for (const s of ab.sentences) {
      // Words inside quoted speech are the speaker's, not the writer's: they do not count.
      const n = ab.quotes.length ? s.words.filter((w) => !ab.quotes.some(([qs, qe]) => w.start >= qs && w.end <= qe)).length : s.words.length;
      // A list item without closing punctuation is a fragment, not a sentence.
      if (b.kind === 'listItem' && !/[.!?]["'”’)]*$/.test(b.text.slice(s.start, s.end))) continue;
      const limit = inSummary ? Math.min(max, summaryMax) : max;
      if (n <= limit) continue;
      const sentence = b.text.slice(s.start, s.end);
      const hint = SPLIT_HINTS[ab.language].find((h) => sentence.includes(h));
      const where = hint
        ? message(` Split it, for example at "${hint.replace(/^, /, '')}".`, ` Splits hem, bijvoorbeeld bij "${hint.replace(/^, /, '')}".`)
        : message(' Split it into two or more sentences.', ' Maak er twee of meer zinnen van.');
      const severity = n > max ? ctx.severity : 'info';
      const m = inSummary && n <= max
        ? message(`This sentence in the summary has ${n} words; keep summary sentences to ${summaryMax} words at most.`, `Deze zin in de samenvatting telt ${n} woorden. Houd zinnen in een samenvatting op hoogstens ${summaryMax} woorden.`)
        : message(`This sentence has ${n} words; more than ${max} is hard to follow.`, `Deze zin telt ${n} woorden. Meer dan ${max} is moeilijk te volgen.`);
      findings.push({
        start: s.start,
        end: s.end,
        severity,
        message: { en: m.en + where.en, nl: m.nl + where.nl },
        data: { words: n, maxWords: limit },
      });
    }
    return findings;
  },
};
