import type { Language } from '../types.js';
import type { Sentence } from './sentences.js';

export interface NominalMatch {
  /** Word indices in the sentence, inclusive. */
  from: number;
  to: number;
  kind: 'infinitive-noun' | 'empty-verb' | 'dense';
  /** The phrase found, lower case. */
  phrase: string;
  /** A verb to use instead, when the phrase has one. */
  verb?: string;
}

/**
 * Empty verbs with an action noun (naamwoordstijl). Keys are word sequences; the value is
 * the verb that says the same, where one exists. Forms of the empty verb are listed
 * explicitly so that "vond plaats" and "vindt plaats" both match.
 */
const NL_EMPTY_VERB: Array<[string, string | undefined]> = [
  ['vindt plaats', 'gebeurt'], ['vinden plaats', 'gebeuren'], ['vond plaats', 'gebeurde'], ['vonden plaats', 'gebeurden'], ['plaatsvinden', 'gebeuren'], ['plaatsvindt', 'gebeurt'], ['plaatsvond', 'gebeurde'], ['plaatsgevonden', 'gebeurd'],
  ['geeft uitvoering aan', 'voert uit'], ['geven uitvoering aan', 'voeren uit'], ['uitvoering geven aan', 'uitvoeren'], ['uitvoering gegeven aan', 'uitgevoerd'],
  ['zorg dragen voor', 'zorgen voor'], ['draagt zorg voor', 'zorgt voor'], ['dragen zorg voor', 'zorgen voor'],
  ['overgaan tot', undefined], ['gaat over tot', undefined], ['ging over tot', undefined], ['overgegaan tot', undefined],
  ['in overweging nemen', 'overwegen'], ['in overweging genomen', 'overwogen'],
  ['een bijdrage leveren aan', 'bijdragen aan'], ['levert een bijdrage aan', 'draagt bij aan'], ['leveren een bijdrage aan', 'dragen bij aan'],
  ['tot stand brengen', 'maken'], ['tot stand gebracht', 'gemaakt'], ['tot stand komen', 'ontstaan'], ['tot stand gekomen', 'ontstaan'], ['komt tot stand', 'ontstaat'],
  ['een besluit nemen', 'besluiten'], ['een beslissing nemen', 'beslissen'], ['neemt een besluit', 'besluit'], ['nam een besluit', 'besloot'],
  ['in behandeling nemen', 'behandelen'], ['in behandeling genomen', 'behandeld'],
  ['ter beschikking stellen', 'geven'], ['ter beschikking gesteld', 'gegeven'],
  ['een analyse uitvoeren', 'analyseren'], ['een evaluatie uitvoeren', 'evalueren'], ['een inventarisatie maken', 'inventariseren'],
  ['aandacht besteden aan', undefined], ['verbetering aanbrengen in', 'verbeteren'], ['verbeteringen aanbrengen in', 'verbeteren'],
  ['een toename laten zien', 'stijgen'], ['een afname laten zien', 'dalen'], ['laat een toename zien', 'stijgt'], ['laat een daling zien', 'daalt'],
  ['in ogenschouw nemen', 'bekijken'], ['in aanmerking nemen', 'meewegen'], ['een aanvang nemen', 'beginnen'], ['een keuze maken', 'kiezen'], ['maakt een keuze', 'kiest'],
];

const EN_EMPTY_VERB: Array<[string, string | undefined]> = [
  ['make a decision', 'decide'], ['made a decision', 'decided'], ['makes a decision', 'decides'], ['making a decision', 'deciding'],
  ['conduct an analysis of', 'analyse'], ['conducted an analysis of', 'analysed'], ['carry out an analysis of', 'analyse'], ['carried out an analysis of', 'analysed'],
  ['conduct an evaluation of', 'evaluate'], ['conducted an evaluation of', 'evaluated'], ['carry out an evaluation of', 'evaluate'], ['carried out an evaluation of', 'evaluated'],
  ['conduct an assessment of', 'assess'], ['make an assessment of', 'assess'], ['made an assessment of', 'assessed'],
  ['conduct an investigation into', 'investigate'], ['conducted an investigation into', 'investigated'],
  ['give consideration to', 'consider'], ['gave consideration to', 'considered'], ['take into consideration', 'consider'], ['took into consideration', 'considered'],
  ['reach a conclusion', 'conclude'], ['reached a conclusion', 'concluded'], ['come to a conclusion', 'conclude'], ['came to a conclusion', 'concluded'],
  ['provide assistance to', 'help'], ['provided assistance to', 'helped'], ['provide support to', 'support'], ['provided support to', 'supported'],
  ['make a recommendation', 'recommend'], ['made a recommendation', 'recommended'], ['make recommendations', 'recommend'],
  ['have an impact on', 'affect'], ['had an impact on', 'affected'], ['has an impact on', 'affects'],
  ['is in need of', 'needs'], ['are in need of', 'need'], ['make use of', 'use'], ['made use of', 'used'], ['makes use of', 'uses'],
  ['give an explanation of', 'explain'], ['gave an explanation of', 'explained'], ['perform an analysis of', 'analyse'], ['performed an analysis of', 'analysed'],
  ['undertake a review of', 'review'], ['undertook a review of', 'reviewed'], ['carry out a review of', 'review'], ['carried out a review of', 'reviewed'],
  ['achieve an improvement in', 'improve'], ['achieved an improvement in', 'improved'], ['show an increase in', 'rise'], ['showed an increase in', 'rose'],
];

function phraseIndex(list: Array<[string, string | undefined]>): Map<string, Array<{ words: string[]; verb: string | undefined }>> {
  const m = new Map<string, Array<{ words: string[]; verb: string | undefined }>>();
  for (const [phrase, verb] of list) {
    const words = phrase.split(' ');
    const first = words[0]!;
    if (!m.has(first)) m.set(first, []);
    m.get(first)!.push({ words, verb });
  }
  return m;
}

const EMPTY = { nl: phraseIndex(NL_EMPTY_VERB), en: phraseIndex(EN_EMPTY_VERB) };

// Action-noun endings and the lexicalised words that end the same way but name a thing.
const NL_ACTION = /(ing|atie|tie|sie|name|age|ering)$/;
const NL_LEXICALISED = new Set(
  'woning opleiding uitkering ervaring informatie organisatie situatie politie familie kring ring ding koning richting regering vereniging stichting omgeving bijeenkomst instelling afdeling tekening lening vergadering rekening mening oefening verzekering bevolking gemeenteraad natie relatie positie functie traditie editie sessie commissie missie versie provincie competitie categorie garage bagage pagina etage passage massage boodschap leerling nieuwkomer dienstverlening regeling voorziening wetgeving financiering begeleiding ondersteuning verslaving jeugdzorg inkomen scholing training tevredenheid medicatie locatie onderling eerstelijns beveiliging vaardigheid woning omgeving'.split(' '),
);
// Not -ity: equality, creativity, sanctity are made from adjectives, not from verbs.
const EN_ACTION = /(tion|sion|ment|ance|ence|isation|ization)$/;
const EN_LEXICALISED = new Set(
  'information education organisation organization nation station government department question mention population section position condition situation tradition relation community university city activity quality identity opportunity majority minority authority responsibility disability security priority facility entity equipment environment apartment moment comment document experience evidence audience conference difference sentence science confidence balance distance instance finance guidance allowance residence attendance importance performance independence ability mobility agency emergency'.split(' '),
);

/**
 * Naamwoordstijl in a sentence: "het X-en van" (het verstrekken van), an empty verb with an
 * action noun (vindt plaats, geeft uitvoering aan; make a decision), and sentences with
 * three or more action nouns.
 */
export function findNominalizations(s: Sentence, language: Language): NominalMatch[] {
  const out: NominalMatch[] = [];
  const words = s.words;
  const index = EMPTY[language];
  for (let i = 0; i < words.length; i++) {
    const candidates = index.get(words[i]!.lower);
    if (!candidates) continue;
    for (const c of candidates) {
      if (i + c.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < c.words.length; k++) {
        if (words[i + k]!.lower !== c.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const m: NominalMatch = { from: i, to: i + c.words.length - 1, kind: 'empty-verb', phrase: c.words.join(' ') };
        if (c.verb) m.verb = c.verb;
        out.push(m);
        i += c.words.length - 1;
        break;
      }
    }
  }
  if (language === 'nl') {
    // het (adjective)? X-en van: "het verstrekken van", "het tijdig aanvragen van".
    for (let i = 0; i + 2 < words.length; i++) {
      if (words[i]!.lower !== 'het') continue;
      for (const gap of [1, 2]) {
        const verb = words[i + gap];
        const van = words[i + gap + 1];
        if (!verb || !van || van.lower !== 'van') continue;
        if (/[^aeiou]en$/.test(verb.lower) && verb.lower.length > 5 && !verb.capitalised) {
          out.push({ from: i, to: i + gap + 1, kind: 'infinitive-noun', phrase: words.slice(i, i + gap + 2).map((w) => w.lower).join(' ') });
          break;
        }
      }
    }
  }
  const action = language === 'nl' ? NL_ACTION : EN_ACTION;
  const lex = language === 'nl' ? NL_LEXICALISED : EN_LEXICALISED;
  const nouns: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.letters <= 6 || w.capitalised && i > 0) continue;
    const lower = w.lower;
    if (!action.test(lower) || lex.has(lower)) continue;
    // A lexicalised word at the end of a compound (jeugdzorgopleiding) is still a thing.
    let compoundOfThing = false;
    // Only whole words of six letters or more count as the tail, after a head of four letters or more:
    // "verbetering" is not a compound of "ring", nor "coördinatie" of "natie", nor "verlening" of "lening".
    if (language === 'nl') for (const l of lex) if (l.length >= 6 && lower.length >= l.length + 4 && lower.endsWith(l)) { compoundOfThing = true; break; }
    if (!compoundOfThing) nouns.push(i);
  }
  if (nouns.length >= 2) {
    out.push({ from: nouns[0]!, to: nouns[nouns.length - 1]!, kind: 'dense', phrase: nouns.map((i) => words[i]!.lower).join(', ') });
  }
  return out;
}
