import { definedAbbreviations } from '../../vocabulary/abbreviations.js';
import { compareWords } from '../../text/order.js';
import { countText, numberText } from '../../text/numbers.js';
import type { Audience, Language, Message, SectionRole } from '../../types.js';
import type { DocumentModel, RuleOptions } from '../types.js';
import type { Run } from '../../runs.js';
import { RunSlots, replaceRange, splicedRuns } from '../block-runs.js';
import { blockEditOf } from '../../incremental.js';
import { firstAtOrAfter } from '../../sections.js';
import type { RunChange } from '../block-runs.js';
import type { DocumentAnalysis } from '../types.js';
import type { ClientFacts, QuoteFact, Speaker } from './analyzer.js';
import { CLIENT_FACTS } from './analyzer.js';
import type { PeopleKind } from './lexicon.js';

export type Verdict = 'present' | 'partial' | 'absent' | 'not-applicable';

/** Where a piece of evidence stands, for messages and hovers. */
export interface EvidenceItem {
  text: string;
  /** 1-based line. */
  line: number;
  offset: number;
  endOffset: number;
}

/** A quotation that is not the clients' voice, and why: it cites the literature, opens a chapter as an epigraph, is a professional's or a named author's. */
export interface CounterEvidence extends EvidenceItem {
  reason: 'cited' | 'literature' | 'epigraph' | 'professional' | 'author';
}

/** The evidence behind the verdict, by kind. Field names are stable: the practice report reads them. */
export interface ClientEvidence {
  /** Direct quotations attributed to clients (block quotes, inline quotes, labelled quotes, answers to interview questions). */
  quotes: EvidenceItem[];
  /** Sentences that report what clients said, experienced, need or judge. */
  reported: Array<EvidenceItem & { kind: 'voice' | 'experience' }>;
  /** Method sentences that name clients as a source, and their involvement as advisers or co-researchers. */
  method: Array<EvidenceItem & { kind: 'source' | 'involvement' }>;
  /** What looks like client voice but is not. */
  counter: CounterEvidence[];
  /** The strongest piece of evidence for the verdict, if any. */
  strongest?: EvidenceItem & { kind: 'quote' | 'reported' | 'source' | 'involvement' | 'counter' | 'not-a-source' | 'professionals-only' };
}

export interface SectionPerspective {
  title: string;
  line: number;
  role: SectionRole;
  level: number;
  /** Counts include the section's subsections. */
  clientMentions: number;
  professionalMentions: number;
  words: number;
  offset: number;
  endOffset: number;
  contentEnd: number;
}

export interface ClientPerspective {
  verdict: Verdict;
  /**
   * The document reports research of its own: a method done (interviews, a survey, a test), clients
   * explicitly not a source, client methods announced, or clients involved. A handbook, a data guide
   * or a web page reports none: its verdict stays, but client/missing-perspective does not ask it for client voices.
   */
  reportsResearch?: boolean;
  /**
   * Words that address the reader (you, your; u, uw, jij) per 1,000 words, outside quotations. A handbook or a
   * guide speaks to its reader; a research report rarely does (under 8 per 1,000 words on every report of the dev corpus).
   */
  readerAddressPer1000?: number;
  language: Language;
  words: number;
  clientMentions: number;
  professionalMentions: number;
  /** Respondents, participants, users, deelnemers: counted as clients or professionals once the method says who took part. */
  participantMentions: number;
  participantsAre: 'clients' | 'professionals' | 'both' | 'unknown';
  /** How Brug knows who the participants are: the method names them, or the text names one side far more often. */
  participantsResolvedBy: 'method' | 'mentions' | 'none';
  clientMentionsPer1000: number;
  /** Client mentions per professional mention; null when the text names no professionals. */
  clientToProfessionalRatio: number | null;
  clientTerms: Array<{ term: string; count: number }>;
  professionalTerms: Array<{ term: string; count: number }>;
  clientQuotes: number;
  professionalQuotes: number;
  quotes: Array<EvidenceItem & { attribution?: string }>;
  /** Statements that report what clients said (voice) or experienced, need or feel (experience). */
  voiceStatements: number;
  experienceStatements: number;
  statements: Array<EvidenceItem & { kind: 'voice' | 'experience' }>;
  method: {
    involvesClients: boolean;
    asDataSource: boolean;
    asCoResearchers: boolean;
    /** The first method section, if the document has one. */
    section?: { title: string; line: number; offset: number; endOffset: number; contentEnd: number };
    clientSources: EvidenceItem[];
    professionalSources: EvidenceItem[];
    /** "Klanten zijn niet geïnterviewd": the text says clients were not a source. */
    notInvolved: EvidenceItem[];
    /** Client methods announced, recommended or asked about, not reported as done. */
    planned: EvidenceItem[];
  };
  involvement: Array<EvidenceItem & { cue: string }>;
  /** The evidence by kind, with lines. */
  evidence: ClientEvidence;
  sections: SectionPerspective[];
  /** Conclusions, discussion and recommendations sections (the outermost of each), and whether they name clients. */
  keySections: Array<{
    index: number;
    title: string;
    line: number;
    role: SectionRole;
    words: number;
    mentionsClients: boolean;
    /** Mentions of professionals and organisations in the section (as its perspective in `sections` counts them). */
    professionalMentions: number;
    /** The enclosing section, or -1: a conclusion inside a phase or finding ("## Wave 2" › "### Conclusions") is local to it. */
    parent: number;
    /** The enclosing section (with its other subsections) names clients: the unit the key section concludes names them. */
    parentMentionsClients: boolean;
  }>;
  /** Why the verdict, one line per reason. */
  reasons: Message[];
  /** The verdict and its evidence in one line. */
  summary: Message;
}

/** Thresholds of the verdict, per audience; `.brug.yml` can override them under client/missing-perspective. */
export const VERDICT_OPTIONS: Record<Audience, RuleOptions> = {
  practitioner: { minMentions: 3, minMentionsPer1000: 1, minRatio: 0.33, presentQuotes: 2, presentVoice: 3, partialVoice: 2, minMentionsPer1000WithoutMethod: 3, withoutResearch: false, minMentionsPer1000StaffStudy: 5, guideReaderAddressPer1000: 10 },
  academic: { minMentions: 3, minMentionsPer1000: 1, minRatio: 0.25, presentQuotes: 2, presentVoice: 3, partialVoice: 2, minMentionsPer1000WithoutMethod: 3, withoutResearch: false, minMentionsPer1000StaffStudy: 5, guideReaderAddressPer1000: 10 },
  general: { minMentions: 3, minMentionsPer1000: 1, minRatio: 0.5, presentQuotes: 2, presentVoice: 3, partialVoice: 2, minMentionsPer1000WithoutMethod: 3, withoutResearch: false, minMentionsPer1000StaffStudy: 5, guideReaderAddressPer1000: 10 },
};

export const KEY_ROLES: ReadonlySet<SectionRole> = new Set(['conclusion', 'discussion', 'recommendations']);
const MAX_ITEMS = 5;

const cache = new WeakMap<DocumentModel, ClientPerspective>();

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function optionsOf(doc: DocumentModel): RuleOptions {
  return { ...VERDICT_OPTIONS[doc.config.audience], ...(doc.config.rules['client/missing-perspective']?.options as RuleOptions | undefined) };
}

/** The client perspective of a document, computed once per document model (rules and the analysis share it). */
export function clientPerspective(doc: DocumentModel): ClientPerspective {
  const hit = cache.get(doc);
  if (hit) return hit;
  const result = compute(doc);
  cache.set(doc, result);
  return result;
}

export const clientPerspectiveAnalysis: DocumentAnalysis = {
  id: 'clientPerspective',
  analyze: (doc) => clientPerspective(doc),
};

/** Sections whose quotations come from the literature, not from the study's own people. */
const LITERATURE_ROLES: ReadonlySet<SectionRole> = new Set(['background', 'references']);

function shortText(t: string, max = 160): string {
  const x = t.replace(/\s+/g, ' ').trim();
  return x.length > max ? `${x.slice(0, max - 1).trimEnd()}…` : x;
}

/** A citation right after a quotation in the source, where the format left it out of the block text: a footnote mark "[^3]", "\\cite{…}", "[@key]". */
function citedAfterInSource(doc: DocumentModel, b: Block, end: number): boolean {
  const r = b.toDocument(Math.max(0, end - 1), end);
  return /^[\s,.;:”"’']{0,3}(?:\[\^[^\]]{1,20}\]|\\\w*cite|\[@)/.test(doc.text.slice(r.endOffset, r.endOffset + 40));
}

function citesInSource(doc: DocumentModel, b: Block): boolean {
  for (const [ps, pe] of b.source.placeholders ?? []) {
    const r = b.toDocument(ps, pe);
    const src = doc.text.slice(r.offset, Math.min(r.endOffset, r.offset + 200));
    if (/\\[A-Za-z]*cite[A-Za-z]*\b|^\[?@[\w:-]+|\[@|^\[\^[^\]]{1,20}\]/.test(src)) return true;
  }
  return false;
}

type Block = DocumentModel['blocks'][number];
type MethodItem = ClientFacts['methods'][number];

/** What one computation reads: the document, its options, and helpers over its blocks. */
interface Context {
  doc: DocumentModel;
  opts: RuleOptions;
  /** The blocks before the edit that are the last check's (the same objects and places; 0 without such a check). */
  kept: number;
  /**
   * The first of the blocks after the edit that the engine placed from the last check's last blocks' cached results
   * (BlockEdit.after: the same analyses and facts, moved; the number of blocks without such a check).
   */
  keptFrom: number;
  /** The items the last check placed, per kind (see Placed), and those placed now. */
  lastPlaced: Array<Placed<unknown> | undefined> | undefined;
  placed: Array<Placed<unknown> | undefined>;
}

/**
 * Items of one kind that a check placed (evidence items, at most MAX_ITEMS), with the runs it read them from in order and
 * what it read in each (the run's voice, sources or summary): the next check hands out the same items when its first
 * runs of that kind are these runs with the same sources, wholly before its edit (keptItems).
 */
interface Placed<T> {
  items: T[];
  runs: Array<Run<ClientRun>>;
  sources: object[];
}

/** The kinds of items placed (their index in Context.placed). */
const CLIENT_SOURCES = 0;
const PROFESSIONAL_SOURCES = 1;
const NOT_INVOLVED = 2;
const PLANNED = 3;
const INVOLVEMENT = 4;
const STATEMENTS = 5;
const QUOTES = 6;
const COUNTER = 7;

/** The items the last check placed, per kind, with its blocks. Only the last check's. */
let LAST_PLACED: { blocks: WeakRef<DocumentModel['blocks']>; placed: Array<Placed<unknown> | undefined> } | undefined;

/**
 * The last check's items of a kind, when it read them from runs that are this check's first runs of the kind (`list`:
 * indices, in order; the same run objects, the same `sources`) and stand with the two blocks after each before the edit
 * (the blocks the engine kept: the same places and lines; a citation after a quotation is read in the next block).
 * When the last check's items did not fill up, it read every run of the kind: then so would this one. Undefined: place
 * them anew. (Speed only, cp36: the first items of each kind stand early in a long report, mostly before an edit; they
 * were placed anew and copied at every check.)
 */
function keptItems<T>(ctx: Context, kind: number, list: readonly number[], runs: ReadonlyArray<Run<ClientRun>>, sources: ReadonlyArray<object | undefined> | undefined): T[] | undefined {
  const last = ctx.lastPlaced?.[kind] as Placed<T> | undefined;
  if (!last) return undefined;
  const n = last.runs.length;
  if (last.items.length < MAX_ITEMS ? list.length !== n : list.length < n) return undefined;
  for (let j = 0; j < n; j++) {
    const k = list[j]!;
    const run = runs[k]!;
    if (run !== last.runs[j] || run.to + 2 > ctx.kept || (sources ? sources[k] : run.value) !== last.sources[j]) return undefined;
  }
  ctx.placed[kind] = last;
  return last.items;
}

/** Items of a kind placed now, from the first `n` runs of `list`: noted for the next check. */
function notePlaced<T>(ctx: Context, kind: number, items: T[], list: readonly number[], n: number, runs: ReadonlyArray<Run<ClientRun>>, sources: ReadonlyArray<object | undefined> | undefined): T[] {
  const read: Array<Run<ClientRun>> = new Array(n);
  const from: object[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const k = list[j]!;
    read[j] = runs[k]!;
    from[j] = sources ? sources[k]! : runs[k]!.value;
  }
  ctx.placed[kind] = { items, runs: read, sources: from };
  return items;
}

/**
 * An evidence item of block `bi` (block offsets start..end). (Module functions, not closures made per check: code that
 * calls a closure made per check was compiled for that closure, and again at the next check.)
 */
function item(doc: DocumentModel, bi: number, start: number, end: number, text: string): EvidenceItem {
  const r = doc.blocks[bi]!.toDocument(start, end);
  return { text, line: doc.lines.position(r.offset).line + 1, offset: r.offset, endOffset: r.endOffset };
}

/** The client facts of block `bi`. */
function factsOf(doc: DocumentModel, bi: number): ClientFacts | undefined {
  return doc.blocks[bi]!.facts[CLIENT_FACTS] as ClientFacts | undefined;
}

/** Who the study heard from, by its method sentences. */
interface Sources {
  clientSrc: number;
  profSrc: number;
  clientSources: EvidenceItem[];
  professionalSources: EvidenceItem[];
  notInvolved: EvidenceItem[];
  planned: EvidenceItem[];
  /** Method sentences that name only participants (respondents, users), resolved later: how many, and the first MAX_ITEMS. */
  participantCount: number;
  participantSources: Array<{ bi: number; m: MethodItem }>;
  /** Methods reported as done in a method section or heading, whoever they were done with. */
  reportedMethods: number;
  /**
   * Client, professional or participant sources the text reports as its own: not in a paragraph that cites the
   * literature outside the method section ("Based on interviews with 15 hiring managers, they found …" \cite{…}
   * reports another study's method).
   */
  ownSources: number;
}

/** Who the participants are, and how Brug knows. */
interface Participants {
  are: ClientPerspective['participantsAre'];
  resolvedBy: ClientPerspective['participantsResolvedBy'];
}

/** A speaker with participant words resolved to clients or professionals where the document says which. */
function resolve(participants: Participants, kind: Speaker, clientByDefault = false): Speaker {
  if (kind !== 'participant') return kind;
  const are = participants.are;
  if (are === 'clients') return 'client';
  if (are === 'professionals') return 'professional';
  if (are === 'unknown' && clientByDefault) return 'client';
  return 'unknown';
}

/** The voice of the people in the text: mentions, terms, statements, quotations, involvement. */
interface Voice extends MentionTotals {
  clientQuotes: number;
  professionalQuotes: number;
  /** Client quotations in document order. */
  allQuotes: ClientPerspective['quotes'];
  voice: number;
  experience: number;
  statements: ClientPerspective['statements'];
  involvement: ClientPerspective['involvement'];
  involvementCount: number;
  counter: CounterEvidence[];
}

function compute(doc: DocumentModel): ClientPerspective {
  const lastPlaced = LAST_PLACED;
  LAST_PLACED = undefined;
  const edit = lastPlaced ? blockEditOf(doc.blocks, lastPlaced.blocks.deref()) : undefined;
  const ctx: Context = { doc, opts: optionsOf(doc), kept: edit ? edit.before : 0, keptFrom: doc.blocks.length - (edit ? edit.after : 0), lastPlaced: edit ? lastPlaced!.placed : undefined, placed: new Array(8) };
  const runs = RUNS.runs(doc, (from, to) => summariseRun(ctx, from, to));
  const sums = sourceSums(ctx, runs);
  const sources = methodSources(ctx, runs, sums);
  const participants = resolveParticipants(ctx, sources, sums);
  const parent = sectionParents(doc.sections);
  const voice = collectVoice(ctx, participants, parent, runs);
  const { verdict, reasons, per1000, ratio } = judge(ctx, sources, voice);
  const result = assemble(ctx, sources, participants, voice, parent, verdict, reasons, per1000, ratio);
  const address = sums.address;
  const words = sums.allWords;
  result.readerAddressPer1000 = words ? round((address * 1000) / words) : 0;
  result.reportsResearch = sources.reportedMethods + sources.ownSources + sources.notInvolved.length + sources.planned.length + voice.involvementCount > 0;
  LAST_PLACED = { blocks: new WeakRef(doc.blocks), placed: ctx.placed };
  return result;
}


/** Whether the carried lead-in or the last question is the one at the start of the run (not set inside it). */
const FROM_START = 'start' as const;

/** A prose block with statements, quotations or a first-person answer: read when the runs are combined. */
interface VoiceEvent {
  /** Index of the block in the run. */
  k: number;
  f: ClientFacts;
  /** The lead-in before it (unresolved), or the one at the start of the run. */
  carry: Speaker | typeof FROM_START;
  /** Whether the block before it (not a label) was a question, or as at the start of the run. */
  prevQuestion: boolean | typeof FROM_START;
}

/** What one run of blocks adds to the client perspective, from the blocks' facts alone. */
interface ClientRun {
  /** Blocks with method sentences (index in the run). */
  methods: Array<{ k: number; f: ClientFacts }>;
  /** Over every block with facts: reader address and words. */
  address: number;
  allWords: number;
  /** Over prose blocks. */
  words: number;
  client: number;
  prof: number;
  participant: number;
  participantClientByDefault: number;
  /** Terms by word, kind and default, in the order of their first use. */
  terms: Map<string, { t: string; kind: PeopleKind; clientByDefault: boolean; count: number; display: string }>;
  involvementCount: number;
  /** The first involvement cues (at most MAX_ITEMS), in order. */
  involvement: Array<{ k: number; inv: ClientFacts['involvement'][number] }>;
  events: VoiceEvent[];
  /** The lead-in and the question state after the run. */
  carryOut: Speaker | typeof FROM_START;
  questionOut: boolean | typeof FROM_START;
  /** What its events added to the voice at the last check (collectVoice). */
  voice?: RunVoice;
  /** Its mentions with the participants of the last check resolved. */
  mentions?: RunMentions;
  /** Its method sentences read (kept unless they read list items after the run). */
  sources?: RunSources;
}

/** Per-run summaries of the client facts (an edit recomputes only the runs around it). */
const RUNS = new RunSlots<ClientRun>();

function summariseRun(ctx: Context, from: number, to: number): ClientRun {
  const run: ClientRun = {
    methods: [], address: 0, allWords: 0, words: 0, client: 0, prof: 0, participant: 0, participantClientByDefault: 0,
    terms: new Map(), involvementCount: 0, involvement: [], events: [], carryOut: FROM_START, questionOut: FROM_START,
    // Filled in later; slots from the start keep one hidden class for every run (speed only: a field added later made
    // new hidden classes that died with the runs, and the code reading runs was compiled again at every check).
    voice: undefined, mentions: undefined, sources: undefined,
  };
  let carry: Speaker | typeof FROM_START = FROM_START;
  let prevQuestion: boolean | typeof FROM_START = FROM_START;
  for (let bi = from; bi < to; bi++) {
    const f = factsOf(ctx.doc, bi);
    if (!f) continue;
    const k = bi - from;
    run.address += f.readerAddress ?? 0;
    run.allWords += f.words;
    if (f.methods.length) run.methods.push({ k, f });
    if (f.heading) carry = 'unknown';
    for (const inv of f.involvement) {
      if (inv.negated) continue;
      run.involvementCount++;
      if (run.involvement.length < MAX_ITEMS) run.involvement.push({ k, inv });
    }
    if (!f.prose) continue;
    run.words += f.words;
    run.client += f.client;
    run.prof += f.professional;
    run.participant += f.participant;
    run.participantClientByDefault += f.participantClientByDefault;
    for (const t in f.terms) {
      const term = f.terms[t]!;
      const key = `${t}\u0000${term.kind}\u0000${term.clientByDefault ? 1 : 0}`;
      const e = run.terms.get(key);
      if (e) e.count += term.count;
      else run.terms.set(key, { t, kind: term.kind, clientByDefault: !!term.clientByDefault, count: term.count, display: term.display });
    }
    if (f.statements.length || f.quotes.length || (f.firstPerson && prevQuestion !== false)) run.events.push({ k, f, carry, prevQuestion });
    if (!f.label) prevQuestion = !!f.question;
    const isQuoteBlock = f.quotes.length > 0 && f.quotes.every((q) => q.whole);
    if (!isQuoteBlock && !f.label) carry = f.introduces ?? 'unknown';
  }
  run.carryOut = carry;
  run.questionOut = prevQuestion;
  return run;
}

/** What one run's method sentences say of who the study heard from (blocks by their index in the run; placed when combined). */
interface RunSources {
  clientSrc: number;
  profSrc: number;
  reportedMethods: number;
  ownSources: number;
  participantCount: number;
  /** The first MAX_ITEMS of each kind. */
  clientSources: Array<{ k: number; m: MethodItem }>;
  professionalSources: Array<{ k: number; m: MethodItem }>;
  notInvolved: Array<{ k: number; m: MethodItem }>;
  planned: Array<{ k: number; m: MethodItem }>;
  participantSources: Array<{ k: number; m: MethodItem }>;
  /** A list introduced in the run runs on after it (its subjects read there): worked out again at every check. */
  open: boolean;
  /**
   * The last block the lists read, by its index in the run (the block that ended the last of them; Infinity when one
   * ran to the end of the document, whose length it then read too), -1 without a list: the sources follow from the
   * run's blocks and the blocks up to it (see rereadOpen).
   */
  reach: number;
}

const NO_SOURCES: RunSources = { clientSrc: 0, profSrc: 0, reportedMethods: 0, ownSources: 0, participantCount: 0, clientSources: [], professionalSources: [], notInvolved: [], planned: [], participantSources: [], open: false, reach: -1 };

/** A run's method sentences read: who they name, counted, and the first of each kind. */
function runSources(ctx: Context, run: Run<ClientRun>): RunSources {
  const { doc } = ctx;
  const { from, to, value: r } = run;
  if (!r.methods.length) return NO_SOURCES;
  const src: RunSources = { clientSrc: 0, profSrc: 0, reportedMethods: 0, ownSources: 0, participantCount: 0, clientSources: [], professionalSources: [], notInvolved: [], planned: [], participantSources: [], open: false, reach: -1 };
  for (const { k, f } of r.methods) {
    const bi = from + k;
    for (const m of f.methods) {
      // A method reported as done in a method section or heading, whoever it was done with: the text is a study, not an essay.
      if (!m.negated && !m.planned && !f.literature && (f.heading || doc.blocks[bi]!.core.role === 'method')) src.reportedMethods++;
      let subjects = m.subjects;
      if (m.listIntro && m.subjects.length === 0) {
        const list = listSubjects(ctx, bi, to);
        subjects = list.subjects;
        if (list.open) src.open = true;
        if (list.reach - from > src.reach) src.reach = list.reach - from;
      }
      const client = m.namesClients || subjects.includes('client');
      const prof = subjects.includes('professional');
      if (m.negated) {
        if ((client || subjects.includes('participant')) && src.notInvolved.length < MAX_ITEMS) src.notInvolved.push({ k, m });
        continue;
      }
      if (m.planned) {
        if (client && src.planned.length < MAX_ITEMS) src.planned.push({ k, m });
        continue;
      }
      if ((client || prof || subjects.includes('participant')) && (!f.literature || f.heading || doc.blocks[bi]!.core.role === 'method')) src.ownSources++;
      if (client) {
        src.clientSrc++;
        if (src.clientSources.length < MAX_ITEMS) src.clientSources.push({ k, m });
      }
      if (prof && !(client && m.namesClients)) {
        src.profSrc++;
        if (src.professionalSources.length < MAX_ITEMS) src.professionalSources.push({ k, m });
      }
      if (!client && !prof && subjects.includes('participant')) {
        src.participantCount++;
        if (src.participantSources.length < MAX_ITEMS) src.participantSources.push({ k, m });
      }
    }
  }
  return src;
}

/**
 * The runs' method sentences and counts summed: per run its sources (kept with the run unless open), the sums, and the
 * runs with items of each kind (indices, in order). Only the last check's: an edit of its runs corrects its sums
 * (see sourceSums).
 */
interface SourceSums {
  runs: Array<Run<ClientRun>>;
  sources: RunSources[];
  clientSrc: number;
  profSrc: number;
  reportedMethods: number;
  ownSources: number;
  participantCount: number;
  /** Over every run: reader address and words; client, professional and participant mentions (unresolved). */
  address: number;
  allWords: number;
  client: number;
  prof: number;
  participant: number;
  /** Runs with items of each kind, in the order of RunSources' lists; and the runs that are open. */
  lists: [number[], number[], number[], number[], number[]];
  open: number[];
}
let LAST_SUMS: SourceSums | undefined;

function sourcesOf(ctx: Context, run: Run<ClientRun>): RunSources {
  const r = run.value;
  let src = r.sources;
  if (!src) {
    src = runSources(ctx, run);
    if (!src.open) r.sources = src;
  }
  return src;
}

/** A run's sources and counts added (sign 1) or taken off (sign -1). */
function addSums(t: SourceSums, r: ClientRun, src: RunSources, sign: 1 | -1): void {
  t.clientSrc += sign * src.clientSrc;
  t.profSrc += sign * src.profSrc;
  t.reportedMethods += sign * src.reportedMethods;
  t.ownSources += sign * src.ownSources;
  t.participantCount += sign * src.participantCount;
  t.address += sign * r.address;
  t.allWords += sign * r.allWords;
  t.client += sign * r.client;
  t.prof += sign * r.prof;
  t.participant += sign * r.participant;
}

/** Run k counted and listed. */
function sumRun(ctx: Context, t: SourceSums, runs: Array<Run<ClientRun>>, k: number): void {
  const src = sourcesOf(ctx, runs[k]!);
  t.sources.push(src);
  addSums(t, runs[k]!.value, src, 1);
  if (src === NO_SOURCES) return;
  const l = t.lists;
  if (src.clientSources.length) l[0].push(k);
  if (src.professionalSources.length) l[1].push(k);
  if (src.notInvolved.length) l[2].push(k);
  if (src.planned.length) l[3].push(k);
  if (src.participantSources.length) l[4].push(k);
  if (src.open) t.open.push(k);
}

/** Whether a run's sources have items of the kind of SourceSums.lists[i]. */
function hasItems(src: RunSources, i: number): boolean {
  return (i === 0 ? src.clientSources : i === 1 ? src.professionalSources : i === 2 ? src.notInvolved : i === 3 ? src.planned : src.participantSources).length > 0;
}

/** Run k in a sorted list of run numbers or not (found by halving). */
function setMember(list: number[], k: number, yes: boolean): void {
  const lo = firstAtOrAfter(list, k);
  const has = list[lo] === k;
  if (has && !yes) list.splice(lo, 1);
  else if (!has && yes) list.splice(lo, 0, k);
}

/**
 * An open run k of the sums (kept from the last check) read again: its part corrected, and k noted in `open` while it
 * still is. Not read again where it gives the sources it gave: when it and the blocks its lists read stand before the
 * edit (the engine's kept blocks: the same objects in the same places, ctx.kept), or when it stands among the blocks
 * after the edit placed from the last check's cached results (ctx.keptFrom: the same facts, kinds and roles, as are
 * those of every block after it that its lists can read; its sources are block-relative).
 */
function rereadOpen(ctx: Context, t: SourceSums, runs: Array<Run<ClientRun>>, k: number, open: number[]): void {
  const old = t.sources[k]!;
  const run = runs[k]!;
  const src = (run.to <= ctx.kept && run.from + old.reach < ctx.kept) || run.from >= ctx.keptFrom ? old : sourcesOf(ctx, run);
  if (src !== old) {
    const r = run.value;
    addSums(t, r, old, -1);
    addSums(t, r, src, 1);
    t.sources[k] = src;
    for (let i = 0; i < 5; i++) setMember(t.lists[i]!, k, hasItems(src, i));
  }
  if (src.open) open.push(k);
}

function newSums(runs: Array<Run<ClientRun>>): SourceSums {
  return { runs, sources: [], clientSrc: 0, profSrc: 0, reportedMethods: 0, ownSources: 0, participantCount: 0, address: 0, allWords: 0, client: 0, prof: 0, participant: 0, lists: [[], [], [], [], []], open: [] };
}

/**
 * The sums of the runs. After an edit of the last check's runs (RUNS.change()), the last sums corrected: the runs that
 * went taken off, the ones that came added (speed only, ana32: reading every run's method sentences cost ~0.05 ms an
 * edit at 100k words).
 *
 * Speed only (s31): a run before or after the edited stretch that reads list items after it (open) is read again, as
 * summing every run reads it (its sources are not kept with it), where the blocks it reads may have changed (see
 * rereadOpen), and its part corrected; every other run outside the stretch has the sources kept with it, which are
 * those the last sums hold. Before, one open run anywhere (a method sentence "we spoke to:" before a list that runs on
 * past the run's end; three of the dev documents and the thesis have one) made every check sum all runs, ~0.3 ms an
 * edit at 80k words.
 */
function sourceSums(ctx: Context, runs: Array<Run<ClientRun>>): SourceSums {
  const last = LAST_SUMS;
  LAST_SUMS = undefined;
  const change = RUNS.change();
  let t: SourceSums | undefined;
  if (last && change && change.previous === last.runs && last.sources.length === change.previous.length) {
    const prev = change.previous;
    const { before, after } = change;
    const wentTo = prev.length - after;
    const cameTo = runs.length - after;
    if (wentTo >= before && cameTo >= before) {
      // Speed only (term34): the last sums corrected in place (the per-run list spliced where the edit stands), not
      // copied for every run. The runs between are summed on their own first (their lists hold their own run numbers).
      const s = newSums(runs);
      for (let k = before; k < cameTo; k++) sumRun(ctx, s, runs, k);
      t = last;
      t.runs = runs;
      for (let k = before; k < wentTo; k++) addSums(t, prev[k]!.value, last.sources[k]!, -1);
      t.clientSrc += s.clientSrc;
      t.profSrc += s.profSrc;
      t.reportedMethods += s.reportedMethods;
      t.ownSources += s.ownSources;
      t.participantCount += s.participantCount;
      t.address += s.address;
      t.allWords += s.allWords;
      t.client += s.client;
      t.prof += s.prof;
      t.participant += s.participant;
      replaceRange(t.sources, before, wentTo - before, s.sources);
      const shift = cameTo - wentTo;
      for (let i = 0; i < 5; i++) splicedRuns(t.lists[i]!, before, wentTo, s.lists[i]!, shift);
      // The open runs in order: those before the stretch and after it read again, those between as summed.
      const wasOpen = t.open;
      const open: number[] = [];
      for (const k of wasOpen) if (k < before) rereadOpen(ctx, t, runs, k, open);
      for (const k of s.open) open.push(k);
      for (const k of wasOpen) if (k >= wentTo) rereadOpen(ctx, t, runs, k + shift, open);
      t.open = open;
    }
  }
  if (!t) {
    t = newSums(runs);
    for (let k = 0; k < runs.length; k++) sumRun(ctx, t, runs, k);
  }
  LAST_SUMS = t;
  return t;
}

/** Pass 1: who the study heard from (method sentences), so that participant words can be resolved: the sums, and the first items of each kind placed. */
function methodSources(ctx: Context, runs: Array<Run<ClientRun>>, t: SourceSums): Sources {
  const { doc } = ctx;
  const src: Sources = {
    clientSrc: t.clientSrc, profSrc: t.profSrc, participantCount: t.participantCount, participantSources: [], reportedMethods: t.reportedMethods, ownSources: t.ownSources,
    clientSources: placeSources(ctx, CLIENT_SOURCES, runs, t),
    professionalSources: placeSources(ctx, PROFESSIONAL_SOURCES, runs, t),
    notInvolved: placeSources(ctx, NOT_INVOLVED, runs, t),
    planned: placeSources(ctx, PLANNED, runs, t),
  };
  for (const k of t.lists[4]) {
    const from = runs[k]!.from;
    for (const { k: b, m } of t.sources[k]!.participantSources) {
      if (src.participantSources.length >= MAX_ITEMS) break;
      src.participantSources.push({ bi: from + b, m });
    }
  }
  return src;
}

/** The first method sentences of a kind (its index in SourceSums.lists and in Context.placed), placed. */
function placeSources(ctx: Context, kind: 0 | 1 | 2 | 3, runs: Array<Run<ClientRun>>, t: SourceSums): EvidenceItem[] {
  const list = t.lists[kind];
  const kept = keptItems<EvidenceItem>(ctx, kind, list, runs, t.sources);
  if (kept) return kept;
  const out: EvidenceItem[] = [];
  let n = 0;
  for (; n < list.length && out.length < MAX_ITEMS; n++) {
    const k = list[n]!;
    const from = runs[k]!.from;
    const s = t.sources[k]!;
    const of = kind === CLIENT_SOURCES ? s.clientSources : kind === PROFESSIONAL_SOURCES ? s.professionalSources : kind === NOT_INVOLVED ? s.notInvolved : s.planned;
    for (const { k: b, m } of of) {
      if (out.length >= MAX_ITEMS) break;
      out.push(item(ctx.doc, from + b, m.start, m.end, m.text));
    }
  }
  return notePlaced(ctx, kind, out, list, n, runs, t.sources);
}

/** "We spoke to:" followed by a list: the list names the people (the larger group wins); open when it reads past the run (ending at `runTo`). */
function listSubjects(ctx: Context, bi: number, runTo: number): { subjects: PeopleKind[]; open: boolean; reach: number } {
  const { doc } = ctx;
  let lc = 0;
  let lp = 0;
  let lq = 0;
  let k = bi + 1;
  for (; k < doc.blocks.length && doc.blocks[k]!.source.kind === 'listItem'; k++) {
    const lf = factsOf(doc, k);
    if (!lf) continue;
    lc += lf.client;
    lp += lf.professional;
    lq += lf.participant;
  }
  // Open when a block after the run was read (the list runs on there, or ends with it).
  const open = bi + 1 < doc.blocks.length && Math.min(k, doc.blocks.length - 1) >= runTo;
  // The last block read: the one that ended the list, or the document's length when none did.
  const reach = k < doc.blocks.length ? k : Infinity;
  return { subjects: lc > lp ? ['client'] : lp > lc ? ['professional'] : lc > 0 ? ['client', 'professional'] : lq > 0 ? ['participant'] : [], open, reach };
}

/** Who the participants are: the method says so, or the text names one side far more often (or only one side at all). */
function resolveParticipants(ctx: Context, src: Sources, sums: SourceSums): Participants {
  const { doc } = ctx;
  let are: Participants['are'] = src.clientSrc && src.profSrc ? 'both' : src.clientSrc ? 'clients' : src.profSrc ? 'professionals' : 'unknown';
  let resolvedBy: Participants['resolvedBy'] = are === 'unknown' ? 'none' : 'method';
  if (are === 'unknown') {
    // The method does not say who took part: the side the text names far more often is the likelier one.
    const rc = sums.client;
    const rp = sums.prof;
    const rq = sums.participant;
    if (rq > 0 || src.participantCount > 0) {
      // Five mentions make a side likely; when the text names only one side at all, participants
      // that it names often (a usability test with "respondenten") are of that side.
      const onlySide = (own: number, other: number) => other === 0 && own >= 1 && rq >= 5;
      if ((rc >= 5 || onlySide(rc, rp)) && rc >= 2 * rp) are = 'clients';
      else if ((rp >= 5 || onlySide(rp, rc)) && rp >= 2 * rc) are = 'professionals';
      if (are !== 'unknown') resolvedBy = 'mentions';
    }
  }
  // Participant-only method sentences count for the side the document's other methods name.
  if (are === 'clients') {
    src.clientSrc += src.participantCount;
    // (A copy: the placed list may be the last check's, which its result holds.)
    if (src.participantSources.length && src.clientSources.length < MAX_ITEMS) src.clientSources = src.clientSources.slice();
    for (const { bi, m } of src.participantSources) {
      if (src.clientSources.length < MAX_ITEMS) src.clientSources.push(item(doc, bi, m.start, m.end, m.text));
    }
  }
  return { are, resolvedBy };
}

/**
 * The last check's sections with their parents, each section's level and role as they were there, and the key sections
 * (KEY_ROLES, the outermost of each: their indices). Only the last check's: its model holds them anyway.
 */
let LAST_SECTIONS: { sections: DocumentModel['sections']; parent: number[]; levels: number[]; roles: SectionRole[]; keys: number[] } | undefined;

/**
 * The enclosing section of each section (-1 for none). The last check's list when every section has the level it had
 * there (speed only, cp36: the same list, not one made per edit; mentionTotals then compares it with itself). Speed
 * only (cp37): a section is compared with the last check's level and role of its place, kept in lists, not read from
 * the last check's section object (most of them not read by anything else per edit), and one that is the last check's
 * object not at all; the key sections are kept with them while every role is the same.
 */
function sectionParents(sections: DocumentModel['sections']): number[] {
  const last = LAST_SECTIONS;
  if (last && last.sections.length === sections.length) {
    const { levels, roles } = last;
    const was = last.sections;
    let sameRoles = true;
    let i = 0;
    for (; i < sections.length; i++) {
      const s = sections[i]!;
      if (s === was[i]) continue;
      if (s.level !== levels[i]) break;
      if (s.role !== roles[i]) sameRoles = false;
    }
    if (i === sections.length) {
      last.sections = sections;
      if (!sameRoles) {
        for (let k = 0; k < sections.length; k++) roles[k] = sections[k]!.role;
        last.keys = keySectionsOf(roles, last.parent);
      }
      return last.parent;
    }
  }
  const parent = parentsOf(sections);
  const roles = sections.map((s) => s.role);
  LAST_SECTIONS = { sections, parent, levels: sections.map((s) => s.level), roles, keys: keySectionsOf(roles, parent) };
  return parent;
}

/** The key sections (KEY_ROLES, not inside a section of the same role) by the sections' roles and parents: their indices. */
function keySectionsOf(roles: readonly SectionRole[], parent: readonly number[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i]!;
    if (!KEY_ROLES.has(role)) continue;
    const pi = parent[i]!;
    if (pi >= 0 && roles[pi] === role) continue;
    keys.push(i);
  }
  return keys;
}

function parentsOf(sections: DocumentModel['sections']): number[] {
  const parent: number[] = [];
  const stack: number[] = [];
  sections.forEach((s, i) => {
    while (stack.length && sections[stack[stack.length - 1]!]!.level >= s.level) stack.pop();
    parent.push(stack.length ? stack[stack.length - 1]! : -1);
    stack.push(i);
  });
  return parent;
}

/** Pass 2: counts per section (with subsections), statements, quotes, involvement, from the runs' summaries. */
function collectVoice(ctx: Context, participants: Participants, parent: number[], runs: Array<Run<ClientRun>>): Voice {
  const { doc } = ctx;
  const sections = doc.sections;
  const who = PARTICIPANTS_CODE[participants.are] * 3 + RESOLVED_CODE[participants.resolvedBy];
  const m = mentionTotals(runs, sections.length, participants, parent, who);
  const last = LAST_VOICE;
  LAST_VOICE = undefined;
  const change = RUNS.change();
  const p = (last && change && change.previous === last.runs && last.who === who && voiceEdit(ctx, last, change, runs, participants)) || voiceAll(ctx, runs, participants, who);
  LAST_VOICE = p;
  const v: Voice = {
    words: m.words, client: m.client, prof: m.prof, participant: m.participant, terms: m.terms,
    secClient: m.secClient, secProf: m.secProf, secWords: m.secWords,
    clientQuotes: p.clientQuotes, professionalQuotes: p.professionalQuotes, allQuotes: [], voice: p.voice, experience: p.experience, statements: [],
    involvement: [], involvementCount: p.involvementCount, counter: [],
  };
  voiceItems(ctx, v, p, runs);
  return v;
}

/**
 * What collectVoice combined from a check's runs: the counts, per run the lead-in and question it starts with (one more
 * entry at the end: after the last run), whether a heading stands before it and the voice its events added, and the
 * runs with items of each kind. Only the last check's (the runs RunSlots keeps anyway): an edit of its runs takes the
 * parts before and after the edited stretch from it (see voiceEdit).
 */
interface VoiceParts {
  runs: Array<Run<ClientRun>>;
  who: number;
  blocks: WeakRef<DocumentModel['blocks']>;
  /** The lead-in and question after the runs before run k (before a new section sets them back). */
  carry: Speaker[];
  question: boolean[];
  prevHeading: boolean[];
  rvs: Array<RunVoice | undefined>;
  clientQuotes: number;
  professionalQuotes: number;
  voice: number;
  experience: number;
  involvementCount: number;
  involvementRuns: number[];
  statementRuns: number[];
  quoteRuns: number[];
  counterRuns: number[];
  /** The lead-in and question after the runs combined so far. */
  c: Speaker;
  q: boolean;
}
let LAST_VOICE: VoiceParts | undefined;

function newParts(runs: Array<Run<ClientRun>>, who: number, blocks: VoiceParts['blocks']): VoiceParts {
  return {
    runs, who, blocks, carry: [], question: [], prevHeading: [], rvs: [], clientQuotes: 0, professionalQuotes: 0, voice: 0, experience: 0,
    involvementCount: 0, involvementRuns: [], statementRuns: [], quoteRuns: [], counterRuns: [], c: 'unknown', q: false,
  };
}

function voiceAll(ctx: Context, runs: Array<Run<ClientRun>>, participants: Participants, who: number): VoiceParts {
  const p = newParts(runs, who, new WeakRef(ctx.doc.blocks));
  for (let k = 0; k < runs.length; k++) voiceRun(ctx, p, runs, k, participants, who);
  p.carry.push(p.c);
  p.question.push(p.q);
  return p;
}

/** A run's voice counted (sign 1) or taken off (sign -1). */
function countVoice(p: VoiceParts, rv: RunVoice | undefined, involvementCount: number, sign: 1 | -1): void {
  p.involvementCount += sign * involvementCount;
  if (!rv) return;
  p.clientQuotes += sign * rv.clientQuotes;
  p.professionalQuotes += sign * rv.professionalQuotes;
  p.voice += sign * rv.voice;
  p.experience += sign * rv.experience;
}

/** Run k combined: the lead-in and question it starts with, its voice (worked out again when they or its source reads changed), its counts and items. */
function voiceRun(ctx: Context, p: VoiceParts, runs: Array<Run<ClientRun>>, k: number, participants: Participants, who: number): void {
  const { doc } = ctx;
  const run = runs[k]!;
  const { from, section, value: r } = run;
  p.carry.push(p.c);
  p.question.push(p.q);
  /** Whom quotations without an attribution belong to: the lead-in before them ("Inwoners zeiden:"). */
  let carry = p.c;
  let prevQuestion = p.q;
  if (k === 0 || runs[k - 1]!.section !== section) {
    carry = 'unknown';
    prevQuestion = false;
  }
  if (r.involvement.length) p.involvementRuns.push(k);
  let rv: RunVoice | undefined;
  let prevHeading = false;
  if (r.events.length) {
    // The run's voice as at the last check when it starts with the same lead-in, question and heading before it, the
    // same participants, and the same answers of the source reads it depends on; else worked out again.
    prevHeading = from > 0 && !!factsOf(doc, from - 1)?.heading;
    const key = ((who * 4 + SPEAKER_CODE[carry]) * 2 + (prevQuestion ? 1 : 0)) * 2 + (prevHeading ? 1 : 0);
    rv = r.voice;
    if (!rv || rv.key !== key || !sameAnswers(doc, from, rv)) r.voice = rv = runVoice(ctx, run, participants, key, carry, prevQuestion, prevHeading);
    if (rv.statements.length) p.statementRuns.push(k);
    if (rv.quotes.length) p.quoteRuns.push(k);
    if (rv.counter.length) p.counterRuns.push(k);
  }
  p.prevHeading.push(prevHeading);
  p.rvs.push(rv);
  countVoice(p, rv, r.involvementCount, 1);
  p.c = r.carryOut !== FROM_START ? resolve(participants, r.carryOut) : carry;
  p.q = r.questionOut !== FROM_START ? r.questionOut : prevQuestion;
}

/**
 * After an edit of the last check's runs (RUNS.change()) with the same participants and no section renumbered after
 * the edited stretch: the last parts for the runs before and after it, the runs between combined (speed only, ana32:
 * combining every run cost ~0.1 ms an edit at 100k words). The source reads of a kept run are asked again only where the
 * engine placed its blocks anew or next to such a block (a citation right after a quotation may stand in the next
 * block's source). Undefined, to combine all runs, when a kept run's source reads answer otherwise or the runs after the
 * stretch start with another lead-in, question or heading before them.
 *
 * Speed only (term34): the last parts are corrected in place (their per-run lists spliced where the stretch stands),
 * not copied into new lists of every run (~15 KB an edit at 100k words); `last` is changed only once the edit is known
 * to be one it can take, so an undefined answer leaves it as it was (voiceAll does not read it).
 */
function voiceEdit(ctx: Context, last: VoiceParts, change: RunChange<ClientRun>, runs: Array<Run<ClientRun>>, participants: Participants): VoiceParts | undefined {
  const { doc } = ctx;
  const prev = change.previous;
  const { before, after } = change;
  const wentTo = prev.length - after;
  const cameTo = runs.length - after;
  if (wentTo < before || cameTo < before || last.rvs.length !== prev.length) return undefined;
  if (after > 0 && prev[wentTo]!.section !== runs[cameTo]!.section) return undefined;
  const edit = blockEditOf(doc.blocks, last.blocks.deref());
  const keptBefore = edit ? edit.before : 0;
  const keptFrom = edit ? doc.blocks.length - edit.after : doc.blocks.length;
  // Only the runs next to the kept blocks' ends are read (the runs stand in order: those before the stretch that end
  // within two blocks of the first block placed anew, those after it that start before the last; speed only, cp36: not
  // every run's voice looked at per edit).
  for (let k = before - 1; k >= 0 && runs[k]!.to + 2 > keptBefore; k--) {
    const rv = last.rvs[k];
    if (rv && rv.probes.length && !sameAnswers(doc, runs[k]!.from, rv)) return undefined;
  }
  const shift = cameTo - wentTo;
  for (let j = wentTo; j < prev.length && runs[j + shift]!.from < keptFrom; j++) {
    const rv = last.rvs[j];
    if (rv && rv.probes.length && !sameAnswers(doc, runs[j + shift]!.from, rv)) return undefined;
  }
  // The runs between combined into parts of their own: their per-run lists hold the stretch's entries only (the run
  // numbers in the lists of items are the runs' own).
  const s = newParts(runs, last.who, last.blocks);
  s.clientQuotes = last.clientQuotes;
  s.professionalQuotes = last.professionalQuotes;
  s.voice = last.voice;
  s.experience = last.experience;
  s.involvementCount = last.involvementCount;
  for (let k = before; k < wentTo; k++) countVoice(s, last.rvs[k], prev[k]!.value.involvementCount, -1);
  s.c = last.carry[before]!;
  s.q = last.question[before]!;
  for (let k = before; k < cameTo; k++) voiceRun(ctx, s, runs, k, participants, last.who);
  if (after > 0) {
    // The lead-in and question the first run after the stretch starts with (a new section sets them back), as at the last check.
    const resets = cameTo === 0 || runs[cameTo - 1]!.section !== runs[cameTo]!.section;
    if (resets !== (wentTo === 0 || prev[wentTo - 1]!.section !== prev[wentTo]!.section)) return undefined;
    if (!resets && (s.c !== last.carry[wentTo] || s.q !== last.question[wentTo])) return undefined;
    if (runs[cameTo]!.value.events.length) {
      const from = runs[cameTo]!.from;
      if ((from > 0 && !!factsOf(doc, from - 1)?.heading) !== last.prevHeading[wentTo]) return undefined;
    }
  }
  // The edit is taken: the last parts become this check's. The lead-in and question lists have one entry more (after
  // the last run): the stretch's entries and the one after it replace the last check's from `before` to `wentTo`.
  const p = last;
  p.runs = runs;
  p.blocks = new WeakRef(doc.blocks);
  s.carry.push(s.c);
  s.question.push(s.q);
  replaceRange(p.carry, before, wentTo + 1 - before, s.carry);
  replaceRange(p.question, before, wentTo + 1 - before, s.question);
  replaceRange(p.prevHeading, before, wentTo - before, s.prevHeading);
  replaceRange(p.rvs, before, wentTo - before, s.rvs);
  p.clientQuotes = s.clientQuotes;
  p.professionalQuotes = s.professionalQuotes;
  p.voice = s.voice;
  p.experience = s.experience;
  p.involvementCount = s.involvementCount;
  p.involvementRuns = splicedRuns(p.involvementRuns, before, wentTo, s.involvementRuns, shift);
  p.statementRuns = splicedRuns(p.statementRuns, before, wentTo, s.statementRuns, shift);
  p.quoteRuns = splicedRuns(p.quoteRuns, before, wentTo, s.quoteRuns, shift);
  p.counterRuns = splicedRuns(p.counterRuns, before, wentTo, s.counterRuns, shift);
  if (after === 0) {
    p.c = s.c;
    p.q = s.q;
  }
  return p;
}

/**
 * The first items of each kind, in document order, placed now: involvement cues, statements, client quotations,
 * counter-evidence (or the last check's, see keptItems).
 */
function voiceItems(ctx: Context, v: Voice, p: VoiceParts, runs: Array<Run<ClientRun>>): void {
  const { doc } = ctx;
  v.involvement = runItems(ctx, INVOLVEMENT, v.involvement, p.involvementRuns, runs, undefined, (k) => runs[k]!.value.involvement, (from, { k: b, inv }) => ({
    ...item(doc, from + b, inv.start, inv.end, inv.text),
    cue: inv.cue,
  }));
  v.statements = runItems(ctx, STATEMENTS, v.statements, p.statementRuns, runs, p.rvs, (k) => p.rvs[k]!.statements, (from, { k: b, st }) => ({
    ...item(doc, from + b, st.start, st.end, st.text),
    kind: st.kind,
  }));
  v.allQuotes = runItems(ctx, QUOTES, v.allQuotes, p.quoteRuns, runs, p.rvs, (k) => p.rvs[k]!.quotes, (from, { k: b, quote: q }) => {
    if (!q) return { ...answerItem(ctx, from + b), attribution: 'answer' };
    const e: ClientPerspective['quotes'][number] = item(doc, from + b, q.start, q.end, q.text);
    if (q.attribution) e.attribution = q.attribution;
    return e;
  });
  v.counter = runItems(ctx, COUNTER, v.counter, p.counterRuns, runs, p.rvs, (k) => p.rvs[k]!.counter, (from, c) => {
    const q = c.quote;
    if (!q) return { ...answerItem(ctx, from + c.k), reason: c.reason! };
    const reason = c.read && citedAfterInSource(doc, doc.blocks[from + c.k]!, q.end) ? 'cited' : c.reason;
    return reason ? { ...item(doc, from + c.k, q.start, q.end, q.text), reason } : undefined;
  });
}

/**
 * The items of the runs in `list` (at most MAX_ITEMS, in run order): the last check's when they stand as they were
 * (keptItems), else each run's entries made into items (`make`: undefined for an entry that is none) after those in `out`.
 */
function runItems<T, E>(
  ctx: Context,
  kind: number,
  out: T[],
  list: readonly number[],
  runs: ReadonlyArray<Run<ClientRun>>,
  sources: ReadonlyArray<object | undefined> | undefined,
  entriesOf: (k: number) => readonly E[],
  make: (from: number, e: E) => T | undefined,
): T[] {
  const kept = keptItems<T>(ctx, kind, list, runs, sources);
  if (kept) return kept;
  let n = 0;
  for (; n < list.length && out.length < MAX_ITEMS; n++) {
    const k = list[n]!;
    const from = runs[k]!.from;
    for (const e of entriesOf(k)) {
      if (out.length >= MAX_ITEMS) break;
      const x = make(from, e);
      if (x !== undefined) out.push(x);
    }
  }
  return notePlaced(ctx, kind, out, list, n, runs, sources);
}

const SPEAKER_CODE: Record<Speaker, number> = { unknown: 0, client: 1, professional: 2, participant: 3 };
const PARTICIPANTS_CODE: Record<Participants['are'], number> = { unknown: 0, clients: 1, professionals: 2, both: 3 };
const RESOLVED_CODE: Record<Participants['resolvedBy'], number> = { none: 0, method: 1, mentions: 2 };

/**
 * A read of the source that a run's voice depends on: whether block k of the run cites in its source (its
 * placeholders: a \cite, a [@key], a footnote mark), or, with a quotation, whether a citation follows it there.
 */
interface SourceProbe {
  k: number;
  quote?: QuoteFact;
}

/** A quotation (or a first-person answer: no quote) of a run that is counter-evidence, or may be. */
interface CounterRef {
  k: number;
  quote?: QuoteFact;
  /** The reason; when `read`, the reason unless a citation follows the quotation in the source (undefined: no counter-evidence then). */
  reason: CounterEvidence['reason'] | undefined;
  read: boolean;
}

/**
 * What a run's statements, quotations and answers add to the voice, for the lead-in, question and heading before the
 * run and the participants (`key`), and the answers of its source reads. Block-relative (k): placed when combined.
 */
interface RunVoice {
  key: number;
  probes: SourceProbe[];
  answers: boolean[];
  clientQuotes: number;
  professionalQuotes: number;
  voice: number;
  experience: number;
  /** The first statements, client quotations (a quote, or the block as an answer) and counter-evidence of the run. */
  statements: Array<{ k: number; st: ClientFacts['statements'][number] }>;
  quotes: Array<{ k: number; quote?: QuoteFact }>;
  /** In order, up to the MAX_ITEMS-th that is sure to be counter-evidence. */
  counter: CounterRef[];
  /** Counter items in `counter` that are sure to be counter-evidence. */
  sure: number;
}

function probe(doc: DocumentModel, b: Block, p: SourceProbe): boolean {
  return p.quote ? citedAfterInSource(doc, b, p.quote.end) : citesInSource(doc, b);
}

/** Whether the run's source reads answer as when its voice was worked out. */
function sameAnswers(doc: DocumentModel, from: number, rv: RunVoice): boolean {
  const { probes, answers } = rv;
  for (let i = 0; i < probes.length; i++) {
    const p = probes[i]!;
    if (probe(doc, doc.blocks[from + p.k]!, p) !== answers[i]) return false;
  }
  return true;
}

/** A run's voice from its events, as collectVoice met them one by one (statements, quotations, answers of each block in order). */
function runVoice(ctx: Context, run: Run<ClientRun>, participants: Participants, key: number, carryIn: Speaker, questionIn: boolean, prevHeading: boolean): RunVoice {
  const { doc } = ctx;
  const { from, value: r } = run;
  const rv: RunVoice = { key, probes: [], answers: [], clientQuotes: 0, professionalQuotes: 0, voice: 0, experience: 0, statements: [], quotes: [], counter: [], sure: 0 };
  const read = (k: number, quote?: QuoteFact): boolean => {
    const p: SourceProbe = quote ? { k, quote } : { k };
    const a = probe(doc, doc.blocks[from + k]!, p);
    rv.probes.push(p);
    rv.answers.push(a);
    return a;
  };
  const heardClients = participants.resolvedBy === 'method' && (participants.are === 'clients' || participants.are === 'both');
  const byMethod = participants.resolvedBy === 'method';
  const counter = (c: CounterRef, sure: boolean) => {
    if (rv.sure >= MAX_ITEMS) return;
    rv.counter.push(c);
    if (sure) rv.sure++;
  };
  for (const e of r.events) {
    const k = e.k;
    const f = e.f;
    const b = doc.blocks[from + k]!;
    const carry = e.carry === FROM_START ? carryIn : resolve(participants, e.carry);
    const question = e.prevQuestion === FROM_START ? questionIn : e.prevQuestion;
    // A paragraph that cites the literature reports what others found, not what this study heard:
    // a citation in its text ("(Smith, 2019)", "[12]") or a citation placeholder (LaTeX \cite, Pandoc [@key]).
    const literature = f.literature || ((f.statements.length > 0 || f.quotes.length > 0) && !!b.source.placeholders?.length && read(k));
    if (!literature) {
      for (const st of f.statements) {
        // A generic subject ("most people were supportive") speaks for the clients only when the method heard them.
        if (st.generic && !heardClients) continue;
        if (resolve(participants, st.speaker) !== 'client') continue;
        if (st.kind === 'voice') rv.voice++;
        else rv.experience++;
        if (rv.statements.length < MAX_ITEMS) rv.statements.push({ k, st });
      }
    }
    // Quotations: the attribution, else the lead-in that introduces them ("Inwoners zeiden:"), else the people the
    // study heard from (only when its method names them). A quotation that cites the literature, stands in a
    // literature section, opens a chapter as an epigraph, or is a professional's or a named author's is counter-evidence.
    const literatureSection = LITERATURE_ROLES.has(b.core.role);
    const firstInSection = k > 0 ? !!factsOf(doc, from + k - 1)?.heading : prevHeading;
    for (const q of f.quotes) {
      let who = resolve(participants, q.speaker);
      if (q.speaker === 'unknown') who = carry !== 'unknown' ? carry : byMethod ? resolve(participants, 'participant') : 'unknown';
      const other: CounterEvidence['reason'] | undefined = literature || literatureSection
        ? 'literature'
        : q.whole && firstInSection && q.speaker === 'unknown' && carry === 'unknown' && !q.labelled
          ? 'epigraph'
          : who === 'professional'
            ? 'professional'
            : q.speaker === 'unknown' && q.attribution
              ? 'author'
              : undefined;
      if (q.cited) {
        counter({ k, quote: q, reason: 'cited', read: false }, true);
        if (who === 'professional') rv.professionalQuotes++;
        continue;
      }
      if (other !== undefined) {
        // Counter-evidence whatever follows it; the source is read for its reason only when it is shown.
        counter({ k, quote: q, reason: other, read: true }, true);
        if (who === 'professional') rv.professionalQuotes++;
        continue;
      }
      if (who === 'client') {
        // A client quotation unless a citation follows it in the source: read at every check (it decides the counts).
        if (read(k, q)) {
          counter({ k, quote: q, reason: 'cited', read: false }, true);
          continue;
        }
        rv.clientQuotes++;
        if (rv.quotes.length < MAX_ITEMS) rv.quotes.push({ k, quote: q });
        continue;
      }
      // Nobody's quotation: counter-evidence only when a citation follows it (read when it would be shown).
      counter({ k, quote: q, reason: undefined, read: true }, false);
    }
    // A first-person answer right after a question ("Speelt u wel eens bingo?" — "Ja, ik speel graag…"): the respondent's words.
    if (f.firstPerson && question && !literature) {
      const answer = byMethod ? resolve(participants, 'participant') : 'unknown';
      if (answer === 'client') {
        rv.clientQuotes++;
        if (rv.quotes.length < MAX_ITEMS) rv.quotes.push({ k });
      } else if (answer === 'professional') {
        rv.professionalQuotes++;
        counter({ k, reason: 'professional', read: false }, true);
      }
    }
  }
  return rv;
}

/** A first-person block as the respondent's answer: the block's text, shortened. */
function answerItem(ctx: Context, bi: number): EvidenceItem {
  const t = ctx.doc.blocks[bi]!.source.text;
  return item(ctx.doc, bi, 0, t.length, shortText(t));
}

/** A term's mentions in the document: kind and display as at its first use (run `first`, entry `at` of the run's terms), over `n` run entries. */
interface TermTotal {
  kind: PeopleKind;
  count: number;
  display: string;
  first: number;
  at: number;
  n: number;
}

/** Client and professional mentions of the runs' prose blocks, in the document and per section with those around it. */
interface MentionTotals {
  words: number;
  client: number;
  prof: number;
  participant: number;
  terms: Map<string, TermTotal>;
  secClient: number[];
  secProf: number[];
  secWords: number[];
}

/**
 * The mention totals of the last check, with the runs they were combined from, the participants (`who`) and the
 * sections' parents they were combined for. Only the last check's: the runs RunSlots keeps anyway.
 */
let LAST_MENTIONS: { runs: Array<Run<ClientRun>>; who: number; parent: number[]; totals: MentionTotals } | undefined;

/**
 * The mention totals of the runs. After an edit of the last check's runs (RUNS.change()) with the same participants
 * and the same sections (their parents, and no section renumbered after the edit), the last totals corrected: the
 * runs that went subtracted, the ones that came added (speed only, fit23: combining every run's terms cost ~0.3 ms an
 * edit at 100k words). A term whose first use went with a run and came back with none is combined from all runs again.
 */
function mentionTotals(runs: Array<Run<ClientRun>>, nSections: number, participants: Participants, parent: number[], who: number): MentionTotals {
  const last = LAST_MENTIONS;
  LAST_MENTIONS = undefined;
  const change = RUNS.change();
  const totals = (last && change && change.previous === last.runs && last.who === who && sameParents(last.parent, parent) && correctMentions(last.totals, change, runs, participants, parent, who)) || combineMentions(runs, nSections, participants, parent, who);
  LAST_MENTIONS = { runs, who, parent, totals };
  return totals;
}

function sameParents(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function combineMentions(runs: Array<Run<ClientRun>>, nSections: number, participants: Participants, parent: number[], who: number): MentionTotals {
  const t: MentionTotals = { words: 0, client: 0, prof: 0, participant: 0, terms: new Map(), secClient: new Array<number>(nSections).fill(0), secProf: new Array<number>(nSections).fill(0), secWords: new Array<number>(nSections).fill(0) };
  for (let i = 0; i < runs.length; i++) {
    const { section, value } = runs[i]!;
    addMentions(t, value, section, participants, parent, who, 1);
    addTerms(t, value.mentions!, i, Infinity);
  }
  return t;
}

/**
 * A run's terms (run i) added to the totals. A term met here first gets its kind and spelling from here: a new term, one
 * whose first use went (`first` -1), or one whose first use lay at or after run `firstFrom` (runs after an edit).
 */
function addTerms(t: MentionTotals, m: RunMentions, i: number, firstFrom: number): void {
  for (let at = 0; at < m.terms.length; at++) {
    const term = m.terms[at]!;
    const e = t.terms.get(term.t);
    if (!e) {
      t.terms.set(term.t, { kind: term.kind, count: term.count, display: term.display, first: i, at, n: 1 });
      continue;
    }
    e.count += term.count;
    e.n++;
    if (e.first === -1 || e.first >= firstFrom) (e.kind = term.kind), (e.display = term.display), (e.first = i), (e.at = at);
  }
}

/** A run's counts added to the totals (sign 1) or taken from them (sign -1), in the document and in its section and those around it. */
function addMentions(t: MentionTotals, r: ClientRun, section: number, participants: Participants, parent: number[], who: number, sign: 1 | -1): void {
  let m = r.mentions;
  if (!m || m.who !== who) r.mentions = m = runMentions(r, participants, who);
  const c = sign * m.c;
  const p = sign * m.p;
  const w = sign * r.words;
  t.words += w;
  t.client += c;
  t.prof += p;
  t.participant += sign * r.participant;
  for (let s = section; s >= 0; s = parent[s]!) {
    t.secClient[s]! += c;
    t.secProf[s]! += p;
    t.secWords[s]! += w;
  }
}

/** The last totals corrected for an edit of the runs (see mentionTotals), or undefined when they must be combined again. */
function correctMentions(t: MentionTotals, change: RunChange<ClientRun>, runs: Array<Run<ClientRun>>, participants: Participants, parent: number[], who: number): MentionTotals | undefined {
  const prev = change.previous;
  const { before, after } = change;
  const wentTo = prev.length - after;
  const cameTo = runs.length - after;
  // The runs after the edit kept their sections (a heading added or removed before them renumbers them all alike).
  if (after > 0 && prev[wentTo]!.section !== runs[cameTo]!.section) return undefined;
  for (let i = before; i < wentTo; i++) {
    const { section, value } = prev[i]!;
    addMentions(t, value, section, participants, parent, who, -1);
    for (const term of value.mentions!.terms) {
      const e = t.terms.get(term.t)!;
      e.count -= term.count;
      e.n--;
      if (e.first >= before && e.first < wentTo) e.first = -1;
    }
  }
  const shift = runs.length - prev.length;
  if (shift !== 0) for (const e of t.terms.values()) if (e.first >= wentTo) e.first += shift;
  for (let i = before; i < cameTo; i++) {
    const { section, value } = runs[i]!;
    addMentions(t, value, section, participants, parent, who, 1);
    addTerms(t, value.mentions!, i, cameTo);
  }
  // Only a term of a run that went can have no uses left or have lost its first use (not every term read per edit).
  for (let i = before; i < wentTo; i++) {
    for (const term of prev[i]!.value.mentions!.terms) {
      const e = t.terms.get(term.t);
      if (!e) continue;
      if (e.n === 0) t.terms.delete(term.t);
      else if (e.first === -1) return undefined;
    }
  }
  return t;
}

/** A run's client and professional mentions and terms with the participants resolved (kept with the run per participants). */
interface RunMentions {
  who: number;
  c: number;
  p: number;
  terms: Array<{ t: string; kind: 'client' | 'professional'; count: number; display: string }>;
}

function runMentions(r: ClientRun, participants: Participants, who: number): RunMentions {
  let c = r.client;
  let p = r.prof;
  const rp = resolve(participants, 'participant');
  if (rp === 'client') c += r.participant;
  else if (rp === 'professional') p += r.participant;
  else if (resolve(participants, 'participant', true) === 'client') c += r.participantClientByDefault;
  const terms: RunMentions['terms'] = [];
  for (const term of r.terms.values()) {
    const kind = term.kind === 'participant' ? resolve(participants, 'participant', term.clientByDefault) : term.kind;
    if (kind !== 'client' && kind !== 'professional') continue;
    terms.push({ t: term.t, kind, count: term.count, display: term.display });
  }
  return { who, c, p, terms };
}

/** The verdict and its reasons, judged on the evidence (a short report with one client quote is judged). */
function judge(ctx: Context, src: Sources, v: Voice): { verdict: Verdict; reasons: Message[]; per1000: number; ratio: number | null } {
  const { opts } = ctx;
  const { client, words, clientQuotes } = v;
  const per1000 = words > 0 ? (client / words) * 1000 : 0;
  const ratio = v.prof > 0 ? client / v.prof : null;
  const asDataSource = src.clientSrc > 0;
  const asCoResearchers = v.involvement.length > 0;
  const statements = v.voice + v.experience;
  const heard = clientQuotes + statements;
  const reasons: Message[] = [];
  const anyOwnEvidence = asDataSource || asCoResearchers || clientQuotes > 0;
  // No method of any kind (nobody interviewed, surveyed or involved, none announced): an essay or a
  // book that names clients now and then is no study of them.
  const noMethod = src.reportedMethods + src.notInvolved.length + src.planned.length + v.involvementCount === 0;
  // A few anecdotes in a long essay (fewer than one client quotation per 2,000 words) are no study of clients either.
  const anecdotal = words > 0 && (clientQuotes * 1000) / words < 0.5;
  const rareWithoutMethod = noMethod && anecdotal && per1000 < Number(opts.minMentionsPer1000WithoutMethod);
  if (((client < Number(opts.minMentions) || per1000 < Number(opts.minMentionsPer1000)) && !anyOwnEvidence) || rareWithoutMethod) {
    reasons.push({
      en: `the text hardly names clients, patients, residents or other people served (${countText(client, 'en', 'mention', 'mentions')}, ${numberText(round(per1000), 'en')} per 1,000 words), so Brug does not judge their perspective`,
      nl: `de tekst noemt nauwelijks cliënten, patiënten, inwoners of andere mensen om wie het gaat (${numberText(client, 'nl')} keer, ${numberText(round(per1000), 'nl')} per 1.000 woorden); Brug beoordeelt hun perspectief dus niet`,
    });
    return { verdict: 'not-applicable', reasons, per1000, ratio };
  }
  const balanced = ratio === null || ratio >= Number(opts.minRatio);
  // Quotations and reported experience are both the clients' voice.
  const richVoice = clientQuotes >= Number(opts.presentQuotes) || heard >= Number(opts.presentVoice);
  let verdict: Verdict;
  if (asDataSource && richVoice && balanced) verdict = 'present';
  else if ((asDataSource && heard > 0) || asCoResearchers || clientQuotes > 0 || v.voice >= Number(opts.partialVoice)) verdict = 'partial';
  else verdict = 'absent';
  if (asDataSource && heard === 0) reasons.push({ en: `the method names clients as a data source ("${src.clientSources[0]!.text}"), but nothing they said or experienced appears in the text`, nl: `de methode noemt cliënten als bron ("${src.clientSources[0]!.text}"), maar wat zij zeiden of ervoeren staat nergens in de tekst` });
  else if (asDataSource) reasons.push({ en: 'the method names clients as a data source', nl: 'de methode noemt cliënten als bron' });
  else if (src.notInvolved.length) reasons.push({ en: `the text says clients were not a source ("${src.notInvolved[0]!.text}")`, nl: `de tekst zegt dat cliënten geen bron waren ("${src.notInvolved[0]!.text}")` });
  else if (src.planned.length) reasons.push({ en: 'client methods are announced or recommended, not reported', nl: 'methoden onder cliënten worden aangekondigd of aanbevolen, niet gerapporteerd' });
  else reasons.push({ en: 'the method names no clients as a data source', nl: 'de methode noemt geen cliënten als bron' });
  if (asCoResearchers) reasons.push({ en: `clients are involved in the research (${v.involvement[0]!.cue})`, nl: `cliënten zijn betrokken bij het onderzoek (${v.involvement[0]!.cue})` });
  reasons.push(clientQuotes ? { en: `${clientQuotes} quotation${clientQuotes === 1 ? '' : 's'} from clients`, nl: `${clientQuotes} ${clientQuotes === 1 ? 'citaat' : 'citaten'} van cliënten` } : { en: 'no quotations from clients', nl: 'geen citaten van cliënten' });
  reasons.push(statements ? { en: `${statements} statement${statements === 1 ? '' : 's'} of what clients said or experienced`, nl: `${statements} ${statements === 1 ? 'uitspraak' : 'uitspraken'} over wat cliënten zeiden of ervoeren` } : { en: 'no statements of what clients said or experienced', nl: 'geen uitspraken over wat cliënten zeiden of ervoeren' });
  if (!balanced) reasons.push({ en: 'professionals and organisations dominate the text', nl: 'professionals en organisaties overheersen de tekst' });
  return { verdict, reasons, per1000, ratio };
}

/** A check's counts per section (with its subsections): client and professional mentions, words. Not changed once made. */
interface SectionCounts {
  client: number[];
  prof: number[];
  words: number[];
}

/** The sections' perspectives from their counts. */
function perspectivesOf(sections: DocumentModel['sections'], counts: SectionCounts): SectionPerspective[] {
  const out: SectionPerspective[] = new Array(sections.length);
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    out[i] = { title: s.title, line: s.line, role: s.role, level: s.level, clientMentions: counts.client[i]!, professionalMentions: counts.prof[i]!, words: counts.words[i]!, offset: s.offset, endOffset: s.endOffset, contentEnd: s.contentEnd };
  }
  return out;
}

/**
 * The per-section counts (a copy: the totals are corrected in place at the next check) and the key sections
 * (conclusions, discussion, recommendations; the outermost of each).
 */
function sectionsOf(doc: DocumentModel, v: Voice, parent: number[]): { counts: SectionCounts; keySections: ClientPerspective['keySections'] } {
  const sections = doc.sections;
  const counts: SectionCounts = { client: countsCopy(0, v.secClient), prof: countsCopy(1, v.secProf), words: countsCopy(2, v.secWords) };
  const keySections: ClientPerspective['keySections'] = [];
  let clientAbbr: RegExp | null | undefined;
  const names = clientAbbreviationNames(doc);
  // The key sections as sectionParents found them for these sections (always, in compute).
  const shape = LAST_SECTIONS;
  const keys = shape && shape.sections === sections && shape.parent === parent ? shape.keys : keySectionsOf(sections.map((s) => s.role), parent);
  for (const i of keys) {
    const s = sections[i]!;
    const pi = parent[i]!;
    // The document's abbreviations are looked up only for a section that names no client word (a whole-text scan, ~1 ms
    // at 100k words; speed only, cl15).
    const abbr = () => (clientAbbr === undefined ? (clientAbbr = clientAbbreviations(doc, v)) : clientAbbr);
    const mentionsClients = v.secClient[i]! > 0 || names(s, abbr());
    const parentMentionsClients = pi >= 0 && (v.secClient[pi]! > 0 || names(sections[pi]!, abbr()));
    keySections.push({ index: i, title: s.title, line: s.line, role: s.role, words: v.secWords[i]!, mentionsClients, professionalMentions: v.secProf[i]!, parent: pi, parentMentionsClients });
  }
  return { counts, keySections };
}

/**
 * A copy of per-section totals (client, professional mentions or words: `kind` 0, 1, 2), for a check's counts. Speed and
 * memory only (s31): the last check's copy when it holds the same numbers (copies are not changed once made; the totals
 * are corrected in place, mostly at the edited section and those around it only): three lists of every section were
 * copied at every check, ~4.7 KB an edit at 333 sections, alive until the next check.
 */
function countsCopy(kind: 0 | 1 | 2, totals: number[]): number[] {
  const last = LAST_COUNTS[kind];
  if (last && last.length === totals.length) {
    let i = 0;
    while (i < totals.length && last[i] === totals[i]) i++;
    if (i === totals.length) return last;
  }
  return (LAST_COUNTS[kind] = totals.slice());
}
const LAST_COUNTS: Array<number[] | undefined> = [undefined, undefined, undefined];

/**
 * The abbreviations the document defines for clients ("`PD` persoon met dementie", "service users
 * (SUs)"): a full form that holds a client word the document uses. A section that writes PD names
 * clients as much as one that writes "persoon met dementie". As one pattern, or null when there are none.
 */
function clientAbbreviations(doc: DocumentModel, v: Voice): RegExp | null {
  const words = [...v.terms.values()].filter((t) => t.kind === 'client').map((t) => t.display.toLowerCase().replace(/\s*…$/, '')).filter((t) => t.length >= 3);
  if (!words.length) return null;
  const defined = definedAbbreviations(doc.text, undefined, doc.lines);
  // The same definitions and client words as the last check (an edit elsewhere): the same pattern (speed only, lsp9).
  const wordsKey = words.join('\u0000');
  const last = CLIENT_ABBREVIATIONS.get(defined);
  if (last && last.words === wordsKey) return last.re;
  const found: string[] = [];
  for (const [abbr, full] of defined) {
    if (words.some((w) => full.includes(w))) found.push(abbr);
  }
  const re = found.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${found.join('|')})s?(?![\\p{L}\\p{N}])`, 'u') : null;
  CLIENT_ABBREVIATIONS.set(defined, { words: wordsKey, re });
  return re;
}
const CLIENT_ABBREVIATIONS = new WeakMap<Map<string, string>, { words: string; re: RegExp | null }>();

/**
 * Whether a section's text uses one of the document's abbreviations for clients (pattern `re`), for the sections of one
 * check. Speed only (cl42): the last check's answer is carried over for a section whose text the edit since left as it
 * was (wholly before the changed stretch, or wholly after it), with the same pattern; the others are read (a copy of
 * each key section's text was made at every edit, ~90 KB at ~86,000 words of Dutch reports).
 */
function clientAbbreviationNames(doc: DocumentModel): (s: DocumentModel['sections'][number], re: RegExp | null) => boolean {
  const last = LAST_NAMES;
  const edit = last !== undefined ? doc.lines.changedSince(last.lines, last.length) : undefined;
  const now: NamesState = { lines: doc.lines.id, length: doc.text.length, re: undefined, answers: new Map() };
  LAST_NAMES = now;
  return (s, re) => {
    if (re === null) return false;
    const a = s.offset;
    const b = s.contentEnd;
    let yes: boolean | undefined;
    if (edit !== undefined && last!.re === re) {
      // Where the section's text was in the last text, when the edit left it as it was.
      const was = b <= edit.from ? a : a >= edit.to ? a - (edit.to - edit.oldTo) : -1;
      const known = was >= 0 ? last!.answers.get(was) : undefined;
      if (known !== undefined && known.end === b - a + was) yes = known.yes;
    }
    yes ??= re.test(doc.text.slice(a, b));
    now.re = re;
    now.answers.set(a, { end: b, yes });
    return yes;
  };
}
/** clientAbbreviationNames' answers of the last check: its text's line index and length, the pattern, and per section start its end and answer. */
interface NamesState {
  lines: number;
  length: number;
  re: RegExp | undefined;
  answers: Map<number, { end: number; yes: boolean }>;
}
let LAST_NAMES: NamesState | undefined;

/** The analysis result from its steps. */
function assemble(ctx: Context, src: Sources, participants: Participants, v: Voice, parent: number[], verdict: Verdict, reasons: Message[], per1000: number, ratio: number | null): ClientPerspective {
  const { doc } = ctx;
  // (The lists of items hold at most MAX_ITEMS each: handed out as they are, not copied.)
  const quotes = v.allQuotes;
  const asDataSource = src.clientSrc > 0;
  const asCoResearchers = v.involvement.length > 0;
  const { counts, keySections } = sectionsOf(doc, v, parent);
  // The sections' perspectives are made when read (speed only, cp36: a rule reads a few of them, and only for some
  // documents; ~90 objects were made per edit at 100,000 words, most of them after the edit and so new ones, alive until
  // the next check). The same list at every read; an enumerable property as the others (JSON, copies and comparisons
  // read it as a list).
  const docSections = doc.sections;
  let sections: SectionPerspective[] | undefined;
  const methodSection = doc.sections.find((s) => s.role === 'method');
  const sorted = (kind: PeopleKind) => topTerms(v.terms, kind).map(([, t]) => ({ term: t.display, count: t.count }));
  const result: ClientPerspective = {
    verdict,
    language: doc.language,
    words: v.words,
    clientMentions: v.client,
    professionalMentions: v.prof,
    participantMentions: v.participant,
    participantsAre: participants.are,
    participantsResolvedBy: participants.resolvedBy,
    clientMentionsPer1000: round(per1000),
    clientToProfessionalRatio: ratio === null ? null : round(ratio, 2),
    clientTerms: sorted('client'),
    professionalTerms: sorted('professional'),
    clientQuotes: v.clientQuotes,
    professionalQuotes: v.professionalQuotes,
    quotes,
    voiceStatements: v.voice,
    experienceStatements: v.experience,
    statements: v.statements,
    method: {
      involvesClients: asDataSource || asCoResearchers,
      asDataSource,
      asCoResearchers,
      clientSources: src.clientSources,
      professionalSources: src.professionalSources,
      notInvolved: src.notInvolved,
      planned: src.planned,
    },
    involvement: v.involvement,
    evidence: evidenceOf(verdict, quotes, v.statements, src.clientSources, v.involvement, v.counter, src.notInvolved, src.professionalSources),
    get sections(): SectionPerspective[] {
      return (sections ??= perspectivesOf(docSections, counts));
    },
    keySections,
    reasons,
    summary: { en: '', nl: '' },
  };
  if (methodSection) result.method.section = { title: methodSection.title, line: methodSection.line, offset: methodSection.offset, endOffset: methodSection.endOffset, contentEnd: methodSection.contentEnd };
  result.summary = summaryOf(result);
  return result;
}

/** Terms by count (most first), then by word, then by first use: a strict order, the same as sorting them by it in order of first use. */
function compareTerms(word: string, t: TermTotal, b: [string, TermTotal]): number {
  return b[1].count - t.count || compareWords(word, b[0]) || t.first - b[1].first || t.at - b[1].at;
}

/**
 * The first MAX_ITEMS terms of a kind in that order, picked in one pass (not all of a long document's terms sorted; speed
 * only, fit23). (forEach, and a pair made only for a term that enters the first: no entry pair per term of the
 * document at every check; speed only, term34.)
 */
function topTerms(terms: Map<string, TermTotal>, kind: PeopleKind): Array<[string, TermTotal]> {
  const top: Array<[string, TermTotal]> = [];
  terms.forEach((t, word) => {
    if (t.kind !== kind) return;
    if (top.length === MAX_ITEMS && compareTerms(word, t, top[MAX_ITEMS - 1]!) >= 0) return;
    let i = top.length;
    while (i > 0 && compareTerms(word, t, top[i - 1]!) < 0) i--;
    top.splice(i, 0, [word, t]);
    if (top.length > MAX_ITEMS) top.pop();
  });
  return top;
}

/** The evidence by kind, and the strongest piece for the verdict: a client quote, then reported experience, then the method. */
function evidenceOf(
  verdict: Verdict,
  quotes: ClientPerspective['quotes'],
  statements: ClientPerspective['statements'],
  sources: EvidenceItem[],
  involvement: ClientPerspective['involvement'],
  counter: CounterEvidence[],
  notInvolved: EvidenceItem[],
  professionalSources: EvidenceItem[],
): ClientEvidence {
  // The last check's evidence when it was made from the same lists (speed only, cp36: the lists of a check are the last
  // check's when their items stand before the edit, see keptItems; it is not changed once handed out).
  const last = LAST_EVIDENCE;
  const inputs = [quotes, statements, sources, involvement, counter, notInvolved, professionalSources];
  if (last && last.verdict === verdict && sameList(last.inputs, inputs)) return last.ev;
  // Otherwise a list of the last evidence made from the same items (its quotations, statements; the method's when its
  // sources and involvement are the same) is handed out again.
  const was = last?.inputs;
  const plain = (e: EvidenceItem): EvidenceItem => ({ text: e.text, line: e.line, offset: e.offset, endOffset: e.endOffset });
  const ev: ClientEvidence = {
    quotes: was && was[0] === quotes ? last!.ev.quotes : quotes.map(plain),
    reported: was && was[1] === statements ? last!.ev.reported : statements.map((s) => ({ ...plain(s), kind: s.kind })),
    method: was && was[2] === sources && was[3] === involvement ? last!.ev.method : [...sources.map((e) => ({ ...plain(e), kind: 'source' as const })), ...involvement.map((e) => ({ ...plain(e), kind: 'involvement' as const }))].slice(0, MAX_ITEMS),
    counter: counter.slice(0, MAX_ITEMS),
  };
  const first = ev.quotes[0] ? { ...ev.quotes[0], kind: 'quote' as const } : ev.reported[0] ? { ...plain(ev.reported[0]), kind: 'reported' as const } : undefined;
  const method = sources[0] ? { ...plain(sources[0]), kind: 'source' as const } : involvement[0] ? { ...plain(involvement[0]), kind: 'involvement' as const } : undefined;
  if (verdict === 'present' || verdict === 'partial') ev.strongest = first ?? method;
  else if (verdict === 'absent') {
    const against = notInvolved[0] ? { ...plain(notInvolved[0]), kind: 'not-a-source' as const } : professionalSources[0] ? { ...plain(professionalSources[0]), kind: 'professionals-only' as const } : counter[0] ? { ...plain(counter[0]), kind: 'counter' as const } : undefined;
    ev.strongest = against ?? first ?? method;
  }
  LAST_EVIDENCE = { verdict, inputs, ev };
  return ev;
}
let LAST_EVIDENCE: { verdict: Verdict; inputs: unknown[][]; ev: ClientEvidence } | undefined;

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const STRONGEST: Record<NonNullable<ClientEvidence['strongest']>['kind'], Message> = {
  quote: { en: 'a client quotation', nl: 'een citaat van een cliënt' },
  reported: { en: 'what clients experienced', nl: 'wat cliënten ervoeren' },
  source: { en: 'clients as a source', nl: 'cliënten als bron' },
  involvement: { en: 'clients involved', nl: 'cliënten betrokken' },
  counter: { en: 'a quotation that is not the clients\' voice', nl: 'een citaat dat niet van cliënten is' },
  'not-a-source': { en: 'clients not a source', nl: 'cliënten geen bron' },
  'professionals-only': { en: 'only professionals as a source', nl: 'alleen professionals als bron' },
};

/** "strongest evidence: a client quotation, line 45 ("Ja, ik speel graag bingo…")". */
export function strongestText(cp: ClientPerspective): Message | undefined {
  const s = cp.evidence.strongest;
  if (!s) return undefined;
  const t = s.text.length > 80 ? `${s.text.slice(0, 79).trimEnd()}…` : s.text;
  return {
    en: `strongest evidence: ${STRONGEST[s.kind].en}, line ${s.line} ("${t}")`,
    nl: `sterkste bewijs: ${STRONGEST[s.kind].nl}, regel ${s.line} ("${t}")`,
  };
}

const VERDICT_WORDS: Record<Verdict, Message> = {
  present: { en: 'present', nl: 'aanwezig' },
  partial: { en: 'partial', nl: 'gedeeltelijk' },
  absent: { en: 'absent', nl: 'afwezig' },
  'not-applicable': { en: 'not applicable', nl: 'niet van toepassing' },
};

/** Numbers as a writer reads them: 1 : 2.6. */
export function ratioText(cp: ClientPerspective, language: Language): string {
  const r = cp.clientToProfessionalRatio;
  if (r === null) return language === 'nl' ? 'geen professionals genoemd' : 'no professionals named';
  const n = (x: number) => numberText(x, language);
  if (r >= 1) return `${n(round(r, 1))} : 1`;
  if (r === 0) return '0 : 1';
  return `1 : ${n(round(1 / r, 1))}`;
}

/**
 * The summary line. The last check's when what it is made of is the same (speed only, cp37: an edit elsewhere leaves
 * it as it was; its two messages were written again at every check). Not changed once handed out.
 */
function summaryOf(cp: ClientPerspective): Message {
  const key = summaryInputs(cp);
  const last = LAST_SUMMARY;
  if (last && sameList(last.key, key)) return last.summary;
  const summary = writeSummary(cp);
  LAST_SUMMARY = { key, summary };
  return summary;
}
let LAST_SUMMARY: { key: unknown[]; summary: Message } | undefined;

/** Everything writeSummary reads of a perspective. */
function summaryInputs(cp: ClientPerspective): unknown[] {
  const s = cp.evidence.strongest;
  let mention = 0;
  for (const k of cp.keySections) if (k.mentionsClients) mention++;
  return [
    cp.verdict, cp.clientMentions, cp.clientMentionsPer1000, cp.clientToProfessionalRatio, cp.clientQuotes, cp.voiceStatements + cp.experienceStatements,
    cp.keySections.length, mention, cp.method.asDataSource, cp.method.asCoResearchers, cp.method.notInvolved.length > 0,
    s ? s.kind : undefined, s ? s.line : undefined, s ? s.text : undefined,
  ];
}

function writeSummary(cp: ClientPerspective): Message {
  const v = VERDICT_WORDS[cp.verdict];
  const n = (x: number) => numberText(x, 'nl');
  const e = (x: number) => numberText(x, 'en');
  if (cp.verdict === 'not-applicable') {
    return {
      en: `Client perspective: ${v.en} — the text hardly names the people it serves (${countText(cp.clientMentions, 'en', 'client mention', 'client mentions')}, ${e(cp.clientMentionsPer1000)} per 1,000 words).`,
      nl: `Cliëntperspectief: ${v.nl} — de tekst noemt nauwelijks de mensen om wie het gaat (${n(cp.clientMentions)} keer cliënten, ${n(cp.clientMentionsPer1000)} per 1.000 woorden).`,
    };
  }
  const key = cp.keySections;
  const keyEn = key.length ? `; ${key.filter((k) => k.mentionsClients).length} of ${key.length} conclusion/discussion/recommendation sections name clients` : '';
  const keyNl = key.length ? `; ${key.filter((k) => k.mentionsClients).length} van ${key.length} hoofdstukken met conclusies, discussie of aanbevelingen noemen cliënten` : '';
  const methodEn = cp.method.asDataSource && cp.method.asCoResearchers ? 'clients as source and co-researchers' : cp.method.asDataSource ? 'clients as a data source' : cp.method.asCoResearchers ? 'clients involved as advisers/co-researchers' : cp.method.notInvolved.length ? 'clients explicitly not a source' : 'no clients as a source';
  const methodNl = cp.method.asDataSource && cp.method.asCoResearchers ? 'cliënten als bron en als medeonderzoekers' : cp.method.asDataSource ? 'cliënten als bron' : cp.method.asCoResearchers ? 'cliënten betrokken als adviseurs/medeonderzoekers' : cp.method.notInvolved.length ? 'cliënten uitdrukkelijk geen bron' : 'geen cliënten als bron';
  const st = strongestText(cp);
  const stEn = st ? `; ${st.en}` : '';
  const stNl = st ? `; ${st.nl}` : '';
  return {
    en: `Client perspective: ${v.en} — ${countText(cp.clientMentionsPer1000, 'en', 'client mention', 'client mentions')} per 1,000 words, clients : professionals ${ratioText(cp, 'en')}, ${cp.clientQuotes} client quotation${cp.clientQuotes === 1 ? '' : 's'}, ${cp.voiceStatements + cp.experienceStatements} experience statement${cp.voiceStatements + cp.experienceStatements === 1 ? '' : 's'}, method: ${methodEn}${keyEn}${stEn}.`,
    nl: `Cliëntperspectief: ${v.nl} — ${n(cp.clientMentionsPer1000)} keer cliënten per 1.000 woorden, cliënten : professionals ${ratioText(cp, 'nl')}, ${cp.clientQuotes} ${cp.clientQuotes === 1 ? 'citaat' : 'citaten'} van cliënten, ${cp.voiceStatements + cp.experienceStatements} uitspra${cp.voiceStatements + cp.experienceStatements === 1 ? 'ak' : 'ken'} over hun ervaringen, methode: ${methodNl}${keyNl}${stNl}.`,
  };
}
