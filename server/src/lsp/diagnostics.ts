/** Findings as LSP diagnostics. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, DiagnosticRelatedInformation, Position, Range, TextEdit } from 'vscode-languageserver/node';
import { detach } from '../engine/cache.js';
import { commonPrefix, commonSuffix } from '../engine/offsets.js';
import type { ConfigEdit, Finding, Language, Severity } from '../engine/types.js';
import { docsUrl } from '../workspace/resources.js';
import type { TextView } from '../engine/text/view.js';

export const SOURCE = 'brug';

export interface Positions {
  positionAt(offset: number): Position;
}

/** A fix as a diagnostic carries it: titles already in the message language, ranges in LSP terms. */
export interface FixData {
  title: string;
  preferred: boolean;
  /** safe: part of fix-all; suggestion: picked by the writer (a fix without a kind is a suggestion). */
  kind?: 'safe' | 'suggestion';
  edits: TextEdit[];
  configEdit?: ConfigEdit;
}

/**
 * What code actions need from a diagnostic, kept in its `data`. No document version: a
 * diagnostic stays identical while an edit elsewhere leaves it alone. Instead `holds` names
 * the text around the diagnostic and each fix edit (a few characters either side): a code
 * action applies the fixes only while the document still holds exactly that text there.
 */
export interface DiagnosticData {
  fixes?: FixData[];
  holds?: Array<{ range: Range; text: string }>;
  /** Before 0.2: the version the ranges belonged to (still honoured when a client sends it). */
  version?: number | null;
}

export interface TextSource extends Positions {
  getText(range?: Range): string;
}

/** Characters either side of a fix edit that must be unchanged for the fix to apply. */
const CONTEXT = 8;

/** True when the document still holds the text a diagnostic's fixes were made for. */
export function fixesHold(d: Diagnostic, doc: TextSource): boolean {
  const data = d.data as DiagnosticData | undefined;
  if (!data?.fixes?.length || !Array.isArray(data.holds) || data.holds.length === 0) return false;
  return data.holds.every((h) => h && typeof h.text === 'string' && doc.getText(h.range) === h.text);
}

/**
 * The stretches of text a finding's fixes depend on: its own range and each edit with some context, each stretch once
 * (a term's alternatives, and "replace all" with each of them, name the same places: 25 stretches for a term used 11
 * times with two alternatives, 12 of them different; every publication of the document's diagnostics carries them).
 */
function holdsFor(f: Finding, doc: Positions, text: TextView): Array<{ range: Range; text: string }> {
  const spans: Array<[number, number]> = [[f.offset, Math.max(f.offset, f.endOffset)]];
  let seen: Set<string> | undefined;
  for (const x of f.fixes) {
    for (const e of x.edits) {
      const span: [number, number] = [Math.max(0, e.offset - CONTEXT), Math.min(text.length, e.endOffset + CONTEXT)];
      const key = `${span[0]},${span[1]}`;
      if ((seen ??= new Set()).has(key)) continue;
      seen.add(key);
      spans.push(span);
    }
  }
  // A copy, not a slice: the diagnostic is kept across edits (toDiagnosticsAfterEdit), and a slice would keep the whole
  // text of the version it was made from alive with it (a heap snapshot after 300 edits at 100,000 words: one older
  // 1.1 MB text per version that still had such a diagnostic).
  return spans.map(([s, e]) => ({ range: rangeOf(doc, s, e), text: detach(text.slice(s, e)) }));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Information;
}

const links = new Map<string, string | null>();

/** The documentation page of a rule, when Brug ships one. */
export function ruleDocs(ruleId: string): string | undefined {
  let link = links.get(ruleId);
  if (link === undefined) {
    try {
      const url = docsUrl(ruleId);
      link = url.startsWith('file:') && !existsSync(fileURLToPath(url)) ? null : url;
    } catch {
      link = null;
    }
    links.set(ruleId, link);
  }
  return link ?? undefined;
}

export function rangeOf(doc: Positions, offset: number, endOffset: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(Math.max(offset, endOffset)) };
}

export function toFixData(f: Finding, doc: Positions, ui: Language): FixData[] {
  return f.fixes.map((x) => {
    const fd: FixData = {
      title: x.title[ui],
      preferred: x.preferred,
      kind: x.kind === 'safe' ? 'safe' : 'suggestion',
      edits: x.edits.map((e) => ({ range: rangeOf(doc, e.offset, e.endOffset), newText: e.newText })),
    };
    if (x.configEdit) fd.configEdit = x.configEdit;
    return fd;
  });
}

export function toDiagnostic(f: Finding, doc: Positions, ui: Language, uri: string, text?: TextView): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, f.offset, f.endOffset),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    message: f.message[ui] || f.message.en || f.message.nl,
  };
  const href = ruleDocs(f.ruleId);
  if (href) d.codeDescription = { href };
  // Only fixes need data (and the text they apply to); the disable actions work from the current text.
  if (f.fixes.length) {
    const data: DiagnosticData = { fixes: toFixData(f, doc, ui) };
    if (text !== undefined) data.holds = holdsFor(f, doc, text);
    d.data = data;
  }
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: rangeOf(doc, r.offset, r.endOffset) }, message: r.message[ui] || r.message.en }),
    );
  }
  return d;
}

export function toDiagnostics(findings: Finding[], doc: Positions, ui: Language, uri: string, text?: TextView): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) out.push(toDiagnostic(f, doc, ui, uri, text));
  return out;
}

/** The diagnostics made at the last check of a document, with the findings and the text they were made from. */
export interface Shown {
  uri: string;
  ui: Language;
  text: TextView;
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
  /**
   * Speed only (diag36), when known (showAfterEdit): for each finding, how far into `text` its diagnostic reads (the
   * furthest end of its range, its fix edits with their context and its related places: reachOf). A finding the engine
   * hands out again that reads nothing from the changed stretch on keeps its diagnostic without being read.
   */
  reach?: Int32Array;
}

function countLines(text: TextView, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether `text` has a carriage return from `from` up to `to` (only there: indexOf would read on to the end of a text without one). */
function hasReturn(text: TextView, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

/**
 * Where the last check's text and this one agree, and how a diagnostic's positions carry over: before `prefix` the
 * texts are the same and so are positions; from `after` on (the start of a line past the changed stretch, when the edit
 * left the number of lines alone) the text is the old text `shift` characters on, at the same line and character.
 */
interface Unchanged {
  prefix: number;
  after: number;
  shift: number;
  length: number;
}

/**
 * How far the stretch from `s` to `e` of the new text, which a diagnostic reads, lies from where it was in the old
 * text: 0 wholly before the changed stretch, the shift wholly from `after` on; NaN else (then no old offset matches).
 * (An offset at the changed stretch itself may be the other half of a CRLF, so a stretch before it ends before it.)
 */
function moved(u: Unchanged, s: number, e: number): number {
  return e < u.prefix ? 0 : s >= u.after ? u.shift : NaN;
}

/** The furthest end of any stretch of a text of `length` characters that finding `f`'s diagnostic reads (see sameFinding). */
function reachOf(f: Finding, length: number): number {
  let e = Math.max(f.offset, f.endOffset);
  for (let i = 0; i < f.fixes.length; i++) {
    const edits = f.fixes[i]!.edits;
    for (let k = 0; k < edits.length; k++) {
      const b = edits[k]!;
      e = Math.max(e, b.offset, b.endOffset, Math.min(length, b.endOffset + CONTEXT));
    }
  }
  const related = f.related;
  if (related) for (let i = 0; i < related.length; i++) e = Math.max(e, related[i]!.offset, related[i]!.endOffset);
  return e;
}

/**
 * Whether finding `f` makes the diagnostic that `o` made: everything toDiagnostic reads but the positions is the same,
 * and each stretch it reads (its range, each fix edit with its context, each related place) is the old one, moved with
 * the unchanged text before or after the changed stretch: then its text and positions are the old ones. A finding with
 * places on both sides of an edit (a term used in several places, a section's long sentences) keeps its diagnostic too.
 */
function sameFinding(o: Finding, f: Finding, d: number, u: Unchanged, ui: Language): boolean {
  // (`d`: how far f's range moved, moved() of it; the caller has it.) The same object (a document rule's finding that the
  // edit left where it was: the engine hands it out again) has the same fields: only its places are checked.
  if (o !== f) {
    if (o.ruleId !== f.ruleId || o.severity !== f.severity) return false;
    if (o.offset + d !== f.offset || o.endOffset + d !== f.endOffset) return false;
    // The same message object (a rule that moves a finding keeps its message) needs no comparison of texts (which may
    // be concatenations, flattened to be compared).
    if (o.message !== f.message && (o.message[ui] || o.message.en || o.message.nl) !== (f.message[ui] || f.message.en || f.message.nl)) return false;
  } else if (d !== 0) return false;
  // Indexed loops: no iterator objects (this runs for every finding at every edit).
  if (o.fixes.length !== f.fixes.length) return false;
  const length = u.length;
  for (let i = 0; i < o.fixes.length; i++) {
    const x = o.fixes[i]!;
    const y = f.fixes[i]!;
    if (x !== y) {
      if ((x.configEdit || y.configEdit) && !sameJson(x.configEdit, y.configEdit)) return false;
      if (x.title[ui] !== y.title[ui] || x.preferred !== y.preferred || (x.kind === 'safe') !== (y.kind === 'safe') || x.edits.length !== y.edits.length) return false;
    }
    for (let k = 0; k < x.edits.length; k++) {
      const a = x.edits[k]!;
      const b = y.edits[k]!;
      if (a.newText !== b.newText) return false;
      // The edit's range and the text around it that the diagnostic holds (holdsFor).
      const m = moved(u, Math.max(0, b.offset - CONTEXT), Math.max(b.offset, b.endOffset, Math.min(length, b.endOffset + CONTEXT)));
      if (a.offset + m !== b.offset || a.endOffset + m !== b.endOffset) return false;
    }
  }
  // (No `?? []`: this runs for every finding at every edit, and each empty array is garbage.)
  const or = o.related;
  const fr = f.related;
  if ((or?.length ?? 0) !== (fr?.length ?? 0)) return false;
  if (!or || !fr) return true;
  for (let i = 0; i < or.length; i++) {
    const a = or[i]!;
    const b = fr[i]!;
    const m = moved(u, b.offset, Math.max(b.offset, b.endOffset));
    if (a.offset + m !== b.offset || a.endOffset + m !== b.endOffset) return false;
    if (a.message !== b.message && (a.message[ui] || a.message.en) !== (b.message[ui] || b.message.en)) return false;
  }
  return true;
}

/**
 * How many characters at its start and at its end the text shares with the last check's text, as the document store
 * knows them (edit-track.ts): at most the longest shared ends, possibly fewer (a diagnostic there is then made anew).
 */
export interface SharedEnds {
  prefix: number;
  suffix: number;
}

/** The diagnostics of showAfterEdit. */
export function toDiagnosticsAfterEdit(last: Shown | undefined, findings: readonly Finding[], doc: Positions, ui: Language, uri: string, text: TextView, ends?: SharedEnds): Diagnostic[] {
  return showAfterEdit(last, findings, doc, ui, uri, text, ends).diagnostics as Diagnostic[];
}

/**
 * toDiagnostics after an edit, as shown: a finding whose every stretch lies in the text before the changed stretch or
 * on lines after it (when the edit added or removed no line), and is the finding of the last check there (moved with
 * the text: sameFinding) gets the last check's diagnostic object, which is equal to what toDiagnostic would make: its
 * text and positions are the same. Only the other findings are made anew, and the publish comparison meets the same
 * objects.
 */
export function showAfterEdit(last: Shown | undefined, findings: readonly Finding[], doc: Positions, ui: Language, uri: string, text: TextView, ends?: SharedEnds): Shown {
  const length = text.length;
  if (!last || last.uri !== uri || last.ui !== ui || last.findings.length !== last.diagnostics.length) {
    const reach = new Int32Array(findings.length);
    for (let i = 0; i < findings.length; i++) reach[i] = reachOf(findings[i]!, length);
    return { uri, ui, text, findings, diagnostics: toDiagnostics(findings as Finding[], doc, ui, uri, text), reach };
  }
  const old = last.text;
  // The ends the document store saw the edit leave alone, else found by comparing the texts (at 100,000 words the
  // comparison read ~1.2 MB of each text at every edit).
  const shortest = Math.min(old.length, text.length);
  const prefix = ends ? Math.min(ends.prefix, shortest) : commonPrefix(old, text);
  const suffix = ends ? Math.max(0, Math.min(ends.suffix, shortest - prefix)) : commonSuffix(old, text, shortest - prefix);
  const shift = text.length - old.length;
  // After the changed stretch: from the line after it on (a finding there keeps its line and character) and only when
  // the edit left the number of lines alone.
  const changedEnd = text.length - suffix;
  // Lines are counted by '\n'; a carriage return near the changed stretch (a line break of its own, or half of
  // a CRLF the edit made or split) leaves it to toDiagnostic.
  const from = Math.max(0, prefix - 1);
  const sameLines = !hasReturn(old, from, old.length - suffix + 1) && !hasReturn(text, from, changedEnd + 1) && countLines(old, prefix, old.length - suffix) === countLines(text, prefix, changedEnd);
  const nl = text.indexOf('\n', changedEnd);
  const after = sameLines && nl >= 0 ? nl + 1 : Infinity;
  const u: Unchanged = { prefix, after, shift, length: text.length };
  const oldFindings = last.findings;
  const oldDiagnostics = last.diagnostics;
  const n = findings.length;
  const m = oldFindings.length;
  // How far each finding's diagnostic reads, in this text: the last one's, moved with the text, for a finding whose
  // diagnostic is kept (each of its stretches was before the changed stretch, or is now `shift` on from there).
  const oldReach = last.reach !== undefined && last.reach.length === m ? last.reach : undefined;
  const reach = new Int32Array(n);
  // Speed only (diag36): made only once a diagnostic is not the last check's at the same index; while every one is, the
  // last check's list itself is handed back (most edits of a long document: no list of ~900 made, and the publish
  // comparison meets the same list).
  let out: Diagnostic[] | undefined;
  // Where the last search ended: the targets ascend with the findings (those before the changed stretch at their own
  // offsets, then those after it at theirs less the shift, which lie after the changed stretch in the old text), so each
  // search starts there and goes forward, by doubling steps (no search from the start of every list).
  let start = 0;
  for (let i = 0; i < n; i++) {
    // Speed only (diag36): the last check's finding at the same index, handed out again, whose diagnostic reads only text
    // before the changed stretch: the same diagnostic (what sameFinding would say), and the finding is not read.
    if (oldReach !== undefined && i < m && findings[i] === oldFindings[i] && oldReach[i]! < prefix) {
      reach[i] = oldReach[i]!;
      if (out !== undefined) out[i] = oldDiagnostics[i]!;
      continue;
    }
    const f = findings[i]!;
    // Where the finding's own range was in the old text (sameFinding then checks every other stretch it reads).
    const d = moved(u, f.offset, Math.max(f.offset, f.endOffset));
    let j = -1;
    if (!Number.isNaN(d)) {
      // Speed only (diag36): first the last check's finding at the same index (before the changed stretch) or as far
      // from the end (after it), where an edit that added or removed no finding left it; searched only when that is not
      // the one (no reading of the findings the search passes).
      const guess = f.offset < u.prefix ? i : i + m - n;
      if (guess >= 0 && guess < m && sameFinding(oldFindings[guess]!, f, d, u, ui)) j = guess;
      else {
        // The last check's findings are sorted by offset: the first at the old offset, then those at the same offset.
        const target = f.offset - d;
        if (start > 0 && oldFindings[start - 1]!.offset >= target) start = 0;
        let lo = start;
        let step = 1;
        while (lo + step < m && oldFindings[lo + step]!.offset < target) {
          lo += step;
          step *= 2;
        }
        let hi = Math.min(m, lo + step + 1);
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (oldFindings[mid]!.offset < target) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
        for (let k = lo; k < m && oldFindings[k]!.offset === target; k++) {
          if (sameFinding(oldFindings[k]!, f, d, u, ui)) {
            j = k;
            break;
          }
        }
      }
    }
    // (A kept diagnostic's furthest stretch is before the changed stretch, or after it and moved with the text.)
    reach[i] = j >= 0 && oldReach !== undefined ? (oldReach[j]! < prefix ? oldReach[j]! : oldReach[j]! + shift) : reachOf(f, length);
    if (out === undefined) {
      if (j === i) continue;
      out = new Array(n);
      for (let k = 0; k < i; k++) out[k] = oldDiagnostics[k]!;
    }
    out[i] = j >= 0 ? oldDiagnostics[j]! : toDiagnostic(f, doc, ui, uri, text);
  }
  // Every finding's diagnostic the last check's at the same index: the last list, when it has no more.
  const diagnostics = out ?? (n === m ? oldDiagnostics : oldDiagnostics.slice(0, n));
  return { uri, ui, text, findings, diagnostics, reach };
}

/** True when two lists hold the same diagnostics in the same order. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

/**
 * Two JSON-like values are equal as the client would receive them (an undefined property is
 * no property). Compares in place, without serialising: after an edit almost every diagnostic
 * of a long document is equal to the one published before, and all of them are compared.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** A problem in a settings or dictionary file, with 1-based line and column. */
export function problemDiagnostic(message: string, range: Range, code: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Error, source: SOURCE, code, message };
}
