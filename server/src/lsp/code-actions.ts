/**
 * Code actions: the engine's fixes as quick fixes, "disable" at line, file and project
 * scope, and a fix-all source action.
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Format, Language } from '../engine/types.js';
import type { CheckOutcome } from './checker.js';
import { SOURCE, rangeOf } from './diagnostics.js';
import type { DiagnosticData, Positions } from './diagnostics.js';
import { disableInFile, disableOnLine } from './directives.js';
import type { OffsetEdit } from './directives.js';
import { messages, say } from './messages.js';
import { Commands, FIX_ALL_KIND } from './protocol.js';
import type { ApplyConfigEditArgs } from './protocol.js';

export interface ActionDocument extends Positions {
  uri: string;
  version: number;
  getText(): string;
}

export interface ActionContext {
  doc: ActionDocument;
  format: Format;
  ui: Language;
  /** The check of the document's current version, when there is one. */
  outcome?: CheckOutcome;
  /** Diagnostics last published for the document (for clients that send none in the context). */
  published: Diagnostic[];
  documentChanges: boolean;
}

function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function textEdit(doc: Positions, e: OffsetEdit): TextEdit {
  return { range: rangeOf(doc, e.offset, e.endOffset), newText: e.newText };
}

export function workspaceEdit(uri: string, version: number | null, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

function overlapsRange(d: Diagnostic, range: CodeActionParams['range']): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(d.range.end, range.start) && !before(range.end, d.range.start);
}

function isBrugFinding(d: Diagnostic): boolean {
  return d.source === SOURCE && typeof d.code === 'string' && d.code.includes('/') && !d.code.startsWith('brug/');
}

/** Preferred fixes that are the finding's only choice, without overlaps: what fix-all applies. */
export function fixAllEdits(findings: Finding[]): OffsetEdit[] {
  const taken: Array<[number, number]> = [];
  const out: OffsetEdit[] = [];
  const clash = (e: OffsetEdit) =>
    taken.some(([s, t]) => (e.offset < t && s < e.endOffset) || (e.offset === s && e.endOffset === t) || (e.offset === e.endOffset && e.offset > s && e.offset < t) || (s === t && s > e.offset && s < e.endOffset));
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    const textFixes = f.fixes.filter((x) => x.edits.length > 0);
    // The only choice, or the preferred fix when it is safe (a term used several times: "replace all").
    const fix = textFixes.length === 1 ? textFixes[0]! : textFixes.find((x) => x.preferred && x.kind === 'safe');
    if (!fix || !fix.preferred || fix.configEdit) continue;
    if (fix.edits.some(clash)) continue;
    for (const e of fix.edits) {
      out.push(e);
      taken.push([e.offset, e.endOffset]);
    }
  }
  return out;
}

export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const { doc, ui } = ctx;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  let diagnostics = params.context.diagnostics.filter(isBrugFinding);
  if (diagnostics.length === 0 && params.context.diagnostics.length === 0) diagnostics = ctx.published.filter((d) => isBrugFinding(d) && overlapsRange(d, params.range));

  if (wanted(CodeActionKind.QuickFix, only)) {
    const text = doc.getText();
    const seenLine = new Set<string>();
    const seenRule = new Set<string>();
    for (const d of diagnostics) {
      const rule = String(d.code);
      const data = (d.data ?? {}) as DiagnosticData;
      const current = data.version === undefined || data.version === null || data.version === doc.version;
      for (const fix of data.fixes ?? []) {
        const hasEdits = fix.edits.length > 0;
        // Without versioned edits a client would apply stale ranges: leave those out.
        if (hasEdits && !current && !ctx.documentChanges) continue;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d] };
        if (fix.preferred) action.isPreferred = true;
        if (hasEdits) action.edit = workspaceEdit(doc.uri, ctx.documentChanges ? data.version ?? doc.version : null, fix.edits, ctx.documentChanges);
        if (fix.configEdit) {
          const args: ApplyConfigEditArgs = { uri: doc.uri, edit: fix.configEdit };
          action.command = { title: fix.title, command: Commands.applyConfigEdit, arguments: [args] };
        }
        if (!hasEdits && !fix.configEdit) continue;
        actions.push(action);
      }
      const lineKey = `${rule}@${d.range.start.line}`;
      if (!seenLine.has(lineKey)) {
        seenLine.add(lineKey);
        const edit = disableOnLine(text, ctx.format, d.range.start.line, rule);
        if (edit.newText) actions.push({
          title: say(messages.disableOnLine(rule), ui),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(doc.uri, doc.version, [textEdit(doc, edit)], ctx.documentChanges),
        });
      }
      if (!seenRule.has(rule)) {
        seenRule.add(rule);
        const edit = disableInFile(text, ctx.format, rule);
        if (edit.newText) {
          actions.push({
            title: say(messages.disableInFile(rule), ui),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: workspaceEdit(doc.uri, doc.version, [textEdit(doc, edit)], ctx.documentChanges),
          });
        }
        const args: ApplyConfigEditArgs = { uri: doc.uri, edit: { path: ['rules'], key: rule, value: 'off' } };
        const title = say(messages.disableInProject(rule), ui);
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: Commands.applyConfigEdit, arguments: [args] } });
      }
    }
  }

  const fixAllRequested = only?.some((o) => wanted(FIX_ALL_KIND, [o]));
  if (ctx.outcome && (fixAllRequested || (!only && diagnostics.length > 0))) {
    const edits = fixAllEdits(ctx.outcome.result.findings);
    const count = countFixes(ctx.outcome.result.findings, edits);
    if (edits.length > 0 && (fixAllRequested || count > 1)) {
      actions.push({
        title: say(messages.fixAll(count), ui),
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc.uri, doc.version, edits.map((e) => textEdit(doc, e)), ctx.documentChanges),
      });
    }
  }
  return actions;
}

function countFixes(findings: Finding[], edits: OffsetEdit[]): number {
  const chosen = new Set(edits);
  return findings.filter((f) => f.fixes.some((x) => x.edits.some((e) => chosen.has(e)))).length;
}
