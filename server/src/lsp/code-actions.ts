/**
 * Code actions: the engine's fixes as quick fixes, "disable" at line, file and project
 * scope, and a fix-all source action.
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Format, Language } from '../engine/types.js';
import type { CheckOutcome } from './checker.js';
import { SOURCE, fixesHold, rangeOf } from './diagnostics.js';
import type { DiagnosticData, FixData, Positions } from './diagnostics.js';
import { overlapsAny, safeFixOf } from '../engine/fixes.js';
import { disableInFile, disableOnLine, documentLines } from './directives.js';
import type { OffsetEdit } from './directives.js';
import { messages, say } from './messages.js';
import { Commands, FIX_ALL_KIND } from './protocol.js';
import type { ApplyConfigEditArgs } from './protocol.js';

export interface ActionDocument extends Positions {
  uri: string;
  version: number;
  readonly lineCount: number;
  offsetAt(position: Range['start']): number;
  getText(range?: Range): string;
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

/**
 * What fix-all applies: the safe preferred fix of each finding (see safeFixOf), the same fixes
 * `brug check --fix` applies, without overlaps. Suggestions stay quick fixes the writer picks.
 */
export function fixAllEdits(findings: Finding[]): OffsetEdit[] {
  const taken: Array<[number, number]> = [];
  const out: OffsetEdit[] = [];
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    const fix = safeFixOf(f);
    if (!fix) continue;
    if (fix.edits.some((e) => overlapsAny(taken, e))) continue;
    for (const e of fix.edits) {
      out.push(e);
      taken.push([e.offset, e.endOffset]);
    }
  }
  return out;
}

const REPLACE = { en: 'Replace', nl: 'Vervang' };

/** A short, one-line form of a piece of text for a title. */
function shortText(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/**
 * The title of a replacement: before → after when the fix replaces one stretch of text on one
 * line ("Replace "make a decision" → "decide""), else the fix's own title.
 */
export function replacementTitle(fix: FixData, doc: Pick<ActionDocument, 'getText'>, ui: Language): string {
  if (fix.edits.length !== 1 || fix.configEdit) return fix.title;
  const e = fix.edits[0]!;
  if (e.range.start.line !== e.range.end.line || /[\r\n]/.test(e.newText)) return fix.title;
  const before = doc.getText(e.range);
  if (!before.trim() || !e.newText.trim()) return fix.title;
  return `${REPLACE[ui]} "${shortText(before)}" → "${shortText(e.newText)}"`;
}

export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const { doc, ui } = ctx;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  let diagnostics = params.context.diagnostics.filter(isBrugFinding);
  if (diagnostics.length === 0 && params.context.diagnostics.length === 0) diagnostics = ctx.published.filter((d) => isBrugFinding(d) && overlapsRange(d, params.range));

  if (wanted(CodeActionKind.QuickFix, only)) {
    // The lines a directive goes on, read from the document as asked (speed only, session 29: the whole text was
    // joined and indexed at every request, which an editor makes as the cursor moves).
    const lines = documentLines(doc);
    const seenLine = new Set<string>();
    const seenRule = new Set<string>();
    // Real replacements first (each diagnostic's preferred one on top), then accept and disable actions.
    const replacements: Array<{ action: CodeAction; preferred: boolean; order: number }> = [];
    const others: CodeAction[] = [];
    for (const d of diagnostics) {
      const rule = String(d.code);
      const data = (d.data ?? {}) as DiagnosticData;
      // Fix ranges hold while the document has the text they were made for (or, from older servers, the same version).
      const current = fixesHold(d, doc) || data.version === doc.version;
      for (const fix of data.fixes ?? []) {
        const hasEdits = fix.edits.length > 0;
        // Without versioned edits a client would apply stale ranges: leave those out.
        if (hasEdits && !current && !ctx.documentChanges) continue;
        if (!hasEdits && !fix.configEdit) continue;
        const title = hasEdits && current ? replacementTitle(fix, doc, ui) : fix.title;
        const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [d] };
        if (fix.preferred) action.isPreferred = true;
        if (hasEdits) action.edit = workspaceEdit(doc.uri, ctx.documentChanges ? (current ? doc.version : data.version ?? null) : null, fix.edits, ctx.documentChanges);
        if (fix.configEdit) {
          const args: ApplyConfigEditArgs = { uri: doc.uri, edit: fix.configEdit };
          action.command = { title: fix.title, command: Commands.applyConfigEdit, arguments: [args] };
        }
        if (hasEdits && !fix.configEdit) replacements.push({ action, preferred: fix.preferred, order: replacements.length });
        else others.push(action);
      }
      const lineKey = `${rule}@${d.range.start.line}`;
      if (!seenLine.has(lineKey)) {
        seenLine.add(lineKey);
        const edit = disableOnLine(lines, ctx.format, d.range.start.line, rule);
        if (edit.newText) others.push({
          title: say(messages.disableOnLine(rule), ui),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(doc.uri, doc.version, [textEdit(doc, edit)], ctx.documentChanges),
        });
      }
      if (!seenRule.has(rule)) {
        seenRule.add(rule);
        const edit = disableInFile(lines, ctx.format, rule);
        if (edit.newText) {
          others.push({
            title: say(messages.disableInFile(rule), ui),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: workspaceEdit(doc.uri, doc.version, [textEdit(doc, edit)], ctx.documentChanges),
          });
        }
        const args: ApplyConfigEditArgs = { uri: doc.uri, edit: { path: ['rules'], key: rule, value: 'off' } };
        const title = say(messages.disableInProject(rule), ui);
        others.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: Commands.applyConfigEdit, arguments: [args] } });
      }
    }
    replacements.sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.order - b.order);
    actions.push(...replacements.map((r) => r.action), ...others);
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
