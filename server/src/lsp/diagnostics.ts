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

/** What code actions need from a diagnostic, kept in its `data`. */
export interface DiagnosticData {
  /** Version of the document the ranges belong to. */
  version: number | null;
  fixes?: FixData[];
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

export function toDiagnostic(f: Finding, doc: Positions, ui: Language, uri: string, version: number | null): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, f.offset, f.endOffset),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    message: f.message[ui] || f.message.en || f.message.nl,
  };
  const href = ruleDocs(f.ruleId);
  if (href) d.codeDescription = { href };
  // Only fixes need data (and the version their ranges belong to); the disable actions work from the current text.
  if (f.fixes.length) d.data = { version, fixes: toFixData(f, doc, ui) } satisfies DiagnosticData;
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: rangeOf(doc, r.offset, r.endOffset) }, message: r.message[ui] || r.message.en }),
    );
  }
  return d;
}

export function toDiagnostics(findings: Finding[], doc: Positions, ui: Language, uri: string, version: number | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) out.push(toDiagnostic(f, doc, ui, uri, version));
  return out;
}

/** A problem in a settings or dictionary file, with 1-based line and column. */
export function problemDiagnostic(message: string, range: Range, code: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Error, source: SOURCE, code, message };
}
