import type { DocumentBlock, DocumentFinding, DocumentModel, DocumentRule, RuleContext, RuleMeta } from '../types.js';
import { BlockStates } from '../../incremental.js';
import { RunSlots } from '../block-runs.js';
import type { RunChange } from '../block-runs.js';
import type { Run } from '../../runs.js';
import { message } from '../types.js';
import type { Fix, FixKind, Message, RelatedLocation, Section, TextEdit } from '../../types.js';
import { matchCase, sentenceCase } from '../../text/case.js';
import { normalizePhrase, normalizeWord, possessiveSuffix, wordNorm } from '../../vocabulary/lexicon.js';
import { compileVocabulary, suggestionsFor } from '../../vocabulary/compile.js';
import type { CompiledCues } from '../../vocabulary/compile.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import type { DictionaryEntry, EntryRegister } from '../../vocabulary/dictionary.js';
import type { TermUse, VocabularyFacts } from './analyzer.js';
import { articleFor } from './grammar.js';
import { abbreviationOf, definedAbbreviations, isAbbreviationForm } from '../../vocabulary/abbreviations.js';
import type { TextView } from '../../text/view.js';
import { detach } from '../../cache.js';

/**
 * What kind of word a term is, for the first sentence of its message: a stock phrase or function
 * word (indien, prior to), or a content word by its class (officialese, academic, field, technical,
 * everyday), or an English loanword in a Dutch text (dictionary domain anglicisme).
 */
export type TermKind = 'phrase' | 'loanword' | EntryRegister;

export interface TermRuleText {
  /** The first sentence of the message: what the term is. */
  found(term: string, kind?: TermKind): Message;
  /** Suggestions that are not a reviewed drop-in swap are offered as examples ("for example"). */
  examples?: boolean;
}

/** Uses of a noun from which it counts as a subject of the report, without a definition. */
export const SUBJECT_USES = 10;
/** Uses from which a defined term (a definition sentence, a heading, a glossary) counts as a subject. */
export const DEFINED_SUBJECT_USES = 3;
/** A report that names a field's words this often is written in that field (`practiceIn`). */
export const PRACTICE_MENTIONS = 3;
/** Other places listed as related information, at most. */
const MAX_RELATED = 20;

interface Placed {
  use: TermUse;
  offset: number;
  endOffset: number;
  /** Inside a glossary section. */
  glossary: boolean;
  /** Index of its section (-1 before the first heading). */
  section: number;
  /** In a label the report gives its own parts: a table cell, a caption, a short list item (a feature, a stage). */
  label: boolean;
  /** The source map of its block (the parser hands out the same one while the block's source is unchanged). */
  place: object;
}

/** A list item, table cell or caption of at most this many words, without a sentence end, is a label (Prioritering van taken). */
const LABEL_WORDS = 5;

/**
 * A rule over dictionary terms of one kind (jargon, person-first). A term is reported once per
 * report, where it first appears, with the count and the other places as related information;
 * a noun the report makes its subject (many uses, or defined) gets one "accept for this
 * project?" finding instead. Replacements keep case and inflection; each says whether it is
 * safe (a reviewed drop-in swap that agrees with its article) or a suggestion.
 */
export function termRule(meta: RuleMeta, kind: 'jargon' | 'person-first', text: TermRuleText, vocabulary: Vocabulary): DocumentRule {
  // Speed only (voc16): each entry's finding of the last check, reused (moved) while its uses are the same (findingFor).
  let findings = new Map<DictionaryEntry, FindingMemo>();
  // Speed only (s31): the context of the tests on an entry at the last check (see FilterKey).
  let filters: FilterKey | undefined;
  return {
    scope: 'document',
    meta,
    check(doc, ctx) {
      const prefer = doc.config.vocabulary.prefer;
      const last = findings;
      const next = (findings = new Map<DictionaryEntry, FindingMemo>());
      const { cues } = compileVocabulary(vocabulary, doc.language, prefer);
      const terms = termEntries(doc, kind, cues);
      const { field, totals } = practiceFields(doc);
      const key = (filters = filterKey(filters, doc, ctx, cues, kind, prefer, totals));
      const shown = kind === 'jargon' ? registerFilter(ctx, () => (key.thesis ??= isThesis(doc, cues))) : () => true;
      const quiet = kind === 'jargon' ? fieldWordFilter(ctx, meta) : () => false;
      // The context of this check's findings: one object per check, not per entry (findingFor keeps it with a memo it makes).
      const c: TermContext = { kind, text, cues, prefer };
      // The entries that make a finding, with their uses placed, in the order of their first use (that of a pass over
      // every block). Speed only (term33): the tests on an entry come first, and only the entries that pass them have
      // their uses placed (most entries of a long document are of a register not shown, or of another field).
      const made: EntryUses[] = [];
      // (forEach: no entry pair per entry at every check.)
      const passes = (held: EntryRuns, entry: DictionaryEntry): boolean => {
        if (entry.practiceIn && entry.practiceIn.some((w) => field(w) >= PRACTICE_MENTIONS)) return false;
        // A word that is jargon only in one field (customer for a benefit claimant) keeps its ordinary sense elsewhere.
        // A project that set its own word for it (vocabulary.prefer) has said it is jargon there.
        if (entry.onlyIn && !entry.onlyIn.some((w) => field(w) >= 1) && !(entry.configurable && Object.keys(prefer).some((k) => normalizeWord(k) === normalizeWord(entry.term)))) return false;
        // (The dictionary of a use of the entry: an entry is of one dictionary, that of every use of it — compileVocabulary
        // adds an entry once per language — so it is the first placed use's too. Undefined: only headings name it.)
        return held.dictionary !== undefined && shown(entry, held.dictionary);
      };
      terms.at.forEach((held, entry) => {
        // The answer of the last check when the tests read the same (speed only, s31: see FilterKey).
        if (held.filtered !== key || held.filteredDictionary !== held.dictionary) {
          held.passes = passes(held, entry);
          held.filtered = key;
          held.filteredDictionary = held.dictionary;
        }
        if (!held.passes) return;
        const u = terms.place(entry, held);
        if (u) made.push(u);
      });
      if (made.length > 1) made.sort(byFirstUse);
      // Each entry's finding as made (its memo), and how it is marked: a hint (QUIET) or information (RANKED), decided
      // before any finding is handed out (speed only, term36: a finding handed out at the last check is handed out again
      // when its uses and marks are the same, so it is never marked in place once handed out).
      const memos: FindingMemo[] = new Array(made.length);
      const marks: number[] = new Array(made.length).fill(0);
      // How much each finding weighs for the reader, for the ranking below (the findings' indices, in order).
      const weighed: Weighed[] = [];
      for (let k = 0; k < made.length; k++) {
        const { entry, uses, headed, movedFrom } = made[k]!;
        const m = (memos[k] = findingFor(doc, c, entry, uses, headed, movedFrom, last, next));
        // (Read at this check only: the uses moved from are not kept until the next, memory only.)
        made[k]!.movedFrom = undefined;
        // A word of a field or of academic writing without a reviewed swap: found, but a hint (see fieldWordFilter).
        if (quiet(entry, uses[0]!.use.hit.dictionary)) {
          marks[k] = QUIET;
          continue;
        }
        // Frequency never makes a warning: a term a report uses most is often its readers' own word.
        // A warning is worth it for a word with a plain equivalent that always fits (indien → als,
        // prior to → before) or a reviewed drop-in swap; a content word (implementation, onboarding,
        // functionaliteit) is information: whether it is the readers' word is for the writer to say.
        if (!m.subject) {
          const w = plainEquivalent(entry) ? (uses.some((u) => KEY_ROLES.has(doc.sections[u.section]?.role ?? '')) ? KEY_SECTION_WEIGHT : 1) : 0;
          // (Where the finding will stand: its first use moved as moved() moves it.)
          weighed.push({ k, w, offset: m.finding.offset + uses[0]!.offset - m.uses[0]!.offset });
        }
      }
      if (kind === 'jargon') rankWarnings(doc, ctx, meta, weighed, marks);
      const out: DocumentFinding[] = new Array(made.length);
      for (let k = 0; k < made.length; k++) out[k] = handOut(memos[k]!, made[k]!.uses, marks[k]!);
      return out;
    },
    // Speed only (lsp8): each block's prose made ahead of the check, a few blocks per step (engine.ts warm).
    warm(doc, blocks) {
      for (const i of blocks) {
        const b = doc.blocks[i];
        if (b) proseOf(b);
      }
    },
  };
}

interface TermContext {
  kind: 'jargon' | 'person-first';
  text: TermRuleText;
  cues: CompiledCues;
  prefer: Record<string, string>;
}

type TermKindKey = 'jargon' | 'person-first';

/** An entry's uses placed in the document, in document order, with whether a heading names it (for one check). */
interface EntryUses {
  entry: DictionaryEntry;
  uses: Placed[];
  headed: boolean;
  /** Where its first use stands: its run, its block's place among the run's blocks with uses, its place among the block's uses. */
  run: number;
  x: number;
  i: number;
  /**
   * The uses these were moved from (placedAgain: the last answer's, the same uses at the same places in the same blocks,
   * the blocks moved), else undefined.
   */
  movedFrom: Placed[] | undefined;
}

/** Document order of entries by their first use (the order in which a pass over every block meets them). */
function byFirstUse(a: EntryUses, b: EntryUses): number {
  return a.run - b.run || a.x - b.x || a.i - b.i;
}

/** The entries of one kind that the document uses or names in a heading, and their uses placed on demand (termEntries). */
interface TermEntries {
  /** Per entry, the runs that hold it (EntryRuns). */
  at: Map<DictionaryEntry, EntryRuns>;
  /**
   * The entry's uses placed, without the accepted ones and those the tests on the document leave out (undefined: none is
   * left); the last check's answer (the same object), or its uses moved with their blocks, when placing them would read
   * the same (see placedAgain).
   */
  place(entry: DictionaryEntry, held: EntryRuns): EntryUses | undefined;
}

/**
 * The dictionary entries of this kind the document uses, in the runs that hold them; each entry's uses are placed (as a
 * pass over every block places them, without the accepted ones) when asked for. Speed only (term33): the entries and
 * the runs that hold them are kept from the last check and corrected by the runs an edit changed (kindEntries), and an
 * entry's uses are placed only for the entries a check reports: an edit does not visit every use of the document.
 */
function termEntries(doc: DocumentModel, kind: TermKindKey, cues: CompiledCues): TermEntries {
  const prefer = doc.config.vocabulary.prefer;
  // Both term rules (jargon, person-first) ask about the same document with the same cues: answered once per check (speed only, lsp9).
  let perDoc = DOC_PARTS.get(doc);
  if (!perDoc) DOC_PARTS.set(doc, (perDoc = new Map()));
  let parts = perDoc.get(cues);
  if (!parts) {
    // A word the project prefers (vocabulary.prefer values) is accepted too: the project chose it.
    const accept = new Set([...doc.config.vocabulary.accept, ...Object.values(prefer)].map(normalizeWord));
    // Speed only (lsp10c): each block's uses that pass the tests on the block alone, and its sentences with an adopting
    // verb, summarised per run of blocks (block-runs.ts); an edit asks only the runs around it. One summary for both
    // kinds and the adopted sections (speed only, voc16: one pass over the runs per check, not three).
    let memo = TERM_RUNS.get(cues);
    if (!memo) TERM_RUNS.set(cues, (memo = new RunSlots()));
    const acceptKey = [...accept].join('\u0000');
    const runs = memo.runs(doc, (from, to) => {
      const adopted = runAdopted(doc, from, to, cues);
      return { jargon: runUses(doc, from, to, 'jargon', cues, accept, acceptKey), 'person-first': runUses(doc, from, to, 'person-first', cues, accept, acceptKey), adopted, titles: titlesNamed(adopted) };
    }, acceptKey);
    const change = memo.change();
    perDoc.set(cues, (parts = { adopted: adoptedIn(doc, cues, runs, titleCounts(memo, runs, change)), runs, memo, change }));
  }
  const { adopted, runs } = parts;
  const at = kindEntries(parts.memo, runs, parts.change, kind);
  let defined: Map<string, string> | undefined;
  // Text that is not the writer's own: a section that says it is adopted (a code of conduct, a licence); the template's
  // guidance to the writer was left out with the block's uses. Its words are not the writer's to change.
  const inAdopted = (start: number) => adopted.length > 0 && adopted.some(([a, e]) => a <= start && start < e);
  const definedOf = () => (defined ??= definedAbbreviations(doc.text, undefined, doc.lines));
  return {
    at,
    place(entry, held) {
      const { places } = held;
      const last = held.placed;
      if (last) {
        const again = placedAgain(last, places, runs, parts.change, kind, doc, adopted, definedOf);
        if (again !== null) return again;
      }
      let out: EntryUses | undefined;
      let headed = false;
      // What the placing read (see PlaceMemo).
      const from: number[] = new Array(places.length);
      const read: BlockUses[][] = new Array(places.length);
      const idx: number[] = [];
      const blocks: DocumentBlock[] = [];
      const titles: Array<string | undefined> = [];
      const at: number[] = [];
      let asked: Map<string, string> | undefined;
      const asks: LinkAsk[] = [];
      // The tests on the document (an adopted section, the document's own abbreviations, a link's text, a glossary
      // section) and the places are asked here, in the order of a pass over every block.
      for (let p = 0; p < places.length; p++) {
        const r = places[p]!;
        const run = runs[r]!;
        const bus = run.value[kind];
        from[p] = run.from;
        read[p] = bus;
        const here = runEntries(bus).get(entry)!;
        for (let h = 0; h < here.heads.length && !headed; h++) {
          const k = run.from + bus[here.heads[h]!]!.k;
          const b = doc.blocks[k]!;
          idx.push(k);
          blocks.push(b);
          if (!inAdopted(b.start)) headed = true;
        }
        for (let n = 0; n < here.uses.length; n += 2) {
          const x = here.uses[n]!;
          const i = here.uses[n + 1]!;
          const bu = bus[x]!;
          const k = run.from + bu.k;
          const b = doc.blocks[k]!;
          idx.push(k);
          blocks.push(b);
          const start = b.start;
          if (inAdopted(start)) continue;
          const { use, abbreviation, label } = bu.uses[i]!;
          // An abbreviation (SES) matches only as written (SEs is another word), and yields to the
          // document's own definition of it ("Social Enterprise (SE)": SEs are social enterprises).
          if (abbreviation) {
            asked = definedOf();
            const abbr = abbreviationOf(use.text, asked);
            if (abbr !== undefined && !meansEntry(asked.get(abbr)!, entry)) continue;
          }
          const map = b.source.map;
          const placed = placedIn(bu, b, map, start, kind === 'jargon' ? doc.text : undefined);
          const offset = start + placed.rel[2 * i]!;
          const endOffset = start + placed.rel[2 * i + 1]!;
          // The text of a link names the linked document or page ([our stakeholder map](…)): renaming it misnames it.
          if (kind === 'jargon') {
            const link = placed.link[i]!;
            if (link === LINK_YES) continue;
            if (link === LINK_ASK) {
              const ask = linkAsk(doc.text, blocks.length - 1, start, placed.size, offset - start, endOffset - start);
              asks.push(ask);
              if (ask.yes) continue;
            }
          }
          out ??= { entry, uses: [], headed: false, run: r, x, i, movedFrom: undefined };
          titles.push(doc.sections[b.section]?.title);
          at.push(blocks.length - 1);
          out.uses.push({ use, offset, endOffset, glossary: isGlossary(doc, cues, b.section), section: b.section, label, place: map });
        }
      }
      if (out) out.headed = headed;
      held.placed = { places: places.slice(), runs, from, read, idx, blocks, adopted, titles, at, defined: asked, asks, result: out };
      return out;
    },
  };
}

/**
 * A run's uses of one kind by entry: per entry, its uses as pairs (the block's place in the run's list, the use's place
 * among the block's uses) and the blocks whose heading names it (their places in the list). Kept with the run's list
 * (it depends on nothing else).
 */
interface RunEntry {
  uses: number[];
  heads: number[];
  /** The dictionary of its uses (undefined: only headings name it here). */
  dictionary: DictionaryEntryDictionary | undefined;
}
const RUN_ENTRIES = new WeakMap<BlockUses[], Map<DictionaryEntry, RunEntry>>();
const NO_RUN_ENTRIES = new Map<DictionaryEntry, RunEntry>();

function runEntries(bus: BlockUses[]): Map<DictionaryEntry, RunEntry> {
  if (bus.length === 0) return NO_RUN_ENTRIES;
  let out = RUN_ENTRIES.get(bus);
  if (!out) {
    const m = (out = new Map<DictionaryEntry, RunEntry>());
    const of = (entry: DictionaryEntry): RunEntry => {
      let e = m.get(entry);
      if (!e) m.set(entry, (e = { uses: [], heads: [], dictionary: undefined }));
      return e;
    };
    for (let x = 0; x < bus.length; x++) {
      const bu = bus[x]!;
      for (let h = 0; h < bu.headed.length; h++) of(bu.headed[h]!).heads.push(x);
      for (let i = 0; i < bu.uses.length; i++) {
        const { hit } = bu.uses[i]!.use;
        const e = of(hit.entry);
        e.uses.push(x, i);
        e.dictionary ??= hit.dictionary;
      }
    }
    RUN_ENTRIES.set(bus, out);
  }
  return out;
}

/** The entries of one kind and the runs that hold them (termEntries), for the runs handed out last (one version's). */
interface KindState {
  runs: ReadonlyArray<Run<RunTerms>>;
  at: Map<DictionaryEntry, EntryRuns>;
}

/**
 * The runs that hold an entry: their places in the runs of the check, in order, and the dictionary of its uses (kept
 * with the places, so that the tests on an entry read no run: undefined while only headings name it).
 */
interface EntryRuns {
  places: number[];
  dictionary: DictionaryEntryDictionary | undefined;
  /** The entry's uses as placed last (TermEntries.place), with what the placing read. */
  placed: PlaceMemo | undefined;
  /** Whether the entry passed the tests on an entry (check), in the context `filtered`, with the dictionary `filteredDictionary`. */
  passes: boolean;
  filtered: FilterKey | undefined;
  filteredDictionary: DictionaryEntryDictionary | undefined;
}

/**
 * What the tests on an entry read besides the entry and its dictionary (check): how often the document names each
 * field's words (the totals of practiceFields and their version), the options of the registers shown, the cues, the
 * project's choices and, once asked, whether the document is a thesis. Speed only (s31): one object while all of them are
 * the same from one check of a rule to the next, and each entry's answer kept with it (EntryRuns.passes): an edit does
 * not ask every entry of the document again. A new object when any of them changed (a thesis answer asked before is
 * asked again to see).
 */
interface FilterKey {
  totals: Map<string, number>;
  version: number;
  everyday: unknown;
  technical: unknown;
  academic: unknown;
  cues: CompiledCues;
  prefer: Record<string, string>;
  thesis: boolean | undefined;
}

function filterKey(last: FilterKey | undefined, doc: DocumentModel, ctx: RuleContext, cues: CompiledCues, kind: TermKindKey, prefer: Record<string, string>, totals: Map<string, number>): FilterKey {
  const { everydayWords: everyday, technicalWords: technical, academicWords: academic } = ctx.options;
  const version = FIELD_VERSIONS.get(totals) ?? 0;
  if (last && last.totals === totals && last.version === version && last.cues === cues && last.everyday === everyday && last.technical === technical && last.academic === academic && sameChoices(last.prefer, prefer)) {
    if (last.thesis === undefined || kind !== 'jargon' || last.thesis === isThesis(doc, cues)) {
      last.prefer = prefer;
      return last;
    }
  }
  return { totals, version, everyday, technical, academic, cues, prefer, thesis: undefined };
}

/**
 * An entry's uses as placed at a check (`result`), with what the placing read: the runs (their places, first blocks and
 * summaries of the kind), the blocks of its uses and of the headings it asked (their indices and the block objects), the
 * adopted sections, per placed use its section's title (a glossary's) and its block's place in `blocks` (`at`), the
 * document's abbreviations if asked, and the link tests that read text around a block (LINK_ASK: judged at every check).
 */
interface PlaceMemo {
  places: number[];
  /** The runs at whose check the places were last found as they are (placed, or placed again). */
  runs: ReadonlyArray<Run<RunTerms>>;
  from: number[];
  read: BlockUses[][];
  idx: number[];
  blocks: DocumentBlock[];
  adopted: Array<[number, number]>;
  titles: Array<string | undefined>;
  at: number[];
  defined: Map<string, string> | undefined;
  /** The link tests that read text around their blocks (LinkAsk). */
  asks: LinkAsk[];
  result: EntryUses | undefined;
}

/**
 * An entry's uses placed again from its last placing (`m`) when placing them would read the same, else null (speed only,
 * term36: a one-word edit places anew only the entries with a use in a block it changed, not every use of the document).
 * The same runs at the same places with the same summaries hold the same uses of the entry in the same order, in the
 * blocks at the same indices. The engine hands out the same block object only while its analysis, source, section and
 * place are the same (engine.ts place): then every test reads as before (the adopted sections and glossary titles are
 * compared, the document's abbreviations when asked, and a link test that read beyond its block is asked again), and
 * the answer is the last one, the same object. A block that moved with its source (the same source map and facts,
 * after an edit before it) holds its uses at the same distances from its start, with the same link answers (placedIn
 * keeps them by source map); its uses are moved by as much as its start (with its section's number, the title the same),
 * while no section is adopted (whether a moved block is in one is not asked again here).
 */
function placedAgain(m: PlaceMemo, places: number[], runs: ReadonlyArray<Run<RunTerms>>, change: RunChange<RunTerms> | undefined, kind: TermKindKey, doc: DocumentModel, adopted: Array<[number, number]>, definedOf: () => Map<string, string>): EntryUses | undefined | null {
  if (m.places.length !== places.length || !sameRanges(m.adopted, adopted)) return null;
  // Speed only (s31): places found as they are at the last check, all before the runs an edit changed, are the same
  // places of the same runs (RunSlots.change: those runs are the last check's objects; kindEntries changed no place before
  // them, and added none, as many places as then), so they are not compared one by one.
  const n = places.length;
  // (Places renumbered: runs the same but for their number, after an edit that cut the runs before them anew into more or
  // fewer runs. What placing reads of a run is its first block and its summary; its number is the answer's `run` only.)
  let renumbered = false;
  if (!(change !== undefined && m.runs === change.previous && (n === 0 || places[n - 1]! < change.before))) {
    for (let p = 0; p < n; p++) {
      const r = places[p]!;
      const run = runs[r];
      if (run === undefined || run.from !== m.from[p] || run.value[kind] !== m.read[p]) return null;
      if (r !== m.places[p]) renumbered = true;
    }
  }
  const blocks = doc.blocks;
  let moved = false;
  for (let j = 0; j < m.idx.length; j++) {
    const b = blocks[m.idx[j]!];
    const was = m.blocks[j]!;
    if (b === was) continue;
    if (b === undefined || b.source.map !== was.source.map || b.facts !== was.facts) return null;
    moved = true;
  }
  if (moved && adopted.length > 0) return null;
  if (m.defined !== undefined && definedOf() !== m.defined) return null;
  const asks = m.asks;
  for (let a = 0; a < asks.length; a++) {
    const q = asks[a]!;
    const start = blocks[m.idx[q.k]!]!.start;
    if (sameAround(doc.text, q, start)) continue;
    if (inLinkText(doc.text, start + q.offset, start + q.endOffset) !== q.yes) return null;
    readAround(doc.text, q, start);
  }
  const last = m.result;
  const was = last?.uses ?? NO_PLACED;
  const sections = doc.sections;
  for (let j = 0; j < was.length; j++) if (sections[blocks[m.idx[m.at[j]!]!]!.section]?.title !== m.titles[j]) return null;
  // Speed only (s31): renumbered places read the same; the answer's run is its first use's run's number now (the answer
  // is read at this check only: its order among the others, byFirstUse).
  if (renumbered) {
    if (last !== undefined) last.run = places[m.places.indexOf(last.run)]!;
    m.places = places.slice();
  }
  m.runs = runs;
  m.adopted = adopted;
  if (!moved) return last;
  let uses: Placed[] | undefined;
  for (let j = 0; j < was.length; j++) {
    const k = m.at[j]!;
    const b = blocks[m.idx[k]!]!;
    const before = m.blocks[k]!;
    if (b === before) continue;
    const u = was[j]!;
    const d = b.start - before.start;
    uses ??= was.slice();
    uses[j] = { use: u.use, offset: u.offset + d, endOffset: u.endOffset + d, glossary: u.glossary, section: b.section, label: u.label, place: u.place };
  }
  for (let j = 0; j < m.idx.length; j++) m.blocks[j] = blocks[m.idx[j]!]!;
  // (Only a heading's block moved, or no use is left: the answer as it was.)
  if (last === undefined || uses === undefined) return last;
  return (m.result = { entry: last.entry, uses, headed: last.headed, run: last.run, x: last.x, i: last.i, movedFrom: was });
}
const NO_PLACED: Placed[] = [];

/** Whether two lists of ranges are the same ranges. */
function sameRanges(a: Array<[number, number]>, b: Array<[number, number]>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}
const KIND_STATES = new WeakMap<RunSlots<RunTerms>, Partial<Record<TermKindKey, KindState>>>();

/**
 * Per entry of this kind, the places of the runs that hold it (use it, or name it in a heading), in order: the last
 * check's corrected by the runs an edit changed (RunSlots.change(): the runs between its first `before` and its last
 * `after` went and came; those after them moved by the change in number), else gathered from every run. The same lists
 * as gathering them from every run (speed only, term33).
 */
function kindEntries(memo: RunSlots<RunTerms>, runs: ReadonlyArray<Run<RunTerms>>, change: RunChange<RunTerms> | undefined, kind: TermKindKey): Map<DictionaryEntry, EntryRuns> {
  let states = KIND_STATES.get(memo);
  if (!states) KIND_STATES.set(memo, (states = {}));
  const state = states[kind];
  let at: Map<DictionaryEntry, EntryRuns>;
  let from = 0;
  let to = runs.length;
  if (state && change && state.runs === change.previous) {
    const { previous, before, after } = change;
    at = state.at;
    const went = previous.length - after;
    const d = runs.length - previous.length;
    from = before;
    to = runs.length - after;
    for (let r = before; r < went; r++) {
      runEntries(previous[r]!.value[kind]).forEach((_, entry) => {
        const held = at.get(entry)!;
        const k = held.places.indexOf(r);
        if (k >= 0) held.places.splice(k, 1);
        if (held.places.length === 0) at.delete(entry);
      });
    }
    if (d !== 0) {
      at.forEach(({ places }) => {
        for (let k = places.length - 1; k >= 0 && places[k]! >= went; k--) places[k]! += d;
      });
    }
    state.runs = runs;
  } else states[kind] = { runs, at: (at = new Map()) };
  for (let r = from; r < to; r++) {
    runEntries(runs[r]!.value[kind]).forEach((here, entry) => {
      const held = at.get(entry);
      if (!held) at.set(entry, { places: [r], dictionary: here.dictionary, placed: undefined, passes: false, filtered: undefined, filteredDictionary: undefined });
      else {
        const { places } = held;
        let k = places.length;
        while (k > 0 && places[k - 1]! > r) k--;
        places.splice(k, 0, r);
        held.dictionary ??= here.dictionary;
      }
    });
  }
  return at;
}

/** A block's uses of one kind of term that pass the tests on the block alone (block-text offsets). */
interface BlockUses {
  /** The block's index in its run. */
  k: number;
  uses: Array<{ use: TermUse; abbreviation: boolean; label: boolean }>;
  /** Entries named in a heading among other words (see termEntries). */
  headed: DictionaryEntry[];
  /** Where the uses stand in the block's source, for the source map they were placed by (placedIn). */
  placed?: PlacedUses;
}

/**
 * A block's uses placed by one source map: each use's start and end as document offsets less the block's start
 * (`rel`, in pairs), and each use's answer of the link test (inLinkText) when the test read only the block's own
 * source (LINK_YES, LINK_NO), else LINK_ASK (the test read text around the block: asked again at every check).
 */
interface PlacedUses {
  map: object;
  rel: number[];
  link: Uint8Array;
  /** The end of the block's source less its start (for the link test: 0 when it is not asked). */
  size: number;
}
const LINK_NO = 0;
const LINK_YES = 1;
const LINK_ASK = 2;

/**
 * The uses of a block placed (see PlacedUses), kept with the block's uses while the block is placed by the same source
 * map (speed only, vocab23: an edit does not map every use of the document again, nor read the text around it for a
 * link). A source map is the parser's for a block's source (the same object while that source is unchanged, wherever
 * it stands), so a use's distance from the block's start and the text of the block's source are the same: a link
 * test that read no character outside the block's source gives the same answer.
 */
function placedIn(bu: BlockUses, b: DocumentBlock, map: object, start: number, text: TextView | undefined): PlacedUses {
  let at = bu.placed;
  if (at && at.map === map && (text === undefined || at.link.length === bu.uses.length)) return at;
  const { uses } = bu;
  const rel: number[] = new Array(2 * uses.length);
  const link = new Uint8Array(text === undefined ? 0 : uses.length);
  // The block's source: from its start to the end of its last character.
  const end = text === undefined ? 0 : b.toDocument(b.source.text.length, b.source.text.length).endOffset;
  for (let i = 0; i < uses.length; i++) {
    const { use } = uses[i]!;
    const p = b.toDocument(use.start, use.end);
    rel[2 * i] = p.offset - start;
    rel[2 * i + 1] = p.endOffset - start;
    if (text !== undefined) {
      const yes = inLinkText(text, p.offset, p.endOffset);
      link[i] = LINK_READ.from >= start && LINK_READ.to < end ? (yes ? LINK_YES : LINK_NO) : LINK_ASK;
    }
  }
  bu.placed = at = { map, rel, link, size: text === undefined ? 0 : end - start };
  return at;
}

/**
 * A link test that read text around its block's source (LINK_ASK), with what it read there. Places are relative to the
 * block's start: the use's range, the first and last place read (LINK_READ) and the end of the block's source.
 */
export interface LinkAsk {
  /** Its block's place in the memo's `blocks`. */
  k: number;
  offset: number;
  endOffset: number;
  yes: boolean;
  from: number;
  to: number;
  end: number;
  /** The characters read before the block's source and after it (within the text), and how many places read lie before the text's start and at or after its end. */
  before: string;
  after: string;
  beforeOut: number;
  afterOut: number;
}

/** The link test of a use (places relative to its block's `start`; `size`: the block's source length), with what it read around the block. Exported for the tests. */
export function linkAsk(text: TextView, k: number, start: number, size: number, offset: number, endOffset: number): LinkAsk {
  const q: LinkAsk = { k, offset, endOffset, yes: inLinkText(text, start + offset, start + endOffset), from: 0, to: 0, end: size, before: '', after: '', beforeOut: 0, afterOut: 0 };
  readAround(text, q, start);
  return q;
}

/** Notes what the last inLinkText (of `q`'s use, its block at `start`) read before and after the block's source. */
function readAround(text: TextView, q: LinkAsk, start: number): void {
  const from = LINK_READ.from;
  const to = LINK_READ.to;
  const end = start + q.end;
  q.from = from - start;
  q.to = to - start;
  q.beforeOut = from < 0 ? -from : 0;
  // (Copies: no slice keeps a document version's text.)
  q.before = from < start ? detach(text.slice(Math.max(from, 0), start)) : '';
  q.afterOut = to >= text.length ? to - Math.max(end, text.length) + 1 : 0;
  q.after = to >= end && end < text.length ? detach(text.slice(end, Math.min(to + 1, text.length))) : '';
}

/**
 * Whether the link test of `q`'s use, its block now at `start`, would read what it read when noted (then it gives the
 * same answer). Speed only (s31): the test reads the places from LINK_READ.from to LINK_READ.to, one after another, each
 * decision by the character read (or by the place being outside the text); the block's own source is the same (the
 * same source map, see placedIn), so the same characters before and after it, and the same places outside the text,
 * make the test read and answer the same. Most such tests read one character outside the block (the line break before a
 * paragraph's first line): an edit no longer scans the text around each of them (~90 per edit on an 80,000-word thesis).
 * Exported for the tests.
 */
export function sameAround(text: TextView, q: LinkAsk, start: number): boolean {
  const from = start + q.from;
  const to = start + q.to;
  const end = start + q.end;
  const n = text.length;
  if ((from < 0 ? -from : 0) !== q.beforeOut || (to >= n ? to - Math.max(end, n) + 1 : 0) !== q.afterOut) return false;
  const before = q.before;
  if (from < start) {
    const lo = Math.max(from, 0);
    if (start - lo !== before.length) return false;
    for (let i = 0; i < before.length; i++) if (text.charCodeAt(lo + i) !== before.charCodeAt(i)) return false;
  } else if (before.length !== 0) return false;
  const after = q.after;
  const hi = Math.min(to + 1, n);
  if (to >= end && end < n) {
    if (hi - end !== after.length) return false;
    for (let i = 0; i < after.length; i++) if (text.charCodeAt(end + i) !== after.charCodeAt(i)) return false;
  } else if (after.length !== 0) return false;
  return true;
}
/** A run of blocks summarised for the term rules: each kind's uses, and the sentences with an adopting verb. */
interface RunTerms {
  jargon: BlockUses[];
  'person-first': BlockUses[];
  adopted: AdoptedBlock[];
  /** The titles (TITLE_KEYS) its sentences with an adopting verb could name, once per sentence and title (titlesNamed). */
  titles: string[];
}
/** A block's sentences with an adopting verb near their start, each with its normalized words and the verb's place (the block's index in its run). */
interface AdoptedBlock {
  k: number;
  hits: Array<{ norm: string[]; k: number }>;
}
const TERM_RUNS = new WeakMap<CompiledCues, RunSlots<RunTerms>>();
const NO_USES: BlockUses[] = [];
const NO_ADOPTED: AdoptedBlock[] = [];

function runUses(doc: DocumentModel, from: number, to: number, kind: 'jargon' | 'person-first', cues: CompiledCues, accept: Set<string>, acceptKey: string): BlockUses[] {
  let out = NO_USES;
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i]!;
    const facts = b.facts.vocabulary as VocabularyFacts | undefined;
    if (!facts || facts.terms.length === 0) continue;
    const own = ownUses(b, facts, cues, accept, acceptKey)[kind];
    if (own === undefined) continue;
    if (out === NO_USES) out = [];
    out.push({ k: i - from, uses: own.uses, headed: own.headed });
  }
  return out;
}

/** A block's uses of each kind that pass the tests on the block alone (undefined: none, and no heading naming one). */
interface OwnUses {
  cues: CompiledCues;
  accept: string;
  jargon: { uses: BlockUses['uses']; headed: DictionaryEntry[] } | undefined;
  'person-first': { uses: BlockUses['uses']; headed: DictionaryEntry[] } | undefined;
}

/**
 * A block's uses that pass the tests on the block alone, per kind, kept with its facts for the same cues and accepted
 * words (speed only, term33: a run summarised again after an edit asks its other blocks nothing again; every test reads
 * the block's analysis and text only, the same while its facts are).
 */
function ownUses(b: DocumentBlock, facts: VocabularyFacts, cues: CompiledCues, accept: Set<string>, acceptKey: string): OwnUses {
  let own = OWN_USES.get(b.facts);
  if (own && own.cues === cues && own.accept === acceptKey) return own;
  own = { cues, accept: acceptKey, jargon: undefined, 'person-first': undefined };
  // A template's guidance that addresses the writer (je bachelorproef, your thesis): not the writer's own text.
  if (!addressesWriter(b, cues)) for (const kind of TERM_KINDS) own[kind] = blockUses(b, facts, kind, accept);
  OWN_USES.set(b.facts, own);
  return own;
}
const OWN_USES = new WeakMap<object, OwnUses>();
const TERM_KINDS = ['jargon', 'person-first'] as const;

function blockUses(b: DocumentBlock, facts: VocabularyFacts, kind: 'jargon' | 'person-first', accept: Set<string>): OwnUses['jargon'] {
  const uses: BlockUses['uses'] = [];
  const heads: DictionaryEntry[] = [];
  for (const use of facts.terms) {
    const { entry } = use.hit;
    if (use.hit.kind !== kind) continue;
    if (accept.has(normalizeWord(entry.term)) || accept.has(normalizeWord(use.text))) continue;
    // A heading labels a section ("Methodologie", "Working in the Third Sector"): readers scan it, and the
    // same term in the text is reported there.
    if (kind === 'jargon' && use.defines === 'heading') {
      // A heading that holds the word among others names a part of the report's own work ("Alle behoeftes
      // stakeholders", "Dissemination plan"): the word is the report's own, asked about once, quietly. A heading that
      // is the word alone is a generic section name (Methodologie, Scope) and says nothing about the readers.
      const headingWords = b.sentences.reduce((n, s) => n + s.words.filter((w) => !w.isNumber).length, 0);
      if (headingWords > use.text.split(/\s+/).length) heads.push(entry);
      continue;
    }
    // "the homeless shelter": an adjective before a noun, not a label of people.
    if (use.adjective && !entry.adjective?.suggestions?.length) continue;
    const form = use.hit.form >= 0 ? entry.forms![use.hit.form]! : entry.term;
    const abbreviation = isAbbreviationForm(form);
    if (abbreviation && use.text !== form) continue;
    uses.push({ use, abbreviation, label: isLabel(b) });
  }
  return uses.length === 0 && heads.length === 0 ? undefined : { uses, headed: heads };
}

const DOC_PARTS = new WeakMap<DocumentModel, Map<CompiledCues, { adopted: Array<[number, number]>; runs: Array<Run<RunTerms>>; memo: RunSlots<RunTerms>; change: RunChange<RunTerms> | undefined }>>();

/** How many words a sentence may have before the participle that says its section is adopted text. */
const ADOPTED_REACH = 12;
/** Words at most between a section's title and that participle ("This Code of Conduct is adapted from", "Deze gedragscode werd in 2019 overgenomen"). */
const ADOPTED_GAP = 3;

/**
 * Sections that say they are someone else's text, by naming their own heading before a participle of adopting:
 * "This Code of Conduct is adapted from the Contributor Covenant", "Deze gedragscode is overgenomen van …".
 * Returned as document ranges (the section with its subsections). A chapter "adapted from a paper" does not
 * name its own title and stays the writer's text (a thesis chapter the writer published before).
 */
function adoptedIn(doc: DocumentModel, cues: CompiledCues, runs: ReadonlyArray<Run<RunTerms>>, state: TitleCounts): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (cues.adoptedVerbs.size === 0 || doc.sections.length === 0) return out;
  // A sentence names a section only by its title: without a section whose title some sentence of the document could
  // name (most documents), no section is adopted, and no sentence is asked (speed only, vocab23).
  const named = state.counts;
  if (named.size === 0) return out;
  if (!named.has(ANY_TITLE) && !someTitleNamed(doc.sections, state)) return out;
  // (Indexed loops over the runs: no iterator per run at every check.)
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const adopted = run.value.adopted;
    for (let x = 0; x < adopted.length; x++) {
      const { k, hits } = adopted[x]!;
      const b = doc.blocks[run.from + k]!;
      const at = b.toDocument(0, 0).offset;
      const enclosing = doc.sections.filter((sec) => sec.offset <= at && at < sec.contentEnd);
      for (const { norm, k: verb } of hits) {
        for (const sec of enclosing) {
          // Each section's title in normalized words, remembered per title (speed only, lsp10c: the same at every check).
          let title = TITLE_WORDS.get(sec.title);
          if (!title) {
            if (TITLE_WORDS.size > 5000) TITLE_WORDS.clear();
            TITLE_WORDS.set(sec.title, (title = normalizePhrase(sec.title.replace(/[^\p{L}\p{N}\s'-]/gu, ' '))));
          }
          if (title.length === 0) continue;
          // The title opens the sentence, after at most one word (This, Deze, The).
          const names = [0, 1].some((i) => i + title.length < verb && verb - (i + title.length) <= ADOPTED_GAP && title.every((w, j) => norm[i + j] === w));
          if (names) out.push([sec.offset, sec.contentEnd]);
        }
      }
    }
  }
  return out;
}

const TITLE_WORDS = new Map<string, string[]>();

/** A title's normalized words as one key (as TITLE_WORDS has them, joined by a NUL; '' for a title without words), per title. */
function titleKey(title: string): string {
  let key = TITLE_KEYS.get(title);
  if (key === undefined) {
    if (TITLE_KEYS.size > 5000) TITLE_KEYS.clear();
    TITLE_KEYS.set(title, (key = normalizePhrase(title.replace(/[^\p{L}\p{N}\s'-]/gu, ' ')).join('\u0000')));
  }
  return key;
}
const TITLE_KEYS = new Map<string, string>();
/** Stands for every title: a sentence with a word holding a NUL (never in prose) could name any (adoptedIn asks every sentence). */
const ANY_TITLE = '\u0000';

/**
 * The keys (titleKey) of the titles the sentences with an adopting verb could name, as adoptedIn's test reads them: the
 * title's words are the sentence's from its first or second word on, ending one to ADOPTED_GAP words before the verb.
 */
function titlesNamed(adopted: AdoptedBlock[]): string[] {
  if (adopted.length === 0) return NO_TITLES;
  const out: string[] = [];
  for (const { hits } of adopted) {
    for (const { norm, k: verb } of hits) {
      if (norm.some((w, i) => i < verb && w.includes('\u0000'))) out.push(ANY_TITLE);
      for (const i of [0, 1]) for (let n = Math.max(1, verb - i - ADOPTED_GAP); n <= verb - i - 1; n++) out.push(norm.slice(i, i + n).join('\u0000'));
    }
  }
  return out;
}
const NO_TITLES: string[] = [];

/**
 * How often each title key comes among the runs' titles (titlesNamed), kept per RunSlots and corrected by the runs an
 * edit changed (RunSlots.change(): the runs that went less, those that came more), not counted over every run again.
 */
function titleCounts(memo: RunSlots<RunTerms>, runs: ReadonlyArray<Run<RunTerms>>, change: RunChange<RunTerms> | undefined): TitleCounts {
  let state = TITLE_COUNTS.get(memo);
  const add = (s: TitleCounts, titles: string[], delta: number) => {
    const counts = s.counts;
    for (const t of titles) {
      const was = counts.get(t);
      const n = (was ?? 0) + delta;
      if (n === 0) counts.delete(t);
      else counts.set(t, n);
      // A key that came or went: the sections' titles are to be asked again (someTitleNamed).
      if (n === 0 || was === undefined) s.named = undefined;
    }
  };
  if (state && change && state.runs === change.previous) {
    const { previous, before, after } = change;
    for (let k = before; k < previous.length - after; k++) add(state, previous[k]!.value.titles, -1);
    for (let k = before; k < runs.length - after; k++) add(state, runs[k]!.value.titles, 1);
    state.runs = runs;
  } else {
    state = { runs, counts: new Map(), named: undefined };
    for (const r of runs) add(state, r.value.titles, 1);
    TITLE_COUNTS.set(memo, state);
  }
  return state;
}
/** The title keys the runs' sentences could name, counted (titleCounts), and the last answer of someTitleNamed for them. */
interface TitleCounts {
  runs: ReadonlyArray<Run<RunTerms>>;
  counts: Map<string, number>;
  /** The sections' titles someTitleNamed last read, and its answer; undefined when a key came or went since. */
  named: { titles: string[]; answer: boolean } | undefined;
}
const TITLE_COUNTS = new WeakMap<RunSlots<RunTerms>, TitleCounts>();

/**
 * Whether some section's title is among the keys counted (its titleKey): the last answer while the keys and the sections'
 * titles are the same (speed only, term33: an edit elsewhere does not look every title up again; a title is compared as
 * a string, most often the same string as at the last check).
 */
function someTitleNamed(sections: readonly Section[], state: TitleCounts): boolean {
  const last = state.named;
  if (last && last.titles.length === sections.length) {
    let same = true;
    for (let i = 0; i < sections.length && same; i++) same = sections[i]!.title === last.titles[i];
    if (same) return last.answer;
  }
  const titles: string[] = new Array(sections.length);
  let answer = false;
  for (let i = 0; i < sections.length; i++) {
    const title = (titles[i] = sections[i]!.title);
    if (answer) continue;
    const key = titleKey(title);
    if (key !== '' && state.counts.has(key)) answer = true;
  }
  state.named = { titles, answer };
  return answer;
}
const NO_HITS: Array<{ norm: string[]; k: number }> = [];

/** The blocks of a run with sentences that have an adopting verb near their start (with the sentence's words and the verb's place). */
function runAdopted(doc: DocumentModel, from: number, to: number, cues: CompiledCues): AdoptedBlock[] {
  let out = NO_ADOPTED;
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i]!;
    const p = proseOf(b);
    // Speed only (lsp8): the answer kept with the block's cached prose, so an edit does not ask every block again.
    // (And its sentences with an adopting verb near their start, each with its words and the verb's place.)
    if (!p.adopted || p.adopted.verbs !== cues.adoptedVerbs) {
      let any = false;
      for (const v of cues.adoptedVerbs) if (countIn(p, v) > 0) any = true;
      // Memory only (rulemem22): a block without an adopting verb shares one empty list.
      let hits: Array<{ norm: string[]; k: number }> = NO_HITS;
      if (any) {
        hits = [];
        for (const s of b.sentences) {
          const norm = s.words.map(wordNorm);
          const k = norm.findIndex((w, i) => i <= ADOPTED_REACH && cues.adoptedVerbs.has(w));
          if (k >= 0) hits.push({ norm, k });
        }
      }
      p.adopted = { verbs: cues.adoptedVerbs, hits };
    }
    if (p.adopted.hits.length) (out === NO_ADOPTED ? (out = []) : out).push({ k: i - from, hits: p.adopted.hits });
  }
  return out;
}

/** Whether a block is a template's guidance that addresses the writer (je bachelorproef, your thesis): not the writer's own text. */
function addressesWriter(b: DocumentBlock, cues: CompiledCues): boolean {
  if (cues.writerAddress.length) {
    const p = proseOf(b);
    if (cues.writerAddress.some((k) => countIn(p, k) > 0)) return true;
  }
  return false;
}

/** How far (in characters, on the same line) the brackets of a link's text may stand from a term in it. */
const LINK_REACH = 200;

/**
 * Whether a document range lies in the text of a Markdown link or reference link ([text](url),
 * [text][ref]): an unclosed `[` before it and `](` or `][` after it, on the same line.
 */
export function inLinkText(text: TextView, offset: number, endOffset: number): boolean {
  // By code unit (speed only, voc16): [ 91, ] 93, line feed 10, ! 33, ( 40.
  // LINK_READ: the first and the last place read, or a place outside the text (see placedIn).
  LINK_READ.to = endOffset - 1;
  let i = offset - 1;
  for (; i >= 0 && offset - i <= LINK_REACH; i--) {
    const c = text.charCodeAt(i);
    if (c === 91) break;
    if (c === 93 || c === 10) {
      LINK_READ.from = i;
      return false;
    }
  }
  // The place the loop stopped at and the one before it may be read below (before the text: -1 or less).
  LINK_READ.from = i - 1;
  if (i < 0 || text.charCodeAt(i) !== 91 || text.charCodeAt(i - 1) === 33) return false;
  let j = endOffset;
  for (; j < text.length && j - endOffset <= LINK_REACH; j++) {
    const c = text.charCodeAt(j);
    if (c === 93) {
      LINK_READ.to = j + 1;
      return text.charCodeAt(j + 1) === 40 || text.charCodeAt(j + 1) === 91;
    }
    if (c === 91 || c === 10) {
      LINK_READ.to = j;
      return false;
    }
  }
  // Stopped at the end of the text (a place outside it) or at the reach.
  LINK_READ.to = j;
  return false;
}
/** The first and the last place the last inLinkText read (from below 0 or `to` at the text's length: outside the text). */
const LINK_READ = { from: 0, to: 0 };

/**
 * A block that labels something rather than telling about it: a short list item, table cell or
 * caption (Prioritering van taken, a stage, a feature). A cell or item that is a sentence
 * ("Het ontwerp moet pauzemomenten faciliteren …") is the writer's prose.
 */
function isLabel(b: DocumentBlock): boolean {
  const { kind, text } = b.source;
  if (kind !== 'listItem' && kind !== 'caption' && kind !== 'tableCell') return false;
  const t = text.replace(/^[\s\d.)(•*-]+/u, '').trim();
  return !/[.!?;]$/.test(t) && t.split(/\s+/).length <= LABEL_WORDS;
}

/** A word or stock phrase with a plain equivalent that fits wherever it stands (indien, prior to), or a reviewed drop-in swap. */
function plainEquivalent(entry: DictionaryEntry): boolean {
  return entry.safe === true || !CONTENT_POS.has(entry.pos ?? '');
}

/** Parts of speech that carry a report's content: such a word can be its readers' own word. */
const CONTENT_POS = new Set(['noun', 'verb', 'adjective']);

/** Words at the start of a document within which it names itself a thesis (title page, abstract). */
const THESIS_WINDOW = 600;
const THESIS_WORDS = new WeakMap<object, string[]>();

/** Whether the document names itself a thesis near its start (thesis, dissertation, scriptie, bachelorproef …). */
export function isThesis(doc: DocumentModel, cues: CompiledCues): boolean {
  if (!cues.thesisWords.length) return false;
  // The words of the first blocks: the same arrays as at the last check (an edit further on) give the same answer
  // (speed only, lsp15).
  const owns: string[][] = [];
  let n = 0;
  for (const b of doc.blocks) {
    if (n >= THESIS_WINDOW) break;
    // The block's words normalized, kept with its cached analysis (speed only, lsp9: not renormalized at every check).
    let own = THESIS_WORDS.get(b.core.counts);
    if (!own) THESIS_WORDS.set(b.core.counts, (own = normalizePhrase(b.source.text.replace(/[^\p{L}\p{N}\s'-]/gu, ' '))));
    owns.push(own);
    n += own.length;
  }
  const last = LAST_THESIS;
  if (last && last.cues === cues && last.owns.length === owns.length && last.owns.every((o, i) => o === owns[i])) return last.answer;
  const head: string[] = [];
  for (const own of owns) for (const w of own) if (head.length < THESIS_WINDOW) head.push(w);
  let answer = false;
  for (const p of cues.thesisWords) {
    for (let i = 0; i < head.length && !answer; i++) {
      let k = 0;
      while (k < p.length && head[i + k] === p[k]) k++;
      if (k === p.length) answer = true;
    }
    if (answer) break;
  }
  LAST_THESIS = { cues, owns, answer };
  return answer;
}
/** The last answer of isThesis, with the word arrays of the blocks it read. */
let LAST_THESIS: { cues: CompiledCues; owns: string[][]; answer: boolean } | undefined;

/**
 * Which registers the reader is shown (options of vocabulary/jargon, per audience):
 * - everyday words (`everyday: true`: assistance, approximately, aangezien) only with `everydayWords`
 *   (the general audience): practitioners read them without trouble;
 * - the academic register (`register: academic`: theoretical framework, empirical, implicaties) with
 *   `academicWords`: `always`, `outside-theses` (not in a document that names itself a thesis: its
 *   first readers are examiners, for whom these are the exact words) or `never` (academic audience);
 * - technical terms (`register: technical`: standard deviation, socioeconomic status, validiteit) only with
 *   `technicalWords` (the general audience): for practitioners they are the exact words, to explain, not replace.
 */
function registerFilter(ctx: RuleContext, thesis: () => boolean): (entry: DictionaryEntry, dictionary: DictionaryEntryDictionary) => boolean {
  const on = (v: unknown) => v === true || v === 'true';
  const everyday = on(ctx.options.everydayWords);
  const technical = on(ctx.options.technicalWords);
  const academic = String(ctx.options.academicWords ?? 'outside-theses');
  return (entry, dictionary) => {
    switch (registerOf(entry, dictionary)) {
      case 'everyday':
        return everyday;
      case 'technical':
        return technical;
      case 'academic':
        if (academic === 'never') return false;
        if (academic === 'outside-theses') return !thesis();
        return true;
      default:
        return true;
    }
  };
}

/**
 * Which terms are hints rather than shown (option fieldWords of vocabulary/jargon, per audience): a
 * content word (noun, verb, adjective) without a reviewed one-for-one swap whose class is `field`
 * (the words of a field of work: stakeholder, deliverables, functionaliteit, borgen) or `academic`
 * (implementation, intervention, respondent). Whether such a word is jargon depends on the readers:
 * the blind judgements of sessions 3–5 found them the readers' own words in most reports for
 * practitioners (English field and academic content words about 1 in 4 true, Dutch ones about 2 in 5),
 * while stiff officialese (verrichten, problematiek, adequaat), anglicisms in Dutch text (scope,
 * trade-off) and stock phrases and reviewed swaps (indien, prior to) were 9 in 10 true. They are
 * still found, as hints; `fieldWords: shown` (the general audience) shows them as information, and a
 * severity set for the rule in .brug.yml applies to them as to every term.
 */
function fieldWordFilter(ctx: RuleContext, meta: RuleMeta): (entry: DictionaryEntry, dictionary: DictionaryEntryDictionary) => boolean {
  // A severity the project set for the rule holds for every term (as for the warning budget).
  const shownAnyway = String(ctx.options.fieldWords ?? 'hint') === 'shown' || ctx.config.rules[meta.id]?.severity !== undefined;
  return (entry, dictionary) => {
    if (shownAnyway || plainEquivalent(entry)) return false;
    const register = registerOf(entry, dictionary);
    return register === 'field' || register === 'academic';
  };
}

/** An entry's class: its own, else everyday when marked so, else its dictionary's, else officialese. */
export function registerOf(entry: DictionaryEntry, dictionary: DictionaryEntryDictionary): EntryRegister {
  return entry.register ?? (entry.everyday ? 'everyday' : dictionary.register ?? 'officialese');
}

type DictionaryEntryDictionary = TermUse['hit']['dictionary'];

/** Whether a document's full form of an abbreviation is the dictionary entry's term or one of its forms. */
function meansEntry(full: string, entry: DictionaryEntry): boolean {
  const f = normalizePhrase(full).join(' ');
  return [entry.term, ...(entry.forms ?? [])].some((t) => !isAbbreviationForm(t) && f.includes(normalizePhrase(t).join(' ')));
}

/** An entry's finding as made at a check, with what it was made from (findingFor). */
interface FindingMemo {
  c: TermContext;
  language: string;
  headed: boolean;
  /** The places it was made for. */
  uses: Placed[];
  /** The last places found the same uses as `uses` (sameUses). */
  same: Placed[];
  /** Never handed out: each check gets a copy (the engine and the rules after it change findings in place). */
  finding: DocumentFinding;
  subject: boolean;
  /** Per fix, per edit: the use whose place the edit is at. */
  editUses: number[][];
  /** The finding handed out last (a copy, handOut), the uses it was moved to and its mark. */
  out: DocumentFinding | undefined;
  outUses: Placed[] | undefined;
  outMark: number;
}

/**
 * An entry's finding: made by termFinding, or the last check's, moved, when the entry has the same uses (the same
 * analysed uses in blocks with the same source maps, so at the same places in their blocks, with the same glossary and
 * label flags), in the same context (speed only, voc16: an edit elsewhere leaves most findings as they were, but for
 * where their blocks now stand). Every offset of a finding is that of one of its uses plus a distance within that use's
 * block, so moving each by its use's shift gives what termFinding gives. Speed only (s31): uses moved from the places
 * last found the same (`movedFrom`, placedAgain) are the same uses too, without comparing them one by one (sameUses
 * reads what moving them kept: each use, its block's source map, its flags and its length).
 */
function findingFor(doc: DocumentModel, c: TermContext, entry: DictionaryEntry, uses: Placed[], headed: boolean, movedFrom: Placed[] | undefined, last: Map<DictionaryEntry, FindingMemo>, next: Map<DictionaryEntry, FindingMemo>): FindingMemo {
  let m = last.get(entry);
  if (!m || m.headed !== headed || m.language !== doc.language || m.c.cues !== c.cues || !sameChoices(m.c.prefer, c.prefer) || !(uses === m.same || (movedFrom !== undefined && movedFrom === m.same) || sameUses(m.uses, uses))) {
    const owners = new Map<TextEdit, number>();
    const made = termFinding(doc, c, entry, uses, headed, owners);
    const editUses = (made.finding.fixes ?? []).map((f) => f.edits.map((e) => owners.get(e) ?? 0));
    m = { c, language: doc.language, headed, uses, same: uses, finding: made.finding, subject: made.subject, editUses, out: undefined, outUses: undefined, outMark: 0 };
  }
  m.same = uses;
  next.set(entry, m);
  return m;
}

/** Marks of a finding handed out (check): none, a hint (a field word, fieldWordFilter), information (rankWarnings). */
const QUIET = 1;
const RANKED = 2;

/**
 * A memo's finding for the uses `now`, marked: the one handed out last when it was made for the same uses (the same
 * placed list: the same places) with the same mark (speed only, term36: what an edit left alone is the same object, which
 * the engine takes as it was, engine.ts asFindingAfter), else a new copy, moved (moved()) and marked.
 */
function handOut(m: FindingMemo, now: Placed[], mark: number): DocumentFinding {
  if (m.out !== undefined && m.outUses === now && m.outMark === mark) return m.out;
  const f = moved(m, now, mark);
  m.out = f;
  m.outUses = now;
  m.outMark = mark;
  return f;
}

/** Whether two projects chose the same words (vocabulary.prefer; a check without a configuration gets a new object each time). */
export function sameChoices(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i] || a[keys[i]!] !== b[keys[i]!]) return false;
  return true;
}

/** Whether two lists of places are the same uses at the same places in the same blocks (wherever the blocks stand). */
function sameUses(a: Placed[], b: Placed[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.use !== y.use || x.place !== y.place || x.glossary !== y.glossary || x.label !== y.label || x.endOffset - x.offset !== y.endOffset - y.offset) return false;
  }
  return true;
}

/**
 * A copy of a memo's finding, each offset moved by the shift of its use from where the finding was made (m.uses) to
 * `now`, and marked (handOut). What stands at a use that is where it was in the finding handed out last (the same placed
 * use: placedAgain keeps it while its block is the same block object) is that finding's (speed only, term36: a related
 * place, an edit, a fix whose edits all are, the data with the same mark; an edit elsewhere copies only what it moved).
 * The engine may have snapped those ranges or made such a fix a suggestion in place (DocumentRule.check): by the text at
 * and around them in their block, which is the same, so it would do so again to a copy.
 */
function moved(m: FindingMemo, now: Placed[], mark: number): DocumentFinding {
  const t = m.finding;
  const d = (i: number): number => now[i]!.offset - m.uses[i]!.offset;
  // The finding handed out last (made from this memo) and the uses it stood at.
  const prev = m.out;
  const was = prev !== undefined ? m.outUses! : NO_PLACED;
  const d0 = d(0);
  const out: DocumentFinding = { ...t, offset: t.offset + d0, endOffset: t.endOffset + d0 };
  if (t.related) {
    const related = t.related;
    const before = prev?.related;
    const copy: RelatedLocation[] = new Array(related.length);
    let all = before !== undefined;
    for (let i = 0; i < related.length; i++) {
      if (before !== undefined && now[i + 1] === was[i + 1]) copy[i] = before[i]!;
      else {
        const r = related[i]!;
        const x = d(i + 1);
        copy[i] = { ...r, offset: r.offset + x, endOffset: r.endOffset + x };
        all = false;
      }
    }
    out.related = all ? before : copy;
  }
  if (t.fixes) {
    const fixes = t.fixes;
    const before = prev?.fixes;
    const copy: Fix[] = new Array(fixes.length);
    for (let j = 0; j < fixes.length; j++) {
      const f = fixes[j]!;
      const owners = m.editUses[j]!;
      const old = before?.[j];
      let all = old !== undefined;
      for (let k = 0; k < owners.length && all; k++) if (now[owners[k]!] !== was[owners[k]!]) all = false;
      if (all) {
        copy[j] = old!;
        continue;
      }
      const edits: TextEdit[] = new Array(f.edits.length);
      for (let k = 0; k < edits.length; k++) {
        const u = owners[k]!;
        if (old !== undefined && now[u] === was[u]) edits[k] = old.edits[k]!;
        else {
          const e = f.edits[k]!;
          const x = d(u);
          edits[k] = { ...e, offset: e.offset + x, endOffset: e.endOffset + x };
        }
      }
      copy[j] = { ...f, edits };
    }
    out.fixes = copy;
  }
  if (t.data) {
    if (prev !== undefined && m.outMark === mark) out.data = prev.data;
    else {
      const data = (out.data = { ...t.data });
      if (mark === QUIET) data.fieldWord = true;
      else if (mark === RANKED) data.ranked = true;
    }
  }
  if (mark === QUIET) out.severity = 'hint';
  else if (mark === RANKED) out.severity = 'info';
  return out;
}

/** The one finding of a term: at its first use, with its fixes, its other places and its message. */
function termFinding(doc: DocumentModel, c: TermContext, entry: DictionaryEntry, uses: Placed[], headed = false, owners?: Map<TextEdit, number>): { finding: DocumentFinding; subject: boolean } {
  const first = uses[0]!;
  const { dictionary } = first.use.hit;
  const count = uses.length;
  // A definition sentence or a glossary defines a term; a heading that names it (Methodologie) does not.
  const defined = uses.some((u) => u.use.defines === 'sentence' || u.glossary);
  // A content word in a short list item, table cell or caption names a part of the report's work
  // (a stage, a feature of its product): the report's readers meet it as their word. (A heading
  // names a section and is not counted: "Methodologie", "Alle behoeftes stakeholders" — the judged
  // findings on the same words in the text were true.)
  const labelled = c.kind === 'jargon' && CONTENT_POS.has(entry.pos ?? '') && (headed || uses.some((u) => u.label));
  const subject = c.kind === 'jargon' && ((isNoun(entry) && (count >= SUBJECT_USES || (defined && count >= DEFINED_SUBJECT_USES))) || labelled);
  const suggestions = suggestionsFor(first.use.hit, c.prefer);
  const related: RelatedLocation[] = uses.slice(1, 1 + MAX_RELATED).map((u) => ({
    offset: u.offset,
    endOffset: u.endOffset,
    message: message(`"${u.use.text}" again`, `Weer "${u.use.text}"`),
    sameUse: true,
  }));
  const finding: DocumentFinding = {
    offset: first.offset,
    endOffset: first.endOffset,
    // A subject: one question, information. A label: one quiet question (a hint), the writer knows whether the readers use the word.
    ...(subject ? { severity: labelled ? ('hint' as const) : ('info' as const) } : {}),
    message: termMessage(c.text, entry, first, suggestions, count, subject, defined, labelled && !(isNoun(entry) && count >= SUBJECT_USES), chosenBy(c.prefer, entry)),
    fixes: termFixes(doc, c, entry, uses, suggestions, subject, owners),
    ...(related.length ? { related } : {}),
    data: {
      entryId: entry.id,
      term: entry.term,
      matched: first.use.text,
      suggestions,
      domain: dictionary.domain,
      ...(count > 1 ? { count } : {}),
      ...(subject ? { subject: true } : {}),
      ...(labelled ? { label: true } : {}),
      ...(first.use.compound ? { compound: first.use.compound } : {}),
    },
  };
  return { finding, subject };
}

/** The fixes of a term's finding: its replacements (one place, or all at once), an explanation, accepting it. */
function termFixes(doc: DocumentModel, c: TermContext, entry: DictionaryEntry, uses: Placed[], suggestions: string[], subject: boolean, owners?: Map<TextEdit, number>): Fix[] {
  const first = uses[0]!;
  const count = uses.length;
  const fixes: Fix[] = [];
  const accepting: Fix = {
    title: message(`Accept "${entry.term}" in this project`, `Accepteer "${entry.term}" in dit project`),
    preferred: subject,
    kind: 'suggestion',
    edits: [],
    configEdit: { path: ['vocabulary', 'accept'], value: entry.term },
  };
  if (subject) fixes.push(accepting);
  const replacements = replacementsAt(doc, first, suggestions, c.kind, c.cues);
  // Every use at once, with the first suggestion: safe only when every single swap is.
  let all: Fix | undefined;
  if (count > 1 && replacements.length > 0) {
    const each = uses.map((u, i) => {
      const r = replacementsAt(doc, u, suggestionsFor(u.use.hit, c.prefer), c.kind, c.cues)[0];
      if (r) owners?.set(r.edit, i);
      return r;
    }).filter((r) => r !== undefined);
    if (each.length > 1) {
      const to = suggestions[0]!;
      all = {
        title: message(`Replace all ${each.length} with "${to}"`, `Vervang alle ${each.length} door "${to}"`),
        preferred: false,
        kind: each.length === count && each.every((r) => r.kind === 'safe') ? 'safe' : 'suggestion',
        edits: each.map((r) => r.edit),
      };
    }
  }
  // The preferred fix: for a term used once, its replacement when it is the only one or safe;
  // for a term used more often, replacing all of them (so one --fix leaves nothing to do).
  // A suggestion that is not a reviewed swap may change number or meaning: it is an option, never the preferred fix.
  // The project's own word (vocabulary.prefer) is its chosen fix.
  const chosen = chosenBy(c.prefer, entry);
  // (Person-first rewording keeps its single suggestion as the preferred fix: it always needs a person.)
  const single = replacements[0]?.kind === 'safe' || (suggestions.length === 1 && (chosen || c.text.examples !== true));
  // When every use can safely be swapped, that one fix is the choice; else each place can be chosen.
  if (all?.kind !== 'safe') {
    replacements.forEach((r, i) => {
      fixes.push({
        title: message(`Replace with "${r.newText}"`, `Vervang door "${r.newText}"`),
        preferred: !subject && !all && single && i === 0,
        kind: r.kind,
        edits: [r.edit],
      });
    });
  }
  if (all) fixes.push({ ...all, preferred: !subject && (all.kind === 'safe' || (suggestions.length === 1 && (chosen || c.text.examples !== true))) });
  if (entry.gloss) {
    fixes.push({
      title: message('Explain on first use', 'Leg uit bij het eerste gebruik'),
      preferred: false,
      kind: 'suggestion',
      edits: [{ offset: first.endOffset, endOffset: first.endOffset, newText: ` (${entry.gloss})` }],
    });
  }
  if (!subject) fixes.push(accepting);
  return fixes;
}

/** The message of a term's finding: what the term is and what practice says, or the subject question. */
function termMessage(text: TermRuleText, entry: DictionaryEntry, first: Placed, suggestions: string[], count: number, subject: boolean, defined: boolean, labelled: boolean, chosen: boolean): Message {
  const { dictionary } = first.use.hit;
  const kindOfTerm: TermKind = dictionary.domain === 'anglicisme' ? 'loanword' : !CONTENT_POS.has(entry.pos ?? '') ? 'phrase' : registerOf(entry, dictionary);
  const found = first.use.adjective ? text.found(first.use.adjective.text, kindOfTerm) : text.found(first.use.text, kindOfTerm);
  const quoted = (first.use.adjective ? entry.adjective!.suggestions ?? [] : suggestions).map((s) => `"${s}"`);
  const times = count > 1 ? message(` It comes back ${count} times; the other places are listed with this finding.`, ` Het komt ${count} keer voor; de andere plaatsen staan bij deze melding.`) : message('', '');
  // A reviewed drop-in swap is what practitioners say; any other suggestion may change the number or
  // the meaning (functionaliteit → functie), so it is offered as an example to choose from.
  const swap = text.examples !== true || chosen || (entry.safe === true && !first.use.adjective && !first.use.unsafe);
  if (subject && labelled)
    return {
      en: `"${first.use.text}" names a part of this report (a heading, a table, a caption or a list label): it may be your readers' own word. If they use it too, accept it for this project; if not, consider ${joinAlternatives(quoted, 'or')}.`,
      nl: `"${first.use.text}" is de naam van een onderdeel van dit rapport (een kop, tabel, onderschrift of lijst): misschien is het het woord van je lezers zelf. Gebruiken zij het ook, accepteer het dan voor dit project; zo niet, overweeg dan ${joinAlternatives(quoted, 'of')}.`,
    };
  return subject
    ? {
        en: `"${first.use.text}" comes back ${count} times${defined ? ' and is defined here' : ''}: it looks like a subject of this report. If your readers use the word too, accept it for this project; if not, practitioners say ${joinAlternatives(quoted, 'or')}.`,
        nl: `"${first.use.text}" komt ${count} keer voor${defined ? ' en wordt hier uitgelegd' : ''}: het lijkt een onderwerp van dit rapport. Gebruiken je lezers het woord zelf ook, accepteer het dan voor dit project; zo niet, dan zeggen professionals ${joinAlternatives(quoted, 'of')}.`,
      }
    : {
        en: `${found.en} ${swap ? 'Practitioners say' : 'Practitioners say, for example,'} ${joinAlternatives(quoted, 'or')}. ${dictionary.language === 'en' ? entry.reason : ''}`.trim() + times.en,
        nl: `${found.nl} ${swap ? 'In de praktijk:' : 'In de praktijk bijvoorbeeld:'} ${joinAlternatives(quoted, 'of')}. ${dictionary.language === 'nl' ? entry.reason : ''}`.trim() + times.nl,
      };
}

/** Sections practitioners read first: a term there weighs as much as this many more uses. */
const KEY_ROLES = new Set(['summary', 'conclusion', 'recommendations']);
const KEY_SECTION_WEIGHT = 3;

/**
 * A noise budget for jargon, as for long sentences: warnings only for words with a plain
 * equivalent that fits wherever they stand (weight > 0), those in the summary or conclusions
 * first, then in document order, at most `warningsPer1000Words` (at least one); the others
 * become information. How often a term comes back never makes it a warning (the blind judgement
 * of session 4: warnings on frequent content words were the false ones). Every term is
 * still reported once, with its places; the Problems panel opens with the ones to start on.
 * A severity set for the rule in .brug.yml applies to every term instead.
 */
function rankWarnings(doc: DocumentModel, ctx: RuleContext, meta: RuleMeta, weighed: Weighed[], marks: number[]): void {
  // A severity the project set for the rule holds for every term.
  if (ctx.config.rules[meta.id]?.severity) return;
  // A value from .brug.yml that is not a number falls back on the audience's default.
  const given = Number(ctx.options.warningsPer1000Words);
  const per1000 = Math.max(0, Number.isFinite(given) && String(ctx.options.warningsPer1000Words ?? '').trim() !== '' ? given : Number(meta.options[ctx.audience].warningsPer1000Words));
  const budget = Math.max(1, Math.round((doc.metrics.words * per1000) / 1000));
  // (A stable sort of the findings in their order, by weight, then by where they stand.)
  const ranked = weighed.length > 1 ? weighed.sort((a, b) => b.w - a.w || a.offset - b.offset) : weighed;
  for (let i = 0; i < ranked.length; i++) {
    const { k, w } = ranked[i]!;
    // (Marked as information with `ranked` in its data when handed out: handOut.)
    if (!(w > 0 && i < budget)) marks[k] = RANKED;
  }
}

/** A finding to rank (rankWarnings): its index among the check's findings, its weight and where it will stand. */
interface Weighed {
  k: number;
  w: number;
  offset: number;
}

/** Nouns can be a report's subject; a verb or a stock phrase ("in order to") never is. */
function isNoun(entry: DictionaryEntry): boolean {
  return entry.pos === 'noun';
}

/** Whether a section (its index; -1 before the first heading) is a glossary or a list of terms (by its heading). */
function isGlossary(doc: DocumentModel, cues: CompiledCues, section: number): boolean {
  const s = doc.sections[section];
  if (!s) return false;
  // Per title, remembered for these cues (speed only, lsp9: the same headings at every check; term33: asked for the
  // sections of the uses placed, not for every section at every check).
  let known = GLOSSARY_TITLES.get(cues);
  if (!known || known.size > 20000) GLOSSARY_TITLES.set(cues, (known = new Map()));
  let glossary = known.get(s.title);
  if (glossary === undefined) {
    const words = normalizePhrase(s.title.replace(/[^\p{L}\p{N}\s-]/gu, ' '));
    known.set(s.title, (glossary = words.some((w) => cues.glossaryHeadings.includes(w))));
  }
  return glossary;
}
const GLOSSARY_TITLES = new WeakMap<CompiledCues, Map<string, boolean>>();

/**
 * Per analysed block: its prose normalized, and how often each phrase asked about occurs in it.
 * Keyed by the block's counts object, which the engine's block cache hands out unchanged while
 * the block's text is unchanged: a re-check after an edit normalizes and searches only the
 * edited blocks (the language server re-checks at every keystroke).
 */
const blockProse = new WeakMap<object, BlockProse>();
/** A block's prose, the counts of phrases asked about, and whether it holds an adopting verb (per verb set). */
interface BlockProse {
  /** The block's text. */
  text: string;
  /**
   * Its prose (proseText), made when a phrase may be in it (speed only, abbr27: most blocks hold none of the phrases
   * asked about, and a search of the text says so for most of them; see mayHold).
   */
  prose?: string;
  /** Whether the text has a letter or digit beyond ASCII (made at the first phrase asked about). */
  wide?: boolean;
  /** The text in lower case, when it is not wide (made at the first phrase asked about, with the prose not made). */
  lower?: string;
  /** Made at the first phrase the block holds (memory only, rulemem22: most blocks hold none of those asked about). */
  counts?: Map<string, number>;
  adopted?: { verbs: ReadonlySet<string>; hits: Array<{ norm: string[]; k: number }> };
}

/** Per document in use: how often each phrase asked about occurs, summed over its blocks (kept up to date by the blocks an edit changed). */
const FIELD_TOTALS = new BlockStates(() => new Map<string, number>());
/** What identifies a block's cached analysis (the same object while the block's text is unchanged). */
const countsOf = (b: DocumentBlock): object => b.core.counts;
/** Each phrase asked about (the dictionaries' `practiceIn` and `onlyIn` words) normalized as a key of the counts. */
const PHRASE_KEYS = new Map<string, string>();
/** The pattern of each phrase asked about (the dictionaries' `practiceIn` words). */
const PHRASE_PATTERNS = new Map<string, RegExp>();

function proseOf(b: DocumentBlock): BlockProse {
  let p = blockProse.get(b.core.counts);
  if (!p) blockProse.set(b.core.counts, (p = { text: b.source.text }));
  return p;
}

/**
 * A block's text as its prose: letters, digits, apostrophes and hyphens, its words normalised as
 * normalizeWord() does (lower case, diacritics folded, apostrophes straightened) and joined by one
 * space. The same as normalizePhrase(…).join(' ') on the text with everything else made a space, in
 * one pass over the whole text instead of one per word: every step works on a character and what
 * follows it within its word (a space stops a final sigma and a composition alike).
 */
export function proseText(text: string): string {
  let s = text.replace(NOT_PROSE, ' ').toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  // Speed only (rules18): NOT_PROSE already made every run of other characters (white space, typographic apostrophes
  // and accents among them) one space, and neither lower-casing nor removing marks makes a space: what is left to do
  // is to drop a space at either end (the same string as straightening apostrophes, splitting and joining did; checked
  // on every code point alone and between letters).
  const from = s.charCodeAt(0) === 32 ? 1 : 0;
  const to = s.length > from && s.charCodeAt(s.length - 1) === 32 ? s.length - 1 : s.length;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
/** What is not a word's: spaces too (one space between words: a space is not case-ignorable, U+FEFF is). */
const NOT_PROSE = /[^\p{L}\p{N}'-]+/gu;

/** How often a normalized phrase occurs in a block's prose (at most 100). */
function countIn(p: BlockProse, key: string): number {
  let c = p.counts?.get(key);
  if (c === undefined) {
    // Most blocks do not hold the phrase at all: a search of the text, or a plain search of the prose, says so without
    // the expression (not remembered: a zero per phrase and block was most of what the blocks' counts held).
    if (p.prose === undefined && !mayHold(p, key)) return 0;
    const prose = (p.prose ??= proseText(p.text));
    // The prose stands for the lower case from now on.
    p.lower = undefined;
    if (!prose.includes(key)) return 0;
    let re = PHRASE_PATTERNS.get(key);
    if (!re) PHRASE_PATTERNS.set(key, (re = new RegExp(`(?<![\\p{L}\\p{N}-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'gu')));
    c = 0;
    re.lastIndex = 0;
    while (re.exec(prose) && c < 100) c++;
    (p.counts ??= new Map()).set(key, c);
  }
  return c;
}

/**
 * Whether a block's prose may hold a phrase, read from its text (false: it does not). Speed only (abbr27), sound: a text
 * whose letters and digits are all ASCII has as prose its runs of ASCII letters, digits, apostrophes and hyphens in lower
 * case (the other characters, ASCII or not, are spaces there), so each of the phrase's words, a run of the prose, stands
 * in the text in lower case. (A text with another letter or digit may fold it to one of the phrase: it may hold it.)
 */
export function mayHold(p: { text: string; wide?: boolean; lower?: string }, key: string): boolean {
  if ((p.wide ??= WIDE_LETTER.test(p.text))) return true;
  // Its own string for a text in lower case already (most blocks).
  const lower = (p.lower ??= p.text.toLowerCase());
  let words = KEY_WORDS.get(key);
  if (!words) {
    if (KEY_WORDS.size > 20000) KEY_WORDS.clear();
    KEY_WORDS.set(key, (words = key.split(' ').filter(Boolean)));
  }
  for (let k = 0; k < words.length; k++) if (!lower.includes(words[k]!)) return false;
  return true;
}
/** A letter or digit beyond ASCII. */
const WIDE_LETTER = /(?![\0-\x7f])[\p{L}\p{N}]/u;
/** The words of each phrase asked about. */
const KEY_WORDS = new Map<string, string[]>();

/**
 * How often a word or phrase occurs in the document's prose (lower case, whole words, at most 100: `field`), and the
 * totals it reads (their version in FIELD_VERSIONS: one more at each change of a total).
 */
function practiceFields(doc: DocumentModel): { field: (phrase: string) => number; totals: Map<string, number> } {
  // Blocks are joined by a line break in the prose: a phrase (words joined by one space) never spans two.
  // After an edit the blocks the engine left as they were are not compared again (incremental.ts BlockEdit).
  const totals = FIELD_TOTALS.update(doc.blocks, countsOf, (sums, key, delta, b) => {
    if (sums.size === 0) return;
    // A block that went had its prose counted when it came (or when the phrase was first asked about).
    const p = b ? proseOf(b) : blockProse.get(key)!;
    if (delta < 0) {
      // Speed only (term33): every phrase summed was asked of every block counted (when the block came, or when the
      // phrase was first asked about: of every block), and a block keeps the count of each phrase it holds (countIn):
      // the others count 0 in it. Only the phrases it holds are taken off, not every phrase asked again.
      p.counts?.forEach((c, phrase) => {
        const n = sums.get(phrase);
        if (n !== undefined && c !== 0) {
          sums.set(phrase, n + delta * c);
          FIELD_VERSIONS.set(sums, (FIELD_VERSIONS.get(sums) ?? 0) + 1);
        }
      });
      return;
    }
    for (const [phrase, n] of sums) {
      const c = countIn(p, phrase);
      if (c === 0) continue;
      sums.set(phrase, n + delta * c);
      FIELD_VERSIONS.set(sums, (FIELD_VERSIONS.get(sums) ?? 0) + 1);
    }
  }, (b) => b.facts);
  const field = (phrase: string): number => {
    // The dictionaries' phrases normalized once, not at every check (speed only, voc16).
    let key = PHRASE_KEYS.get(phrase);
    if (key === undefined) {
      if (PHRASE_KEYS.size > 20000) PHRASE_KEYS.clear();
      PHRASE_KEYS.set(phrase, (key = normalizePhrase(phrase).join(' ')));
    }
    let n = totals.get(key);
    if (n === undefined) {
      n = 0;
      const blocks = doc.blocks;
      for (let i = 0; i < blocks.length; i++) n += countIn(proseOf(blocks[i]!), key);
      totals.set(key, n);
    }
    return Math.min(n, 100);
  };
  return { field, totals };
}
/** Per totals of practiceFields, how often a total changed (see FilterKey). */
const FIELD_VERSIONS = new WeakMap<Map<string, number>, number>();

interface Replacement {
  newText: string;
  edit: TextEdit;
  kind: FixKind;
}

/**
 * The replacements of one use, one per suggestion. A compound (implementatieplan) gets none:
 * its linking letters change, a person rewords it. A nominal adjective before a noun (the
 * elderly woman) gets its adjective replaced (the older woman). English a/an follows the new
 * word. A swap is safe only when a reviewer marked the entry's first suggestion as a drop-in
 * replacement (`safe`), the form that matched has its own inflection, and it is jargon, not a
 * label of people (person-first rewording always needs a person).
 */
function replacementsAt(doc: DocumentModel, p: Placed, suggestions: string[], kind: 'jargon' | 'person-first', cues: CompiledCues): Replacement[] {
  const { use } = p;
  const entry = use.hit.entry;
  if (use.compound) return [];
  const out: Replacement[] = [];
  if (use.adjective) {
    const start = p.offset + (use.adjective.start - use.start);
    for (const s of (entry.adjective!.suggestions ?? [])) {
      const newText = sentenceCase(use.adjective.text, matchCase(use.adjective.text, s, entry.adjective!.word), use.sentenceStart && use.adjective.start === use.start);
      out.push({ newText, kind: 'suggestion', edit: { offset: start, endOffset: start + use.adjective.text.length, newText } });
    }
    return out;
  }
  const form = use.hit.form >= 0 ? entry.forms![use.hit.form]! : entry.term;
  const suffix = possessiveSuffix(use.text, form);
  const exactForm = use.hit.form < 0 || entry.inflections?.[form] !== undefined;
  suggestions.forEach((s, i) => {
    let newText = sentenceCase(use.text, matchCase(use.text, s, entry.term), use.sentenceStart) + suffix;
    let edit: TextEdit = { offset: p.offset, endOffset: p.endOffset, newText };
    // English: "a roll-out", "an approach": the article follows the new word, in the same edit.
    if (doc.language === 'en' && use.article) {
      const want = articleFor(newText, use.article.text, cues);
      if (want !== use.article.text) {
        const start = p.offset - (use.start - use.article.start);
        newText = `${want}${doc.text.slice(start + use.article.text.length, p.offset)}${newText}`;
        edit = { offset: start, endOffset: p.endOffset, newText };
      }
    }
    const safe = kind === 'jargon' && entry.safe === true && i === 0 && exactForm && !suffix && !use.unsafe;
    out.push({ newText, edit, kind: safe ? 'safe' : 'suggestion' });
  });
  return out;
}

/** Whether the project chose its own word for the entry (vocabulary.prefer). */
function chosenBy(prefer: Record<string, string>, entry: DictionaryEntry): boolean {
  return Object.keys(prefer).some((k) => normalizeWord(k) === normalizeWord(entry.term));
}

/** "a", "b" or "c" */
function joinAlternatives(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
