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
      if (language === 'nl' && wi < words.length && words[wi]!.start === t.start && wi > from && NL_SUBORDINATORS.has(words[wi]!.lower)) {
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
    out.push({ auxiliary: i, participle: j, agent, impersonal: false });
    i = j;
  }
  return out;
}

export function wordSpan(words: Word[], a: number, b: number): [number, number] {
  const x = words[Math.min(a, b)]!;
  const y = words[Math.max(a, b)]!;
  return [x.start, y.end];
}
