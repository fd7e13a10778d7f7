import type { BlockRule, BlockFinding } from '../types.js';
import { message } from '../types.js';
import { booleanOption } from './options.js';
import { findPassives, wordSpan } from '../../text/passive.js';

export const passiveVoice: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/passive-voice',
    languages: ['nl', 'en'],
    defaultSeverity: 'hint',
    description: message('Passive sentences, especially those that hide who acts.', 'Zinnen in de lijdende vorm, vooral als ze verzwijgen wie iets doet.'),
    rationale: message(
      'Practitioners want to know who does what. A passive sentence ("the decision was made") hides the actor and reads more slowly than an active one.',
      'Professionals willen weten wie wat doet. Een zin in de lijdende vorm ("er werd besloten") verzwijgt wie handelt en leest trager dan een actieve zin.',
    ),
    options: {
      practitioner: { onlyWithoutAgent: false },
      academic: { onlyWithoutAgent: true },
      general: { onlyWithoutAgent: false },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    if (b.kind === 'heading' || b.kind === 'tableCell') return [];
    const out: BlockFinding[] = [];
    for (const s of ab.sentences) {
      for (const p of findPassives(s, ab.language)) {
        if (p.agent && booleanOption(ctx, 'onlyWithoutAgent')) continue;
        const [start, end] = wordSpan(s.words, p.auxiliary, p.participle);
        const phrase = b.text.slice(start, end);
        let m;
        if (p.agent) {
          m = message(
            `Passive voice ("${phrase}"). The actor is named; an active sentence puts them first and reads faster.`,
            `Lijdende vorm ("${phrase}"). De handelende persoon staat erin; een actieve zin zet die vooraan en leest sneller.`,
          );
        } else if (p.impersonal) {
          m = message(
            `Passive without an actor ("${phrase}"): who does this? Name them and make the sentence active.`,
            `Lijdende vorm zonder handelende persoon ("${phrase}"): wie doet dit? Noem die en maak de zin actief.`,
          );
        } else {
          m = message(
            `Passive voice ("${phrase}"): by whom? Say who acts, for example "the caseworker decided".`,
            `Lijdende vorm ("${phrase}"): door wie? Zeg wie het doet, bijvoorbeeld "de klantmanager besloot".`,
          );
        }
        out.push({ start, end, message: m, data: { agent: p.agent, impersonal: p.impersonal } });
      }
    }
    return out;
  },
};
