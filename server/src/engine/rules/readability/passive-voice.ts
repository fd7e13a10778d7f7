import type { BlockRule, BlockFinding } from '../types.js';
import type { Language, Message } from '../../types.js';
import { message } from '../types.js';
import { booleanOption, numberOption } from './options.js';
import { findPassives, wordSpan, activeExample, hidesResponsibility } from '../../text/passive.js';
import type { PassiveMatch } from '../../text/passive.js';
import type { Sentence } from '../../text/sentences.js';
import { isRunningText } from './prose.js';

/**
 * Passive voice, only where rewriting helps: a passive that hides who decides or is
 * responsible ("the request was refused", "er is besloten"), stacked passives (two or more in
 * one sentence), and passives in long sentences without an actor. A short passive in a
 * method section ("the data were analysed in 2020") is left alone. The example in the message
 * is built from the sentence itself.
 */
export const passiveVoice: BlockRule = {
  scope: 'block',
  meta: {
    id: 'readability/passive-voice',
    languages: ['nl', 'en'],
    defaultSeverity: 'hint',
    description: message('Passive sentences where an active sentence helps: who decides is hidden, passives are stacked, or a long sentence has no actor.', 'Zinnen in de lijdende vorm waar een actieve zin helpt: wie beslist blijft verborgen, er staan meer lijdende vormen in één zin, of een lange zin noemt niemand die iets doet.'),
    rationale: message(
      'Practitioners want to know who does what. A passive sentence ("the decision was made") hides the actor and reads more slowly than an active one. Not every passive needs rewriting: Brug points at the ones where the reader misses who acts.',
      'Professionals willen weten wie wat doet. Een zin in de lijdende vorm ("er werd besloten") verzwijgt wie handelt en leest trager dan een actieve zin. Niet elke lijdende vorm hoeft weg: Brug wijst de zinnen aan waar de lezer mist wie iets doet.',
    ),
    options: {
      practitioner: { onlyWithoutAgent: false, stackedOnly: false, minSentenceWords: 20 },
      // A thesis uses the passive in its methods by convention: only stacked passives outside the method section.
      academic: { onlyWithoutAgent: true, stackedOnly: true, minSentenceWords: 30 },
      general: { onlyWithoutAgent: false, stackedOnly: false, minSentenceWords: 15 },
    },
  },
  check(ab, ctx) {
    const b = ab.block;
    if (b.kind === 'heading' || b.kind === 'tableCell' || b.kind === 'caption') return [];
    if (!isRunningText(ab)) return [];
    const stackedOnly = booleanOption(ctx, 'stackedOnly');
    if (stackedOnly && ab.role === 'method') return [];
    const onlyWithoutAgent = booleanOption(ctx, 'onlyWithoutAgent');
    const minWords = numberOption(passiveVoice.meta, ctx, 'minSentenceWords');
    const out: BlockFinding[] = [];
    for (const s of ab.sentences) {
      const found = findPassives(s, ab.language).filter((p) => !(p.agent && onlyWithoutAgent));
      if (found.length === 0) continue;
      // "can be thought of", "wants to be done": a passive after a modal or "to" states a possibility
      // or a need, not a hidden act; it counts neither for stacking nor for length.
      const finite = found.filter((x) => !nonFinite(s, x));
      const stacked = finite.length >= 2;
      // One finding per sentence: the passive that most needs an actor.
      let p = found.find((x) => !x.agent && hidesResponsibility(s.words[x.participle]!.lower, ab.language)) ?? found.find((x) => !x.agent) ?? found[0]!;
      // "Klanten zijn niet geïnterviewd", "were not interviewed": who chose not to? A negated passive hides that.
      const negated = !p.agent && s.words.slice(Math.min(p.auxiliary, p.participle), Math.max(p.auxiliary, p.participle)).some((w) => NEGATION.test(w.lower));
      // After a modal of possibility or wish, or in a condition ("permission would be required", "de aanvraag
      // kan worden geweigerd", "if they were asked"), a passive states a rule, a wish or a possibility, not a
      // decision somebody took. "Must be" / "moet worden" stays: it hides who must act.
      const responsibility = !possibility(s, p) && (negated || (!p.agent && hidesResponsibility(s.words[p.participle]!.lower, ab.language)));
      // A long sentence in the passive gets shorter when it is made active, actor named or not.
      // Judged on the dev corpus: a long passive is worth rewriting only when nobody is named and it is
      // the sentence's main clause ("… what was published", "which was intended" are fine).
      const longWithoutActor = s.words.length > minWords && !p.agent && !nonFinite(s, p) && !possibility(s, p) && !inRelativeClause(s, p);
      // "Er wordt gekeken naar …", "It is recommended that …": no subject at all, nobody acts.
      const impersonal = found.find((x) => x.impersonal);
      const reason: Reason | undefined = stacked ? 'stacked' : stackedOnly ? undefined : responsibility ? 'responsibility' : impersonal ? 'impersonal' : longWithoutActor ? 'long' : undefined;
      if (reason === 'impersonal' && impersonal) p = impersonal;
      if (!reason) continue;
      const [start, end] = wordSpan(s.words, p.auxiliary, p.participle);
      out.push({
        start,
        end,
        message: passiveMessage(b.text, s, p, found.length, reason, ab.language),
        data: { agent: p.agent, impersonal: p.impersonal, reason, passives: found.length },
      });
    }
    return out;
  },
};

const NEGATION = /^(not|never|niet|nooit|geen)$/;
const MODAL = /^(can|could|may|might|must|shall|should|will|would|to|cannot|kan|kunnen|kon|konden|moet|moeten|moest|moesten|mag|mogen|zal|zullen|zou|zouden|te)$/;

// Openers of a relative or dependent clause (time, cause): the passive there is background, not the statement.
const RELATIVE = /^(which|that|what|how|who|whom|whose|where|when|while|after|before|since|until|because|once|wat|die|dat|welke|hoe|waar|wanneer|waarin|waarmee|waarop|waardoor|zoals|nadat|voordat|sinds|totdat|omdat|doordat|zodra|toen)$/;

/** The passive stands in a relative or dependent clause: an opener shortly before the auxiliary. */
function inRelativeClause(s: Sentence, p: PassiveMatch): boolean {
  const first = Math.min(p.auxiliary, p.participle);
  for (let i = Math.max(0, first - 4); i < first; i++) if (RELATIVE.test(s.words[i]!.lower)) return true;
  return false;
}

/** An English passive after a modal or "to" ("can be done", "to be paid"). A Dutch "moet worden gedaan" hides who must act: it stays. */
function nonFinite(s: Sentence, p: PassiveMatch): boolean {
  const aux = s.words[p.auxiliary]!.lower;
  // "the sound of grass being stepped on", "without them being considered": a participle clause, never finite.
  if (aux === 'being') return true;
  if (!/^(be|been)$/.test(aux)) return false;
  for (let i = Math.max(0, p.auxiliary - 3); i < p.auxiliary; i++) if (MODAL.test(s.words[i]!.lower)) return true;
  return false;
}

// Possibility, wish and condition: "would be required", "willen worden beoordeeld", "if they were asked".
const POSSIBILITY = /^(can|could|may|might|would|cannot|want|wants|wanted|if|unless|kan|kunnen|kon|konden|mag|mogen|zou|zouden|wil|willen|wilde|wilden|als|indien|tenzij)$/;

/** A modal of possibility or wish, or a condition, shortly before the passive: "would be required", "kan worden geweigerd", "if they were asked". */
function possibility(s: Sentence, p: PassiveMatch): boolean {
  const first = Math.min(p.auxiliary, p.participle);
  for (let i = Math.max(0, first - 4); i < first; i++) if (POSSIBILITY.test(s.words[i]!.lower)) return true;
  return false;
}

type Reason = 'stacked' | 'responsibility' | 'impersonal' | 'long';

function passiveMessage(text: string, s: Sentence, p: PassiveMatch, count: number, reason: Reason, language: Language): Message {
  const phrase = text.slice(...wordSpan(s.words, p.auxiliary, p.participle));
  const example = activeExample(text, s, p, language);
  const tryIt = example ? message(` For example: "${example}".`, ` Bijvoorbeeld: "${example}".`) : message('', '');
  let m: Message;
  if (reason === 'stacked') {
    m = message(
      `${count} passives in one sentence ("${phrase}" …): the reader has to work out who does what. Make it active and name who acts.`,
      `${count} keer de lijdende vorm in één zin ("${phrase}" …): de lezer moet raden wie wat doet. Maak de zin actief en noem wie het doet.`,
    );
  } else if (reason === 'responsibility') {
    m = p.impersonal
      ? message(`Passive without an actor ("${phrase}"): who decided or is responsible? Name them.`, `Lijdende vorm zonder handelende persoon ("${phrase}"): wie besliste of is verantwoordelijk? Noem die.`)
      : message(`Passive without an actor ("${phrase}"): who decided or is responsible? Name them.`, `Lijdende vorm ("${phrase}"): wie besliste of is verantwoordelijk? Noem die.`);
  } else if (reason === 'impersonal') {
    m = message(
      `Passive without an actor ("${phrase}"): who does this? Name them and make the sentence active.`,
      `Lijdende vorm zonder handelende persoon ("${phrase}"): wie doet dit? Noem die en maak de zin actief.`,
    );
  } else if (p.agent) {
    m = message(
      `Long sentence in the passive ("${phrase}"). Put the actor first and make it active: the sentence gets shorter and clearer.`,
      `Lange zin in de lijdende vorm ("${phrase}"). Zet wie het doet vooraan en maak de zin actief: hij wordt korter en duidelijker.`,
    );
  } else {
    m = message(
      `Long sentence in the passive ("${phrase}") without saying who acts. An active sentence that names the actor is shorter and clearer.`,
      `Lange zin in de lijdende vorm ("${phrase}") die niet zegt wie het doet. Een actieve zin die de handelende persoon noemt, is korter en duidelijker.`,
    );
  }
  return { en: m.en + tryIt.en, nl: m.nl + tryIt.nl };
}
