/**
 * The fuzz suite's checks: every finding and every fix edit of a document measured against
 * the document's own text.
 */
import type { Finding, Format, Fix } from '../../server/src/engine/types.js';
import { applyEdits, fixKind, splitsPair } from '../../server/src/engine/fixes.js';

export interface Violation {
  kind: 'crash' | 'range' | 'crlf' | 'surrogate' | 'bom' | 'cover' | 'edit' | 'round-trip';
  detail: string;
}

const QUOTED = /^"([^"\n]{2,60})"/;

function normal(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\\*_`]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function checkRange(text: string, offset: number, endOffset: number, what: string, out: Violation[]): boolean {
  if (!Number.isInteger(offset) || !Number.isInteger(endOffset) || offset < 0 || endOffset < offset || endOffset > text.length) {
    out.push({ kind: 'range', detail: `${what}: [${offset}, ${endOffset}) outside the text (length ${text.length})` });
    return false;
  }
  for (const p of [offset, endOffset]) {
    if (p > 0 && p < text.length && text.charCodeAt(p - 1) === 13 && text.charCodeAt(p) === 10) out.push({ kind: 'crlf', detail: `${what}: [${offset}, ${endOffset}) splits a CRLF at ${p}` });
    else if (splitsPair(text, p)) out.push({ kind: 'surrogate', detail: `${what}: [${offset}, ${endOffset}) splits a surrogate pair at ${p}` });
  }
  if (text.charCodeAt(0) === 0xfeff && offset === 0 && endOffset > 0) out.push({ kind: 'bom', detail: `${what}: [0, ${endOffset}) covers the byte-order mark` });
  return true;
}

/** A finding whose message starts with a quoted piece of text ("klanten": …) covers that text. */
function checkCover(text: string, f: Finding, format: Format, out: Violation[]): void {
  if (format === 'latex') return;
  const m = QUOTED.exec(f.message.en);
  if (!m || !/\p{L}/u.test(m[1]!)) return;
  const slice = text.slice(f.offset, f.endOffset);
  // Escapes and entities stand for other characters: a textual comparison does not apply.
  if (/[&\\<\u0000\ufffd]/.test(slice) || /[&\\<\ufffd]/.test(m[1]!)) return;
  // In Markdown a link's brackets are markup, even inside a word ("[R[APPORT](url)" reads "[RAPPORT").
  const a = normal(format === 'markdown' ? slice.replace(/[[\]]/g, '') : slice);
  const b = normal(m[1]!);
  if (!a.includes(b)) out.push({ kind: 'cover', detail: `${f.ruleId} at [${f.offset}, ${f.endOffset}) covers ${JSON.stringify(slice.slice(0, 80))} but names ${JSON.stringify(m[1])}` });
}

function checkFix(text: string, f: Finding, fix: Fix, out: Violation[]): void {
  const what = `${f.ruleId} fix "${fix.title.en}"`;
  const sorted = [...fix.edits].sort((a, b) => a.offset - b.offset);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (!checkRange(text, e.offset, e.endOffset, `${what} edit`, out)) return;
    if (typeof e.newText !== 'string') out.push({ kind: 'edit', detail: `${what}: newText is not a string` });
    if (i > 0 && e.offset < sorted[i - 1]!.endOffset) out.push({ kind: 'edit', detail: `${what}: edits overlap` });
  }
  const after = applyEdits(text, fix.edits);
  // Round trip: the text outside the edits is kept, and each edit's new text stands where it was put.
  let shift = 0;
  let at = 0;
  for (const e of sorted) {
    if (after.slice(at + shift, e.offset + shift) !== text.slice(at, e.offset)) {
      out.push({ kind: 'round-trip', detail: `${what}: text before the edit at ${e.offset} changed` });
      return;
    }
    if (after.slice(e.offset + shift, e.offset + shift + e.newText.length) !== e.newText) {
      out.push({ kind: 'round-trip', detail: `${what}: the new text is not where the edit put it` });
      return;
    }
    shift += e.newText.length - (e.endOffset - e.offset);
    at = e.endOffset;
  }
  if (after.slice(at + shift) !== text.slice(at)) out.push({ kind: 'round-trip', detail: `${what}: text after the last edit changed` });
  if (text.charCodeAt(0) === 0xfeff && after.charCodeAt(0) !== 0xfeff) out.push({ kind: 'bom', detail: `${what}: removes the byte-order mark` });
  if (fixKind(fix) === 'safe') {
    const crlf = (s: string) => s.split('\r\n').length;
    const lines = (s: string) => s.split(/\r\n|\r|\n/).length;
    if (crlf(after) !== crlf(text) || lines(after) !== lines(text)) out.push({ kind: 'edit', detail: `${what}: a safe fix changes the line ends` });
    if (after.split('\u0000').length !== text.split('\u0000').length) out.push({ kind: 'edit', detail: `${what}: a safe fix adds or removes a NUL` });
  }
}

/** Every violation of one lint result against its text. */
export function checkFindings(text: string, format: Format, findings: Finding[]): Violation[] {
  const out: Violation[] = [];
  for (const f of findings) {
    if (!checkRange(text, f.offset, f.endOffset, f.ruleId, out)) continue;
    checkCover(text, f, format, out);
    for (const r of f.related ?? []) checkRange(text, r.offset, r.endOffset, `${f.ruleId} related`, out);
    for (const fix of f.fixes) checkFix(text, f, fix, out);
  }
  return out;
}
