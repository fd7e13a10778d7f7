import type { BlockRule, BlockFinding } from '../types.js';
import { message } from '../types.js';
import { numberOption } from './options.js';
import { findNominalizations } from '../../text/nominalization.js';
import { matchCase } from '../../text/case.js';
import { isRunningText } from './prose.js';

export const nominalization: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/nominalization',
    languages: ['nl', 'en'],
    defaultSeverity: 'info',
    description: message('Nominal style: actions hidden in nouns.', 'Naamwoordstijl: handelingen verstopt in zelfstandige naamwoorden.'),
    rationale: message(
      'Nouns made from verbs ("the implementation of", "make a decision") make text abstract and slow. Practitioners read faster when the verb does the work.',
      'Zelfstandige naamwoorden van werkwoorden ("het verstrekken van", "vindt plaats") maken tekst abstract en traag. Professionals lezen sneller als het werkwoord het werk doet.',
    ),
    options: {
      practitioner: { maxActionNouns: 2 },
      academic: { maxActionNouns: 3 },
      general: { maxActionNouns: 1 },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    if (b.kind === 'heading' || b.kind === 'tableCell' || !isRunningText(ab)) return [];
    const out: BlockFinding[] = [];
    const maxNouns = numberOption(nominalization.meta, ctx, 'maxActionNouns');
    for (const s of ab.sentences) {
      for (const n of findNominalizations(s, ab.language)) {
        const start = s.words[n.from]!.start;
        const end = s.words[n.to]!.end;
        const phrase = b.text.slice(start, end);
        if (n.kind === 'dense') {
          const count = n.phrase.split(', ').length;
          if (count <= maxNouns) continue;
          out.push({
            start: s.start,
            end: s.end,
            message: message(
              `This sentence has ${count} nouns made from verbs (${n.phrase}). Use verbs: say who does what.`,
              `Deze zin heeft ${count} zelfstandige naamwoorden die van een werkwoord komen (${n.phrase}). Gebruik werkwoorden: zeg wie wat doet.`,
            ),
            data: { kind: n.kind, nouns: count },
          });
          continue;
        }
        if (n.kind === 'infinitive-noun') {
          out.push({
            start,
            end,
            message: message(
              `Nominal style ("${phrase}"). Use the verb itself: who does it?`,
              `Naamwoordstijl ("${phrase}"). Gebruik het werkwoord zelf: wie doet het?`,
            ),
            data: { kind: n.kind },
          });
          continue;
        }
        const f: BlockFinding = {
          start,
          end,
          message: n.verb
            ? message(`Nominal style ("${phrase}"): "${n.verb}" says the same with a verb.`, `Naamwoordstijl ("${phrase}"): "${n.verb}" zegt hetzelfde met een werkwoord.`)
            : message(`Nominal style ("${phrase}"): say it with a verb.`, `Naamwoordstijl ("${phrase}"): zeg het met een werkwoord.`),
          data: { kind: n.kind, ...(n.verb ? { verb: n.verb } : {}) },
        };
        // Only where the verb fits the sentence as it stands (same position, no word order change).
        if (n.verb && ab.language === 'en') {
          const newText = matchCase(phrase, n.verb);
          f.fixes = [{ title: message(`Replace with "${newText}"`, `Vervang door "${newText}"`), preferred: true, edits: [{ start, end, newText }] }];
        }
        out.push(f);
      }
    }
    return out;
  },
};
