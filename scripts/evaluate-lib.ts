/**
 * Leave-one-document-out evaluation of Brug's verdicts on the labelled dev corpus (issue 14):
 * section roles against SECTIONS.tsv and the client-perspective verdict against LABELS.tsv.
 *
 * Honest LOO: every word in Brug's data that matches only the held-out document (and no other
 * document of the corpus) is removed before that document is judged, so a word added because of
 * one document cannot help that document's own score.
 * - Section roles: role terms (dictionaries/{nl,en}/section-roles) that match headings (heading and
 *   question cues) or section text (content cues) of the held-out document only.
 * - Client verdict: client-dictionary entries (people, voice, experience, method, involvement words)
 *   whose forms occur in the held-out document only, and an entry's context words (unless) that
 *   occur in the held-out document only.
 * Used by `npm run evaluate` (scripts/evaluate-verdicts.ts) and by the corpus tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, formatOf } from '../server/src/engine/engine.js';
import { defaultConfig } from '../server/src/engine/config/config.js';
import type { Language, ProseBlock, SectionRole } from '../server/src/engine/types.js';
import type { Dictionary, RoleEntry } from '../server/src/engine/vocabulary/dictionary.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { assignRoles, compileRoles, headingInfos, normaliseHeading, roleEntries } from '../server/src/engine/sections.js';
import type { HeadingInfo } from '../server/src/engine/sections.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { engineFor } from '../server/src/workspace/engine.js';
import type { ClientPerspective } from '../server/src/engine/rules/client/analysis.js';

export interface CorpusDoc {
  file: string;
  language: Language;
  text: string;
}

export function readTsv(path: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => l.split('\t'));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

/** Every document of the manifest (file paths relative to the corpus folder). */
export function corpusDocs(dir: string): CorpusDoc[] {
  return readTsv(join(dir, 'MANIFEST.tsv')).map((r) => {
    const file = r.file!.replace(/^dev\//, '');
    return { file, language: r.language as Language, text: readFileSync(join(dir, file), 'utf8') };
  });
}

// ------------------------------------------------------------------ section roles

export interface SectionRow {
  file: string;
  line: number;
  heading: string;
  level: number;
  role: SectionRole;
}

export function sectionRows(dir: string): SectionRow[] {
  return readTsv(join(dir, 'SECTIONS.tsv')).map((r) => ({ file: r.file!, line: Number(r.line), heading: r.heading_text!, level: Number(r.level), role: r.role as SectionRole }));
}

/** A document's headings as the role algorithm sees them, with their 1-based lines. */
export interface ParsedHeadings {
  doc: CorpusDoc;
  infos: HeadingInfo[];
  lines: number[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const parsedCache = new Map<string, ParsedHeadings>();

/** Parsed once per document text (the tests and the evaluation share it). */
export function parseHeadings(doc: CorpusDoc, engine: Engine = engineFor().engine): ParsedHeadings {
  const key = `${doc.file}\u0000${doc.text.length}`;
  const hit = parsedCache.get(key);
  if (hit && hit.doc.text === doc.text) return hit;
  const p = parseUncached(doc, engine);
  parsedCache.set(key, p);
  return p;
}

function parseUncached(doc: CorpusDoc, engine: Engine): ParsedHeadings {
  return headingsOfBlocks(doc, parseBlocks(doc, engine));
}

/** The parsed blocks of a corpus document, with only what the role algorithm reads (for a cache on disk). */
export function parseBlocks(doc: CorpusDoc, engine: Engine = engineFor().engine): ProseBlock[] {
  const text = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  const parsed = engine.parse(text, formatOf(doc.file), defaultConfig());
  return parsed.blocks.map((b) => ({ kind: b.kind, text: b.text, map: [], start: b.start, end: b.end, ...(b.level !== undefined ? { level: b.level } : {}), ...(b.skip ? { skip: true } : {}), ...(b.title ? { title: true } : {}) }));
}

/** The headings of parsed blocks with their lines. */
export function headingsOfBlocks(doc: CorpusDoc, blocks: ProseBlock[]): ParsedHeadings {
  const text = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  const infos = headingInfos(blocks);
  const lines = blocks.filter((b) => b.kind === 'heading').map((b) => lineAt(text, b.start));
  return { doc, infos, lines };
}

/** One matcher per role term (entry id : term), compiled once for the whole corpus. */
function termMatchers(entries: RoleEntry[]): Array<{ key: string; content: boolean; re: RegExp }> {
  return entries.flatMap((e) =>
    e.terms.map((t) => {
      const re = compileRoles([{ ...e, terms: [t], lead: false }]);
      return { key: `${e.id}:${t}`, content: e.cue === 'content', re: (re.heading[0] ?? re.question[0] ?? re.content[0])!.re };
    }),
  );
}

/** Role terms (entry id : term) that match this document: in its headings (heading, question cues) or section text (content cues). */
function roleTermsUsed(p: ParsedHeadings, matchers: ReturnType<typeof termMatchers>): Set<string> {
  const used = new Set<string>();
  const headings = p.infos.map((h) => normaliseHeading(h.title));
  const content = p.infos.map((h) => h.content ?? '').join('\n');
  for (const m of matchers) {
    m.re.lastIndex = 0;
    const hit = m.content ? m.re.test(content) : headings.some((h) => m.re.test(h));
    if (hit) used.add(m.key);
  }
  return used;
}

export interface SectionScore {
  language: Language;
  agree: number;
  total: number;
  misses: string[];
  /** Every labelled heading: the label and Brug's role. */
  pairs: Array<{ file: string; line: number; heading: string; level: number; gold: SectionRole; got: SectionRole | undefined }>;
}

/** SECTIONS.tsv has no references role: its labellers mark a reference list "other", the class Brug's finer "references" belongs to. */
function asLabelled(role: SectionRole): SectionRole {
  return role === 'references' ? 'other' : role;
}

/** Section-role agreement per language, in-sample and leave-one-document-out. */
export function evaluateSections(docs: CorpusDoc[], rows: SectionRow[], vocabulary: Vocabulary, parse: (doc: CorpusDoc) => ParsedHeadings = (d) => parseHeadings(d)): { inSample: SectionScore[]; loo: SectionScore[]; removed: Record<string, string[]> } {
  const parsed = new Map(docs.map((d) => [d.file, parse(d)]));
  const entries = { nl: roleEntries(vocabulary, 'nl'), en: roleEntries(vocabulary, 'en') };
  const all = [...entries.nl, ...entries.en];
  const matchers = termMatchers(all);
  const usedBy = new Map([...parsed.values()].map((p) => [p.doc.file, roleTermsUsed(p, matchers)]));
  const score = (exclude: (file: string) => Set<string>) => {
    const out: Record<Language, SectionScore> = { nl: { language: 'nl', agree: 0, total: 0, misses: [], pairs: [] }, en: { language: 'en', agree: 0, total: 0, misses: [], pairs: [] } };
    for (const [file, p] of parsed) {
      const gold = rows.filter((r) => r.file === file);
      if (gold.length === 0) continue;
      const ex = exclude(file);
      const vocab = compileRoles(entries[p.doc.language], ex);
      const roles = assignRoles(p.infos, vocab);
      const s = out[p.doc.language];
      for (const g of gold) {
        s.total++;
        const i = p.lines.indexOf(g.line);
        const got = i >= 0 ? asLabelled(roles[i]!) : undefined;
        s.pairs.push({ file, line: g.line, heading: g.heading, level: g.level, gold: g.role, got });
        if (got === g.role) s.agree++;
        else s.misses.push(`${file}:${g.line} "${g.heading.slice(0, 50)}" → ${got ?? 'no heading'} (label ${g.role})`);
      }
    }
    return [out.nl, out.en];
  };
  const removed: Record<string, string[]> = {};
  const onlyIn = (file: string) => {
    const mine = usedBy.get(file)!;
    const others = new Set<string>();
    for (const [f, u] of usedBy) if (f !== file) for (const t of u) others.add(t);
    const only = new Set([...mine].filter((t) => !others.has(t)));
    removed[file] = [...only];
    return only;
  };
  return { inSample: score(() => new Set()), loo: score(onlyIn), removed };
}

/** The leave-one-out misses per language as label → Brug's role, most frequent first, with three example headings. */
export function confusion(scores: SectionScore[]): string[] {
  const lines: string[] = [];
  for (const s of scores) {
    const byPair = new Map<string, string[]>();
    for (const p of s.pairs) {
      if (p.got === p.gold) continue;
      const k = `${p.gold} → ${p.got ?? 'no heading'}`;
      const list = byPair.get(k) ?? [];
      list.push(`"${p.heading.slice(0, 40)}"`);
      byPair.set(k, list);
    }
    lines.push(`Leave-one-out misses, ${s.language} (label → Brug):`, '', '| label → Brug | headings | examples |', '|---|---|---|');
    for (const [k, v] of [...byPair.entries()].sort((a, b) => b[1].length - a[1].length)) lines.push(`| ${k} | ${v.length} | ${[...new Set(v)].slice(0, 3).join(', ')} |`);
    lines.push('');
  }
  return lines;
}

/** Headings with the same words and the same label in two or more documents that Brug gives different roles (leave-one-out). */
export function inconsistent(scores: SectionScore[]): string[] {
  const byHeading = new Map<string, Array<{ file: string; got: string }>>();
  for (const s of scores) {
    for (const p of s.pairs) {
      const k = `${normaliseHeading(p.heading)}\u0000${p.gold}`;
      const list = byHeading.get(k) ?? [];
      list.push({ file: p.file, got: p.got ?? 'no heading' });
      byHeading.set(k, list);
    }
  }
  const lines: string[] = [];
  for (const [k, v] of byHeading) {
    if (new Set(v.map((x) => x.file)).size < 2 || new Set(v.map((x) => x.got)).size < 2) continue;
    const [heading, gold] = k.split('\u0000');
    lines.push(`- "${heading}" (label ${gold}): ${v.map((x) => `${x.file.replace(/^.*\//, '')} ${x.got}`).join(', ')}`);
  }
  return lines;
}

/** The inconsistent headings as a report section. */
export function inconsistentReport(scores: SectionScore[]): string[] {
  const lines = inconsistent(scores);
  return [`Same heading and label in two or more documents, different roles from Brug (leave-one-out): ${lines.length}`, '', ...lines, ''];
}

// ------------------------------------------------------------------ client verdict

export interface ClientLabel {
  file: string;
  language: Language;
  verdict: string;
  confidence: string;
  methodInvolvesClients: string;
  /** The alternative reading the labeller names ("Alternative reading: not_applicable", "Could be read as not_applicable"). */
  alternative?: string;
}

export function clientLabels(dir: string): ClientLabel[] {
  return readTsv(join(dir, 'LABELS.tsv')).map((r) => {
    const alt = /(?:alternative reading|could be read as):?\s*([a-z_]+)/i.exec(r.evidence ?? '');
    const l: ClientLabel = { file: r.file!, language: r.language as Language, verdict: r.client_perspective!.replace('_', '-'), confidence: r.confidence!, methodInvolvesClients: r.method_involves_clients! };
    if (alt) l.alternative = alt[1]!.replace('_', '-');
    return l;
  });
}

const voiced = (v: string) => v === 'present' || v === 'partial';
/** Three classes: present, partial, and not voiced (absent or not applicable). */
const three = (v: string) => (voiced(v) ? v : 'absent');

export interface ClientResult {
  label: ClientLabel;
  verdict: string;
  /** Dictionary entries left out for this document (leave-one-out). */
  removed: string[];
  summary: string;
  /** The held-out analysis, when asked for (scripts and debugging). */
  cp?: ClientPerspective;
}

export interface ClientScore {
  language: Language | 'all';
  total: number;
  /** absent vs voiced (present or partial), strict and with the labeller's alternative reading. */
  binary: number;
  binaryAlt: number;
  /** present / partial / not voiced. */
  exact3: number;
  exact3Alt: number;
  misses: string[];
}

function entryForms(d: Dictionary): Array<{ id: string; forms: string[] }> {
  return (d.entries ?? []).map((e) => ({ id: e.id, forms: [e.term, ...(e.forms ?? [])] }));
}

function occurs(text: string, form: string): boolean {
  const body = form.toLowerCase().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}`, 'iu').test(text);
}

export function scoreClient(results: ClientResult[], language: Language | 'all'): ClientScore {
  const rs = results.filter((r) => language === 'all' || r.label.language === language);
  const s: ClientScore = { language, total: rs.length, binary: 0, binaryAlt: 0, exact3: 0, exact3Alt: 0, misses: [] };
  for (const r of rs) {
    const l = r.label;
    const alt = l.alternative;
    const b = voiced(r.verdict) === voiced(l.verdict);
    const e = three(r.verdict) === three(l.verdict);
    if (b) s.binary++;
    if (b || (alt !== undefined && voiced(r.verdict) === voiced(alt))) s.binaryAlt++;
    if (e) s.exact3++;
    if (e || (alt !== undefined && three(r.verdict) === three(alt))) s.exact3Alt++;
    if (r.verdict !== l.verdict) s.misses.push(`${l.file}: ${r.verdict} (label ${l.verdict}, ${l.confidence}${alt ? `, alternative ${alt}` : ''})`);
  }
  return s;
}

/** The client verdict of every labelled document, in-sample and leave-one-out. */
export function evaluateClient(docs: CorpusDoc[], labels: ClientLabel[], keep = false): { inSample: ClientResult[]; loo: ClientResult[] } {
  const { dictionaries } = bundledDictionaries();
  const clientDicts = dictionaries.filter((d) => d.kind === 'client');
  const lower = new Map(docs.map((d) => [d.file, d.text.toLowerCase()]));
  const inSample: ClientResult[] = [];
  const loo: ClientResult[] = [];
  for (const l of labels) {
    const doc = docs.find((d) => d.file === l.file);
    if (!doc) continue;
    const base = engineFor().engine.lint(doc.text, { path: doc.file });
    const cp = base.analyses.clientPerspective as ClientPerspective;
    inSample.push({ label: l, verdict: cp.verdict, removed: [], summary: cp.summary.en });
    // Entries whose forms occur in this document and in no other.
    const removed: string[] = [];
    for (const d of clientDicts) {
      for (const e of entryForms(d)) {
        const here = e.forms.some((f) => occurs(lower.get(doc.file)!, f));
        if (!here) continue;
        const elsewhere = docs.some((o) => o.file !== doc.file && e.forms.some((f) => occurs(lower.get(o.file)!, f)));
        if (!elsewhere) removed.push(e.id);
      }
      // An entry's context words (unless) that occur in this document only are left out as well.
      for (const e of d.entries ?? []) {
        for (const w of e.unless ?? []) {
          if (occurs(lower.get(doc.file)!, w) && !docs.some((o) => o.file !== doc.file && occurs(lower.get(o.file)!, w))) removed.push(`${e.id}:unless:${w}`);
        }
      }
    }
    if (removed.length === 0) {
      loo.push({ label: l, verdict: cp.verdict, removed, summary: cp.summary.en, ...(keep ? { cp } : {}) });
      continue;
    }
    const drop = new Set(removed);
    const withoutUnless = (e: NonNullable<Dictionary['entries']>[number]) => {
      if (!e.unless) return e;
      const unless = e.unless.filter((w) => !drop.has(`${e.id}:unless:${w}`));
      const { unless: _all, ...rest } = e;
      return unless.length ? { ...e, unless } : rest;
    };
    const reduced = dictionaries.map((d) => (d.kind === 'client' ? { ...d, entries: (d.entries ?? []).filter((e) => !drop.has(e.id)).map(withoutUnless) } : d));
    const engine = new Engine({ ...engineOptions(), vocabulary: new Vocabulary(reduced) });
    const r = engine.lint(doc.text, { path: doc.file });
    const c = r.analyses.clientPerspective as ClientPerspective;
    loo.push({ label: l, verdict: c.verdict, removed, summary: c.summary.en, ...(keep ? { cp: c } : {}) });
  }
  return { inSample, loo };
}

/** The engine options of the shared engine (its formats), for engines over reduced vocabularies. */
function engineOptions(): ConstructorParameters<typeof Engine>[0] {
  const e = engineFor().engine as unknown as { formats?: unknown };
  return e.formats ? ({ formats: e.formats } as ConstructorParameters<typeof Engine>[0]) : {};
}

export function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`;
}
