import { existsSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import type { Engine, LintResult } from '../engine/engine.js';
import type { BrugConfig } from '../engine/config/config.js';
import type { Finding, Fix, Language, Message, Metrics, RelatedLocation, Section, TextEdit } from '../engine/types.js';
import { LineIndex } from '../engine/offsets.js';
import { addCounts, emptyCounts, metricsOf } from '../engine/text/metrics.js';
import { compareWords } from '../engine/text/order.js';
import { fixInPasses } from '../engine/fixes.js';
import { findBeginDocument, inComment, secureLatexFixes } from '../engine/formats/latex.js';
import { readDocument } from './read.js';

/**
 * Multi-file LaTeX documents. A main file that pulls in chapters with \input, \include,
 * \subfile or \import is checked as one document: the included files' text replaces the
 * commands that include them (a subfile's own preamble left out), the engine lints that
 * combined text once, so document rules (sections, acronyms, the client perspective) see
 * the whole thesis, and every finding and fix goes back to the file and offset it came from.
 */

/** An \input-like command in a file's text. */
export interface LatexInclude {
  command: string;
  /** The target as written ({chapters/intro}), and the folder of \import{dir}{file}. */
  target: string;
  dir?: string;
  offset: number;
  endOffset: number;
}

/** A stretch of the combined text that is a stretch of one file. */
export interface LatexPiece {
  file: string;
  /** [start, end) in the combined text. */
  start: number;
  end: number;
  /** Where it starts in the file. */
  fileStart: number;
}

export interface LatexProjectProblem {
  file: string;
  offset: number;
  endOffset: number;
  message: Message;
}

export interface LatexProject {
  root: string;
  /** The combined text: the main file with every included file in place. */
  text: string;
  pieces: LatexPiece[];
  /** Every file of the document: the main file first, then included files in order. */
  files: string[];
  /** Each file's text as read. */
  texts: Map<string, string>;
  problems: LatexProjectProblem[];
}

const INCLUDE = /\\(input|include|subfile|import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)(?![A-Za-z@])[ \t]*(?:\{([^{}\n]*)\}(?:[ \t]*\{([^{}\n]*)\})?|[ \t]+([^\s{}%\\]+))/g;
const VERBATIM = /\\begin\{(verbatim\*?|Verbatim\*?|lstlisting|minted|comment|filecontents\*?)\}[\s\S]*?\\end\{\1\}/g;
const TWO_ARGS = new Set(['import', 'subimport', 'inputfrom', 'subinputfrom', 'includefrom', 'subincludefrom']);
/** A document larger than this is not extended further (a runaway include). */
const MAX_PROJECT_CHARS = 50 * 1024 * 1024;

/** The \input, \include, \subfile and \import commands of a text, outside comments and verbatim. */
export function findIncludes(text: string): LatexInclude[] {
  if (!/\\(?:input|include|subfile|import|subimport|inputfrom|subinputfrom|includefrom|subincludefrom)(?![A-Za-z@])/.test(text)) return [];
  const skipped: Array<[number, number]> = [];
  VERBATIM.lastIndex = 0;
  let v: RegExpExecArray | null;
  while ((v = VERBATIM.exec(text))) skipped.push([v.index, v.index + v[0].length]);
  const out: LatexInclude[] = [];
  INCLUDE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INCLUDE.exec(text))) {
    const at = m.index;
    if (inComment(text, at) || skipped.some(([s, e]) => at >= s && at < e)) continue;
    const command = m[1]!;
    const two = TWO_ARGS.has(command);
    if (two && m[3] === undefined) continue;
    const target = (two ? m[3] : (m[2] ?? m[4]))?.trim();
    // A macro argument (\input{chapters/#1} in a \newcommand) or a computed name is not a file.
    if (!target || /[#\\]/.test(target)) continue;
    // \input{a} ends at its first }: a group after it ({b}) is not part of the command.
    const endOffset = !two && m[2] !== undefined ? text.indexOf('}', at) + 1 : at + m[0].length;
    const inc: LatexInclude = { command, target, offset: at, endOffset };
    if (two) inc.dir = m[2]!.trim();
    out.push(inc);
  }
  return out;
}

/** The files an include may name, most likely first (LaTeX adds .tex when the name has no extension). */
export function includeCandidates(inc: LatexInclude, root: string, from: string): string[] {
  const rootDir = dirname(root);
  const fromDir = dirname(from);
  const dirs: string[] = [];
  if (inc.dir !== undefined) {
    const sub = inc.command.startsWith('sub');
    dirs.push(resolve(sub ? fromDir : rootDir, inc.dir));
    if (!sub) dirs.push(resolve(fromDir, inc.dir));
  } else {
    dirs.push(rootDir);
    if (fromDir !== rootDir) dirs.push(fromDir);
  }
  const out: string[] = [];
  for (const d of dirs) {
    const p = resolve(d, inc.target);
    const ext = extname(p).toLowerCase();
    if (ext === '.tex' || ext === '.ltx' || ext === '.latex') out.push(p);
    else out.push(`${p}.tex`, p);
  }
  return [...new Set(out)];
}

export type ReadText = (file: string) => string | undefined;

/** Reads a text file, or undefined when it is missing, not a regular file, binary or too large. */
export function readTextFile(file: string): string | undefined {
  const r = readDocument(file, MAX_PROJECT_CHARS);
  return r.ok ? r.text : undefined;
}

/** Which files of a document may be read (inside the project, or allowed by readOutside); all when not given. */
export type MayRead = (file: string) => boolean;

/** The part of an included file that typesets: the body of a file with its own preamble (a subfile). */
function bodyOf(text: string): { start: number; end: number } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = findBeginDocument(text);
  if (!doc) return { start: bom, end: text.length };
  const re = /\\end\s*\{document\}/g;
  re.lastIndex = doc.end;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (!inComment(text, m.index)) return { start: doc.end, end: m.index };
  return { start: doc.end, end: text.length };
}

/** Whether a text pulls in other files. */
export function hasIncludes(text: string): boolean {
  return findIncludes(text).length > 0;
}

/**
 * Builds the combined text of a main file and everything it includes. Missing files and
 * include cycles are not followed; they are problems at the command that names them.
 */
export function buildLatexProject(root: string, read: ReadText = readTextFile, mayRead?: MayRead): LatexProject {
  const texts = new Map<string, string>();
  const files: string[] = [];
  const pieces: LatexPiece[] = [];
  const problems: LatexProjectProblem[] = [];
  const parts: string[] = [];
  let length = 0;

  const load = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    const t = read(file);
    if (t !== undefined) {
      texts.set(file, t);
      files.push(file);
    }
    return t;
  };

  const emit = (file: string, text: string, from: number, to: number) => {
    if (to <= from) return;
    const last = pieces[pieces.length - 1];
    if (last && last.file === file && last.fileStart + (last.end - last.start) === from && last.end === length) last.end += to - from;
    else pieces.push({ file, start: length, end: length + (to - from), fileStart: from });
    parts.push(text.slice(from, to));
    length += to - from;
  };

  const expand = (file: string, text: string, from: number, to: number, stack: string[]) => {
    let pos = from;
    for (const inc of findIncludes(text)) {
      if (inc.offset < from || inc.endOffset > to) continue;
      emit(file, text, pos, inc.offset);
      pos = inc.endOffset;
      const all = includeCandidates(inc, root, file);
      const candidates = mayRead ? all.filter((c) => mayRead(c)) : all;
      const target = candidates.find((c) => texts.has(c) || load(c) !== undefined);
      const shown = text.slice(inc.offset, inc.endOffset);
      const outside = !target ? all.find((c) => !candidates.includes(c) && existsSync(c)) : undefined;
      if (outside) {
        const name = relative(dirname(root), outside) || outside;
        problems.push({
          file,
          offset: inc.offset,
          endOffset: inc.endOffset,
          message: {
            en: `${shown}: ${name} is outside the project; not read, its text is not checked. Allow it with readOutside in .brug.yml.`,
            nl: `${shown}: ${name} ligt buiten het project; niet gelezen, de tekst ervan is niet gecontroleerd. Sta het toe met readOutside in .brug.yml.`,
          },
        });
        continue;
      }
      if (!target) {
        const looked = candidates.map((c) => relative(dirname(root), c) || c).join(', ');
        problems.push({
          file,
          offset: inc.offset,
          endOffset: inc.endOffset,
          message: {
            en: `${shown}: no such file (looked for ${looked}); its text is not checked.`,
            nl: `${shown}: bestand niet gevonden (gezocht naar ${looked}); de tekst ervan is niet gecontroleerd.`,
          },
        });
        continue;
      }
      if (stack.includes(target)) {
        const chain = [...stack.slice(stack.indexOf(target)), target].map((f) => relative(dirname(root), f) || f).join(' → ');
        problems.push({
          file,
          offset: inc.offset,
          endOffset: inc.endOffset,
          message: { en: `${shown} includes a file that includes this one (${chain}); not followed.`, nl: `${shown} voegt een bestand in dat dit bestand weer invoegt (${chain}); niet gevolgd.` },
        });
        continue;
      }
      const sub = texts.get(target)!;
      if (length + sub.length > MAX_PROJECT_CHARS) {
        problems.push({ file, offset: inc.offset, endOffset: inc.endOffset, message: { en: `${shown}: the document is too large to include more; not followed.`, nl: `${shown}: het document is te groot om meer in te voegen; niet gevolgd.` } });
        continue;
      }
      const body = bodyOf(sub);
      expand(target, sub, body.start, body.end, [...stack, target]);
    }
    emit(file, text, pos, to);
  };

  const rootText = load(root) ?? '';
  if (!texts.has(root)) {
    texts.set(root, '');
    files.unshift(root);
  }
  expand(root, rootText, 0, rootText.length, [root]);
  return { root, text: parts.join(''), pieces, files, texts, problems };
}

/** The file and file offset of a combined-text offset (`side` 'end': a range end at a piece boundary stays in the earlier piece). */
export function locate(project: LatexProject, offset: number, side: 'start' | 'end' = 'start'): { piece: number; file: string; offset: number } {
  const ps = project.pieces;
  if (ps.length === 0) return { piece: -1, file: project.root, offset: 0 };
  let lo = 0;
  let hi = ps.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ps[mid]!;
    if (side === 'end' ? p.start < offset : p.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const p = ps[found]!;
  const into = Math.max(0, Math.min(offset, p.end) - p.start);
  return { piece: found, file: p.file, offset: p.fileStart + into };
}

export interface LatexFileResult {
  file: string;
  /** The file's text as checked. */
  text: string;
  findings: Finding[];
  /** Metrics of the blocks in this file. */
  metrics: Metrics;
  /** Sections whose heading is in this file (offsets and lines in this file). */
  sections: Section[];
  language: Language;
}

export interface LatexProjectResult {
  project: LatexProject;
  /** The engine's result on the combined text (document metrics, analyses). */
  result: LintResult;
  /** One entry per file of the document, the main file first. */
  files: LatexFileResult[];
}

/** Lints a project once and splits the findings per file. */
export function lintLatexProject(engine: Engine, project: LatexProject, config?: BrugConfig): LatexProjectResult {
  const result = engine.lint(project.text, { path: project.root, format: 'latex', ...(config ? { config } : {}) });
  secureLatexFixes(project.text, result.findings);
  const byFile = new Map<string, LatexFileResult>();
  const language = result.language;
  for (const file of project.files) {
    byFile.set(file, { file, text: project.texts.get(file) ?? '', findings: [], metrics: result.metrics, sections: [], language });
  }
  const seen = new Set<string>();
  for (const f of result.findings) {
    const mapped = mapFinding(project, f);
    const target = byFile.get(mapped.file);
    if (!target) continue;
    const key = `${mapped.file}\u0000${mapped.finding.offset}\u0000${mapped.finding.endOffset}\u0000${f.ruleId}\u0000${f.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    target.findings.push(mapped.finding);
  }
  for (const p of project.problems) {
    byFile.get(p.file)?.findings.push({ ruleId: 'brug/latex-input', severity: 'info', message: p.message, offset: p.offset, endOffset: p.endOffset, fixes: [] });
  }
  // Metrics and sections per file (a file checked alone reports the document's own).
  if (project.files.length > 1) {
    const counts = new Map<string, ReturnType<typeof emptyCounts>>();
    const words = new Map<string, Record<Language, number>>();
    for (const b of result.blocks) {
      const file = locate(project, b.analysed.block.start).file;
      let c = counts.get(file);
      if (!c) counts.set(file, (c = emptyCounts()));
      addCounts(c, b.analysed.counts);
      let w = words.get(file);
      if (!w) words.set(file, (w = { nl: 0, en: 0 }));
      w[b.analysed.language] += b.analysed.counts.words;
    }
    for (const r of byFile.values()) {
      const w = words.get(r.file);
      r.language = !w || w.nl + w.en === 0 ? language : w.nl >= w.en ? 'nl' : 'en';
      r.metrics = metricsOf(counts.get(r.file) ?? emptyCounts(), r.language);
    }
  }
  const lines = new Map<string, LineIndex>();
  for (const s of result.sections) {
    const at = locate(project, s.offset);
    const target = byFile.get(at.file);
    if (!target) continue;
    let li = lines.get(at.file);
    if (!li) lines.set(at.file, (li = new LineIndex(target.text)));
    const end = locate(project, s.endOffset, 'end');
    const contentEnd = locate(project, s.contentEnd, 'end');
    target.sections.push({
      ...s,
      offset: at.offset,
      endOffset: end.file === at.file ? end.offset : at.offset,
      contentEnd: contentEnd.file === at.file ? contentEnd.offset : target.text.length,
      line: li.position(at.offset).line + 1,
    });
  }
  for (const r of byFile.values()) r.findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || compareWords(a.ruleId, b.ruleId));
  return { project, result, files: [...byFile.values()] };
}

function mapFinding(project: LatexProject, f: Finding): { file: string; finding: Finding } {
  const start = locate(project, f.offset, 'start');
  const endAt = locate(project, f.endOffset, 'end');
  const endOffset = endAt.piece === start.piece ? Math.max(start.offset, endAt.offset) : pieceEnd(project, start.piece);
  const out: Finding = { ...f, offset: start.offset, endOffset: Math.max(start.offset, endOffset), fixes: [] };
  for (const fix of f.fixes) {
    const edits: TextEdit[] = [];
    let ok = true;
    for (const e of fix.edits) {
      const a = locate(project, e.offset, e.offset === e.endOffset ? 'end' : 'start');
      const b = locate(project, e.endOffset, 'end');
      // An edit across two files, or one in another file than the finding (a fix "everywhere"), stays out.
      if (a.file !== start.file || b.file !== start.file) continue;
      if (a.piece !== b.piece && e.offset !== e.endOffset) {
        ok = false;
        break;
      }
      edits.push({ offset: a.offset, endOffset: Math.max(a.offset, b.offset), newText: e.newText });
    }
    if (!ok) continue;
    if (fix.edits.length > 0 && edits.length === 0) continue;
    const mapped: Fix = { ...fix, edits };
    out.fixes.push(mapped);
  }
  if (f.related) {
    const related: RelatedLocation[] = [];
    for (const r of f.related) {
      const a = locate(project, r.offset, 'start');
      const b = locate(project, r.endOffset, 'end');
      if (a.file === start.file && b.file === start.file) related.push({ ...r, offset: a.offset, endOffset: Math.max(a.offset, b.offset) });
    }
    out.related = related;
  }
  return { file: start.file, finding: out };
}

function pieceEnd(project: LatexProject, piece: number): number {
  const p = project.pieces[piece];
  return p ? p.fileStart + (p.end - p.start) : 0;
}

/**
 * Applies the safe fixes file by file, re-linting the whole document after each pass (at most
 * `passes`), as `brug check --fix` does for one file: a fix after which re-checking shows a
 * finding the document did not have, in any of its files, is refused (fixInPasses). Files are
 * not written: the result holds each changed file's new text.
 */
export function fixLatexProject(engine: Engine, root: string, config?: BrugConfig, read: ReadText = readTextFile, passes = 5, mayRead?: MayRead): { result: LatexProjectResult; changed: Map<string, string>; applied: number; refused: number } {
  const first = lintLatexProject(engine, buildLatexProject(root, read, mayRead), config);
  const run = fixInPasses(
    first,
    (r) => r.files,
    (texts) => lintLatexProject(engine, buildLatexProject(root, (f) => texts.get(f) ?? read(f), mayRead), config),
    passes,
  );
  const changed = new Map<string, string>();
  for (const [file, text] of run.texts) if (text !== read(file)) changed.set(file, text);
  return { result: run.result, changed, applied: run.applied, refused: run.refused };
}

/**
 * Which files of a list are main files of multi-file documents, and which are covered by
 * one (checked as part of it, so not on their own). A file that includes others and is not
 * itself included by another file of the list is a main file; in a cycle, the first wins.
 */
export function planLatexProjects(files: string[], read: ReadText = readTextFile, mayReadFor?: (root: string) => MayRead | undefined): { projects: Map<string, LatexProject>; covered: Map<string, string> } {
  const candidates: LatexProject[] = [];
  for (const file of files) {
    if (!/\.(tex|ltx|latex)$/i.test(file)) continue;
    const text = read(file);
    if (text === undefined || !hasIncludes(text)) continue;
    candidates.push(buildLatexProject(file, (f) => (f === file ? text : read(f)), mayReadFor?.(file)));
  }
  const includedSomewhere = new Set<string>();
  for (const p of candidates) for (const f of p.files.slice(1)) includedSomewhere.add(f);
  const ordered = [...candidates.filter((p) => !includedSomewhere.has(p.root)), ...candidates.filter((p) => includedSomewhere.has(p.root))];
  const projects = new Map<string, LatexProject>();
  const covered = new Map<string, string>();
  for (const p of ordered) {
    if (covered.has(p.root)) continue;
    projects.set(p.root, p);
    for (const f of p.files.slice(1)) if (!covered.has(f) && f !== p.root) covered.set(f, p.root);
  }
  return { projects, covered };
}
