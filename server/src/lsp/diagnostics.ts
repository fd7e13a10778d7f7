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
  edits: TextEdit[];
  configEdit?: ConfigEdit;
}

/**
 * What code actions need from a diagnostic, kept in its `data`. No document version: a
 * diagnostic stays identical while an edit elsewhere leaves it alone. Instead `text` is what
 * the document held from the start of the diagnostic or its first edit to the end of the
 * last: a code action applies the fixes only while the document still holds exactly that.
 */
export interface DiagnosticData {
  fixes?: FixData[];
  text?: string;
  /** Before 0.2: the version the ranges belonged to (still honoured when a client sends it). */
  version?: number | null;
}

export interface TextSource extends Positions {
  getText(range?: Range): string;
  offsetAt?(position: Position): number;
}

/** The span a diagnostic's fixes depend on: its range and every fix edit's range. */
export function fixSpan(d: Diagnostic): Range {
  let { start, end } = d.range;
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  for (const f of (d.data as DiagnosticData | undefined)?.fixes ?? []) {
    for (const e of f.edits) {
      if (before(e.range.start, start)) start = e.range.start;
      if (before(end, e.range.end)) end = e.range.end;
    }
  }
  return { start, end };
}

/** True when the document still holds the text a diagnostic's fixes were made for. */
export function fixesHold(d: Diagnostic, doc: TextSource): boolean {
  const data = d.data as DiagnosticData | undefined;
  if (!data?.fixes?.length || typeof data.text !== 'string') return false;
  return doc.getText(fixSpan(d)) === data.text;
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
    if (text !== undefined) {
      let start = f.offset;
      let end = Math.max(f.offset, f.endOffset);
      for (const x of f.fixes) for (const e of x.edits) {
        start = Math.min(start, e.offset);
        end = Math.max(end, e.endOffset);
      }
      data.text = text.slice(start, end);
    }
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
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && diagnosticKey(a[i]!) !== diagnosticKey(b[i]!)) return false;
  return true;
}

/** A problem in a settings or dictionary file, with 1-based line and column. */
export function problemDiagnostic(message: string, range: Range, code: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Error, source: SOURCE, code, message };
}
