/** Findings as LSP diagnostics. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, DiagnosticRelatedInformation, Position, Range, TextEdit } from 'vscode-languageserver/node';
import type { ConfigEdit, Finding, Language, Severity } from '../engine/types.js';
import { docsUrl } from '../workspace/resources.js';

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

/** The stretches of text a finding's fixes depend on: its own range and each edit with some context. */
function holdsFor(f: Finding, doc: Positions, text: string): Array<{ range: Range; text: string }> {
  const spans: Array<[number, number]> = [[f.offset, Math.max(f.offset, f.endOffset)]];
  for (const x of f.fixes) for (const e of x.edits) spans.push([Math.max(0, e.offset - CONTEXT), Math.min(text.length, e.endOffset + CONTEXT)]);
  return spans.map(([s, e]) => ({ range: rangeOf(doc, s, e), text: text.slice(s, e) }));
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

export function toDiagnostic(f: Finding, doc: Positions, ui: Language, uri: string, text?: string): Diagnostic {
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

export function toDiagnostics(findings: Finding[], doc: Positions, ui: Language, uri: string, text?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) out.push(toDiagnostic(f, doc, ui, uri, text));
  return out;
}

const keys = new WeakMap<Diagnostic, string>();

/** A diagnostic as a string: equal strings, equal diagnostics (remembered per object). */
export function diagnosticKey(d: Diagnostic): string {
  let k = keys.get(d);
  if (k === undefined) {
    k = JSON.stringify(d);
    keys.set(d, k);
  }
  return k;
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
