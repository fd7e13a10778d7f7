import type { Language } from '../types.js';
import type { Sentence, Word } from './sentences.js';

export interface PassiveMatch {
  /** Index of the auxiliary and the participle in the sentence's words. */
  auxiliary: number;
  participle: number;
  /** An agent is named ("door de gemeente", "by the council"). */
  agent: boolean;
  /** Impersonal: "er wordt gekeken". */
  impersonal: boolean;
}

const NL_WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden', 'geworden']);
const NL_ZIJN = new Set(['is', 'zijn', 'was', 'waren', 'ben', 'bent', 'geweest']);
// Verbs that take zijn in the perfect (is gestegen) and participles used as adjectives (is betrokken).
const NL_NOT_PASSIVE_WITH_ZIJN = new Set(
  'gestegen gedaald gebleken gebleven gegaan gekomen begonnen verdwenen ontstaan overleden geworden gevallen gegroeid gelukt mislukt gewend gebeurd gestart gestopt verhuisd vertrokken teruggekeerd toegenomen afgenomen veranderd verbeterd verslechterd opgehouden uitgegroeid doorgestroomd ingestroomd uitgestroomd ontsnapt geslaagd gezakt geboren gestorven betrokken bekend geschikt gericht gebaseerd verplicht bedoeld benodigd beperkt gelegen geïnteresseerd verbaasd overtuigd bezorgd verdeeld ingewikkeld gemotiveerd tevreden ontevreden gespannen verantwoord beschikbaar afhankelijk gewenst geneigd gehecht gebonden verknocht vereist verwant verzekerd gescheiden getrouwd gehuwd opgeleid geregeld gesloten geopend benieuwd verliefd bedroefd verslaafd gespecialiseerd gevestigd verschuldigd bevoegd gerechtigd verbonden gehandicapt bezet'.split(' '),
);
// Words that look like participles but are not: nouns and adjectives on ge-/be-/ver-…-d/t.
const NL_NOT_PARTICIPLE = new Set(
  'beleid gebied gezondheid geld gerecht bericht verband verstand bestand verhaal gevaar gezicht gewicht gebed geheid bezit gedicht gebit gesprek verschil verleden verzet beroep ontwerp overleg verlet vertrouwd gezet gezond gered getrouw bereid gereed gelijk geleden verwacht bestaat gebeurt geldt behoort betekent beschikt herkent erkent ervaart vertelt verdient ontstaat bevat bedraagt verschijnt vereist gebruikt begint bezit verkeerd verkeert verlaat verantwoordt geeft betreft beschrijft verwijst verloopt verkoopt bezoekt besluit begrijpt bespreekt gelooft bewust gerust aangezien'.split(' '),
);
// Participles of kennen and wennen end in -end like a present participle: herkend, erkend, gewend.
const KEND = /^(?:her|er|ge|ver|be|onder)kend$|^(?:ge|ver)wend$/;
const NL_FINITE_OR_PARTICIPLE = new Set(['gebruikt', 'verwacht']);
// Strong participles (and their cores after a separable prefix: aan|gegeven).
const NL_STRONG = new Set(
  'gedaan gegeven genomen geschreven gezien gevonden gesproken gebracht gedacht gekregen gehouden gelezen gezocht gekozen gevraagd geslagen gestoken gesloten getroffen gewezen gewogen geboden gebonden gedragen gegraven gehangen geheten geholpen gekeken geladen gelaten geleden gelegen geleverd gemeten geroepen geschoten geschonden gesteld gestreden getrokken gevangen geweten gewonnen gezonden gezworen begrepen beschreven besproken bevonden bewezen bedreven bedrogen behouden beloofd benoemd bepaald bereikt beschouwd bestreden betrokken bevolen verboden verbonden verdreven vergeten verkregen verloren vermeden verschenen verstrekt verworven verzonden ontvangen ontnomen ontbonden ontheven onderbroken onderscheiden ondersteund onderzocht onderworpen ondervonden overgenomen overwogen aangeboden besloten bedongen bevochten bevroren bezworen verheven vergeleken verkozen verschoven verweven verzwegen ontdoken onthouden ontboden ontworpen gebroken gedwongen gevochten geschonken gesneden gegoten gedreven gemeden geschoven geworpen gevlochten gewreven gebeten geprezen geslopen gezogen gegrepen gekeken geknepen gestolen verboden begonnen'.split(' '),
);
// Words after which a participle is an adjective with a noun, not the verb of a passive.
// Not het, deze, dit, die: they are pronouns as often ("wordt het opgeslagen", "wordt deze toegevoegd").
const NL_DETERMINERS = new Set('een geen de elk ieder iedere zo\'n'.split(' '));
const NL_SEPARABLE = /^(aan|af|bij|binnen|door|in|los|mee|na|neer|om|onder|op|over|samen|terug|tegen|toe|uit|vast|voor|weg|vrij|kenbaar|bekend)(ge\S{2,})$/;
const NL_REGULAR = /^(ge|be|ont|ver|her|er)\S{2,}[dt]$/;

function isDutchParticiple(w: string): boolean {
  if (w.length < 5) return false;
  if (NL_NOT_PARTICIPLE.has(w) || w.endsWith('heid') || w.endsWith('schap')) return false;
  // A weak participle ends in -t only after t, k, f, s, ch, p (’t kofschip): "verhoudt", "bepaalt",
  // "verandert" are finite verbs (the participles are verhouden, bepaald, veranderd).
  if (/(?:[bdgjlmnrvwz])t$/.test(w) && !NL_STRONG.has(w)) return false;
  if (NL_STRONG.has(w)) return true;
  const sep = NL_SEPARABLE.exec(w);
  if (sep) {
    const core = sep[2]!;
    return NL_STRONG.has(core) || /[dt]$/.test(core);
  }
  if (NL_REGULAR.test(w)) return true;
  // geïnterviewd, geëvalueerd
  return /^ge[ëï]\S+[dt]$/.test(w);
}

const EN_BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", 'get', 'gets', 'got', 'gotten']);
const EN_IRREGULAR = new Set(
  'arisen awoken been borne beaten become begun bent bet bound bitten bled blown broken bred brought built burnt burst bought cast caught chosen clung come cost crept cut dealt dug done drawn dreamt drunk driven eaten fallen fed felt fought found fled flung flown forbidden forgotten forgiven frozen got gotten given gone ground grown hung had heard hidden hit held hurt kept knelt known laid led leant learnt left lent let lain lit lost made meant met paid put quit read ridden rung risen run said seen sought sold sent set shaken shed shone shot shown shrunk shut sung sunk sat slept slid slung spoken sped spent spun spilt split spread sprung stood stolen stuck stung struck strung sworn swept swum swung taken taught torn told thought thrown thrust trodden understood undertaken upheld upset woken worn woven wept won wound withdrawn written overseen overtaken overcome undergone mistaken misunderstood'.split(' '),
);
// -ed words that after "be" are mostly adjectives, not passives.
const EN_ADJECTIVES = new Set(
  'interested concerned worried excited tired bored married experienced qualified skilled advanced detailed dedicated motivated pleased satisfied surprised disappointed frustrated confused embarrassed ashamed scared frightened tied supposed used related complicated sophisticated talented aged beloved crowded devoted isolated limited marked mixed needed red bed shed prepared determined involved committed engaged unemployed employed retired disabled based located situated entitled'.split(' '),
);
const ADVERB = /^(not|also|often|usually|always|never|then|still|already|largely|mainly|mostly|partly|widely|generally|rarely|commonly|further|frequently|typically|ook|niet|vaak|nog|al|steeds|meestal|soms|wel|vooral|daarbij|daarom|dan|reeds|eerst|later|eerder|door|verder)$/;

function isEnglishParticiple(w: string): boolean {
  if (EN_IRREGULAR.has(w)) return true;
  if (w.length < 5 || EN_ADJECTIVES.has(w)) return false;
  // Regular participles: analysed, interviewed, reported (but not need, feed, bed).
  return w.endsWith('ed') && !w.endsWith('eed');
}

// Words that open a Dutch subordinate clause: "Geconcludeerd kan worden | dat het programma is geslaagd".
const NL_SUBORDINATORS = new Set('dat omdat doordat zodat nadat voordat terwijl wanneer hoewel ofschoon indien mits tenzij waardoor waarbij waarin waarmee waarop waarvan waarna die welke hoe waarom zoals aangezien'.split(' '));

const NL_COORDINATORS = new Set(['en', 'maar', 'of']);
const isNlAux = (w: string) => NL_WORDEN.has(w) || NL_ZIJN.has(w);

/** "… werden verzameld en daarna werden ze geanalyseerd": an auxiliary before and after a coordinator starts a new clause. */
function secondAuxiliary(words: Word[], from: number, at: number): boolean {
  let before = false;
  for (let i = from; i < at; i++) if (isNlAux(words[i]!.lower)) before = true;
  if (!before) return false;
  for (let i = at + 1; i < Math.min(words.length, at + 6); i++) if (isNlAux(words[i]!.lower)) return true;
  return false;
}

/** Clause boundaries inside a sentence: a comma, semicolon or colon, or (Dutch) a subordinator. */
function clauses(s: Sentence, language: Language = 'en'): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const words = s.words;
  let wi = 0;
  for (const t of s.tokens) {
    if (t.kind === 'word') {
      while (wi < words.length && words[wi]!.start < t.start) wi++;
      // A subordinator starts a new clause (not as the first word of the current one).
      if (language === 'nl' && wi < words.length && words[wi]!.start === t.start && wi > from && (NL_SUBORDINATORS.has(words[wi]!.lower) || (NL_COORDINATORS.has(words[wi]!.lower) && secondAuxiliary(words, from, wi)))) {
        out.push([from, wi]);
        from = wi;
      }
      continue;
    }
    if (t.kind === 'punct' && /^[,;:()–—]$/.test(t.text)) {
      while (wi < words.length && words[wi]!.start < t.start) wi++;
      if (wi > from) out.push([from, wi]);
      from = wi;
    }
  }
  if (words.length > from) out.push([from, words.length]);
  return out;
}

const NL_AGENT = /^(door)$/;
const EN_AGENT = /^(by)$/;

/**
 * Passive clauses of a sentence. Dutch: a form of worden with a participle in the same
 * clause, in either order (main or subordinate clause), or zijn with a participle that is
 * not an adjective or the perfect of a zijn-verb; "er wordt … gedaan" is impersonal.
 * English: a form of be (or get) followed, within two adverbs, by a participle: the
 * irregular ones, and regular -ed forms that are not adjectives.
 */
export function findPassives(s: Sentence, language: Language): PassiveMatch[] {
  const out: PassiveMatch[] = [];
  const words = s.words;
  if (language === 'nl') {
    for (const [a, b] of clauses(s, 'nl')) {
      let aux = -1;
      let zijn = false;
      for (let i = a; i < b; i++) {
        const w = words[i]!.lower;
        if (NL_WORDEN.has(w)) {
          aux = i;
          zijn = false;
          break;
        }
        if (NL_ZIJN.has(w) && aux < 0) {
          aux = i;
          zijn = true;
        }
      }
      if (aux < 0) continue;
      let part = -1;
      let weak = -1;
      for (let i = a; i < b; i++) {
        if (i === aux) continue;
        const w = words[i]!.lower;
        if (w === 'geworden' && !zijn) continue;
        // "gebruikt" and "verwacht" are finite verbs as often; right next to the auxiliary they are participles.
        const besideAux = Math.abs(i - aux) === 1 && NL_FINITE_OR_PARTICIPLE.has(w);
        if (!besideAux && !isDutchParticiple(w)) continue;
        if (zijn && (NL_NOT_PASSIVE_WITH_ZIJN.has(w) || i < aux)) continue;
        // After an article a participle describes a noun: "sprake is van een verhoogd risico";
        // after "het" an -en form is a verb used as a noun: "moeite met het onthouden".
        if (i > a && (NL_DETERMINERS.has(words[i - 1]!.lower) || (words[i - 1]!.lower === 'het' && w.endsWith('en')))) continue;
        // -end is mostly a present participle (verschillend, ontbrekend): take it only when nothing else fits.
        if (w.endsWith('end') && !KEND.test(w)) {
          if (weak < 0 || i < aux) weak = i;
          continue;
        }
        part = i;
        // Prefer the participle nearest to the auxiliary.
        if (i > aux) break;
      }
      if (part < 0) part = weak;
      if (part < 0) continue;
      let agent = false;
      // "door de gemeente" names the actor; "om door te gaan" and a clause-final "door" (a verb particle) do not.
      for (let i = a; i < b - 1; i++) if (NL_AGENT.test(words[i]!.lower) && words[i + 1]!.lower !== 'te') agent = true;
      const impersonal = words.slice(a, b).some((w, k) => w.lower === 'er' && Math.abs(a + k - aux) <= 2);
      out.push({ auxiliary: aux, participle: part, agent, impersonal });
    }
    return out;
  }
  for (let i = 0; i < words.length; i++) {
    if (!EN_BE.has(words[i]!.lower)) continue;
    let j = i + 1;
    let skipped = 0;
    while (j < words.length && skipped < 2 && ADVERB.test(words[j]!.lower)) {
      j++;
      skipped++;
    }
    if (j >= words.length) continue;
    const w = words[j]!.lower;
    if (!isEnglishParticiple(w)) continue;
    let agent = false;
    for (let k = j + 1; k < Math.min(words.length, j + 8); k++) if (EN_AGENT.test(words[k]!.lower)) agent = true;
    // "It is recommended that …", "it was decided to …": an empty "it", nobody acts.
    const impersonal = i > 0 && words[i - 1]!.lower === 'it' && /^(that|to)$/.test(words[j + 1]?.lower ?? '');
    out.push({ auxiliary: i, participle: j, agent, impersonal });
    i = j;
  }
  return out;
}

export function wordSpan(words: Word[], a: number, b: number): [number, number] {
  const x = words[Math.min(a, b)]!;
  const y = words[Math.max(a, b)]!;
  return [x.start, y.end];
}

// Participles of decisions and responsibility: a passive of these hides who decides ("the request was refused").
const RESPONSIBILITY = {
  nl: new Set('besloten beslist gekozen goedgekeurd afgewezen geweigerd aanbevolen geadviseerd verwacht vereist beoordeeld toegekend opgelegd gekort stopgezet ingetrokken beëindigd uitgesloten geschrapt bezuinigd geprioriteerd afgesproken vastgesteld bepaald gesanctioneerd doorverwezen genegeerd verwijderd opgeschort afgeschaft teruggevorderd verplicht gevraagd toegewezen afgesloten gecontroleerd'.split(' ')),
  en: new Set('decided agreed chosen approved rejected refused denied recommended advised required expected assessed judged allocated awarded granted sanctioned imposed selected cut reduced stopped withdrawn cancelled prioritised prioritized excluded removed terminated suspended referred ignored overlooked neglected determined mandated instructed asked told reclaimed closed'.split(' ')),
};

/** Whether a passive of this participle hides who decides or is responsible. */
export function hidesResponsibility(participle: string, language: Language): boolean {
  return RESPONSIBILITY[language].has(participle);
}

// English irregular past tenses that differ from the participle (for "the council took …").
const EN_PAST: Record<string, string> = Object.fromEntries(
  'arisen:arose awoken:awoke been:was borne:bore beaten:beat become:became begun:began bitten:bit blown:blew broken:broke chosen:chose come:came done:did drawn:drew drunk:drank driven:drove eaten:ate fallen:fell forbidden:forbade forgotten:forgot forgiven:forgave frozen:froze gotten:got given:gave gone:went grown:grew hidden:hid known:knew lain:lay mistaken:mistook overseen:oversaw overtaken:overtook overcome:overcame ridden:rode rung:rang risen:rose run:ran seen:saw shaken:shook shown:showed shrunk:shrank sung:sang sunk:sank spoken:spoke sprung:sprang stolen:stole sworn:swore swum:swam taken:took torn:tore thrown:threw trodden:trod undergone:underwent undertaken:undertook woken:woke worn:wore woven:wove withdrawn:withdrew written:wrote flown:flew'
    .split(' ').map((p) => p.split(':') as [string, string]),
);

const OBJECT_PRONOUN: Record<Language, Record<string, string>> = {
  en: { they: 'them', he: 'him', she: 'her', we: 'us', i: 'me', it: 'it' },
  nl: { zij: 'ze', ze: 'ze', hij: 'hem', wij: 'ons', we: 'ons', ik: 'mij' },
};
const EN_CLAUSE_OPENERS = /^(that|which|who|because|when|if|as|where|while|although|since|and|but|so|once|until|unless|whether|how|why)$/;
const EN_PHRASE_STOP = /^(in|on|at|for|with|during|after|before|because|to|and|or|from|through|within|as|using|when|which|who|that|into|across|over|under|via|since|until|if|but|than)$/;
const NL_PHRASE_STOP = /^(in|op|aan|voor|met|bij|naar|uit|tot|om|over|onder|tussen|tijdens|na|sinds|zonder|via|en|of|maar|omdat|dat|die|wat|als|dan|niet|ook|vaak|nog|al|wel|altijd|nooit|steeds|snel|door|er|daarbij|daarom|hier|daar|toen|nu|zo|te|wordt|worden|werd|werden|is|zijn|was|waren)$/;
const NL_DETERMINER_START = /^(de|het|een|deze|dit|die|dat|alle|veel|zijn|haar|hun|onze|ons|mijn|elke|ieder|iedere|geen|beide)$/;

function phraseAfter(words: Word[], from: number, until: number, stop: RegExp, max: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < until && out.length < max; i++) {
    const w = words[i]!;
    if (stop.test(w.lower) || w.isNumber || (out.length > 0 && /end$/.test(w.lower))) break;
    out.push(w);
  }
  return out;
}

/** A phrase without a dangling article or preposition at its end ("de klantmanagers van de" → "de klantmanagers"). */
function trimPhrase(ws: Word[]): Word[] {
  let n = ws.length;
  while (n > 0 && /^(de|het|een|van|der|the|a|an|of|and|en)$/.test(ws[n - 1]!.lower)) n--;
  return ws.slice(0, n);
}

function join(text: string, ws: Word[]): string {
  return ws.length ? text.slice(ws[0]!.start, ws[ws.length - 1]!.end) : '';
}

/** Lower-cases the first letter of a phrase that stood at the start of the sentence (not an acronym or a name in capitals). */
function decapitalise(phrase: string, first: Word | undefined, sentenceStart: number): string {
  if (!first || first.start !== sentenceStart || first.isAcronym) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/**
 * An active version of a passive clause, built from the sentence itself: the named actor (or
 * "[who?]") as subject, the verb in the past (English) or the perfect (Dutch), and the passive's
 * subject as object: "The plan was approved by the council" → "the council approved the plan";
 * "De aanvraag wordt beoordeeld" → "[wie?] heeft de aanvraag beoordeeld". Undefined when the
 * sentence gives too little to go on.
 */
export function activeExample(text: string, s: Sentence, p: PassiveMatch, language: Language): string | undefined {
  const words = s.words;
  const aux = p.auxiliary;
  const part = words[p.participle]!;
  // Clause start: after the last clause mark before the auxiliary.
  let from = 0;
  const before = text.slice(s.start, words[Math.min(aux, p.participle)]!.start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf('—'), before.lastIndexOf('–'));
  if (cut >= 0) while (from < aux && words[from]!.start < s.start + cut) from++;
  // The clause ends at the next clause mark after the participle.
  const afterPart = text.slice(part.end, s.end).search(/[,;:()—–]/);
  const clauseEnd = afterPart < 0 ? s.end : part.end + afterPart;
  const inClause = (w: Word) => w.start < clauseEnd;
  const opener = language === 'en' ? (w: Word) => EN_CLAUSE_OPENERS.test(w.lower) : (w: Word) => NL_SUBORDINATORS.has(w.lower);
  for (let k = Math.min(aux, p.participle) - 1; k >= from; k--) if (opener(words[k]!)) {
    from = k + 1;
    break;
  }
  if (language === 'en') {
    let i = from;
    const subjectWords = trimPhrase(phraseAfter(words, i, aux, EN_PHRASE_STOP, 6));
    let subject = subjectWords.length >= 1 ? decapitalise(join(text, subjectWords), subjectWords[0], s.start) : '';
    if (subjectWords.length === 1 && OBJECT_PRONOUN[language][subjectWords[0]!.lower]) subject = OBJECT_PRONOUN[language][subjectWords[0]!.lower]!;
    // "It is recommended that …": the "it" is empty.
    if (subject === 'it' && /^(that|to)$/.test(words[p.participle + 1]?.lower ?? '')) subject = '…';
    const by = p.agent ? words.findIndex((w, k) => k > p.participle && w.lower === 'by' && inClause(w)) : -1;
    const actor = by > 0 ? join(text, trimPhrase(phraseAfter(words, by + 1, words.length, EN_PHRASE_STOP, 4))) : '';
    const past = EN_PAST[part.lower] ?? part.lower;
    const who = actor || '[who?]';
    if (!subject) return `${who} ${past} …`;
    return `${who} ${past} ${subject}`;
  }
  // Dutch: the subject stands before the auxiliary ("de aanvraag wordt …") or, after a fronted
  // phrase, right after it ("In 2020 werd het rapport geschreven").
  const i = from;
  let subjectWords: Word[] = [];
  if (i < aux && (NL_DETERMINER_START.test(words[i]!.lower) || (!NL_PHRASE_STOP.test(words[i]!.lower) && aux - i <= 4)) && !words[i]!.isNumber) {
    subjectWords = trimPhrase(phraseAfter(words, i, aux, NL_PHRASE_STOP, 5));
    if (subjectWords.length === 1 && /^(er|hier|daar)$/.test(subjectWords[0]!.lower)) subjectWords = [];
    else if (subjectWords.length === 1 && NL_PHRASE_STOP.test(subjectWords[0]!.lower)) subjectWords = [];
  }
  if (subjectWords.length === 0 && aux < p.participle && NL_DETERMINER_START.test(words[aux + 1]?.lower ?? '')) {
    subjectWords = trimPhrase(phraseAfter(words, aux + 1, p.participle, NL_PHRASE_STOP, 4));
  }
  let subject = subjectWords.length ? decapitalise(join(text, subjectWords), subjectWords[0], s.start) : '';
  if (subjectWords.length === 1 && OBJECT_PRONOUN[language][subjectWords[0]!.lower]) subject = OBJECT_PRONOUN[language][subjectWords[0]!.lower]!;
  const door = p.agent ? words.findIndex((w, k) => k >= from && w.lower === 'door' && words[k + 1]?.lower !== 'te' && inClause(w)) : -1;
  const actorWords = door >= 0 ? phraseAfter(words, door + 1, words.length, NL_PHRASE_STOP, 4) : [];
  const actorClean = trimPhrase(actorWords.filter((w) => w.start < part.start || door > p.participle));
  const actor = join(text, actorClean);
  const last = actorClean[actorClean.length - 1]?.lower ?? '';
  const plural = /^(we|wij|zij|jullie)$/.test(last) || (actorClean.length > 1 && last.length > 3 && /(en|s)$/.test(last) && !/(heid|ing)$/.test(last));
  const verb = last === 'ik' ? 'heb' : plural ? 'hebben' : 'heeft';
  const who = actor ? decapitalise(actor, actorClean[0], s.start) : '[wie?]';
  const object = subject || (p.impersonal ? '' : '…');
  return `${who} ${verb} ${object ? `${object} ` : ''}${part.text.toLowerCase()}`;
}
