/**
 * Applies a ConfigEdit (what a fix asks of .brug.yml) to the file's text. The YAML Document
 * API keeps the writer's comments, key order and flow/block style; only the touched entry
 * changes. Without a file (or with an empty one) it writes a new one.
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ConfigEdit } from '../engine/types.js';

export class ConfigEditError extends Error {}

export interface ConfigEditResult {
  text: string;
  /** False when the file already said this (the value was in the list, the entry was set). */
  changed: boolean;
}

const HEADER = ' Brug settings for this project: audience, language, messages, rules, vocabulary, latex, ignore.';

/** The new text of .brug.yml after `edit`; `text` undefined means the file does not exist yet. */
export function applyConfigEdit(text: string | undefined, edit: ConfigEdit): ConfigEditResult {
  if (!Array.isArray(edit.path) || edit.path.length === 0 || edit.path.some((p) => typeof p !== 'string' || p === '')) {
    throw new ConfigEditError('the edit names no setting');
  }
  const fresh = text === undefined || text.trim() === '';
  const doc = fresh ? new Document({}) : parseDocument(text, { keepSourceTokens: false });
  if (fresh) doc.commentBefore = HEADER;
  if (doc.errors.length) throw new ConfigEditError(`the file is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === undefined))) {
    // Only comments so far: keep them above a new map.
    const comment = doc.contents && isScalar(doc.contents) ? doc.contents.commentBefore : undefined;
    doc.contents = doc.createNode({}) as never;
    if (comment) doc.commentBefore = [doc.commentBefore, comment].filter(Boolean).join('\n');
  }
  if (!isMap(doc.contents)) throw new ConfigEditError('the file does not hold a map of settings');

  // Walk to the container, checking that every step is a map (or absent).
  const parentPath = edit.path;
  for (let i = 1; i <= parentPath.length; i++) {
    const node = doc.getIn(parentPath.slice(0, i), true);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) break;
    if (i < parentPath.length && !isMap(node)) throw new ConfigEditError(`${parentPath.slice(0, i).join('.')} is not a map`);
  }

  let changed: boolean;
  if (edit.key !== undefined) changed = setEntry(doc, parentPath, edit.key, edit.value);
  else changed = addToList(doc, parentPath, edit.value);
  if (!changed) return { text: text ?? '', changed: false };
  // Flow collections ([a, b] or [ a, b ]) keep the padding the writer uses.
  const padded = text ? /[[{] +[^\s\]}]/.test(text) && !/[[{][^\s\]}]/.test(text.replace(/#.*$/gm, '')) : false;
  let out = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: padded });
  // Keep the writer's line endings.
  if (text && text.includes('\r\n')) out = out.replace(/\r?\n/g, '\r\n');
  return { text: out, changed: true };
}

function emptyAt(doc: Document, path: string[]): boolean {
  const node = doc.getIn(path, true);
  return node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

function setEntry(doc: Document, path: string[], key: string, value: unknown): boolean {
  if (emptyAt(doc, path)) {
    doc.setIn(path, doc.createNode({ [key]: value }));
    return true;
  }
  const map = doc.getIn(path, true);
  if (!isMap(map)) throw new ConfigEditError(`${path.join('.')} is not a map`);
  const current = map.get(key, true);
  // A rule set as { severity, options }: change its severity and keep its options.
  if (path.length === 1 && path[0] === 'rules' && isMap(current) && typeof value === 'string') {
    if (current.get('severity') === value) return false;
    current.set('severity', value);
    return true;
  }
  if (isScalar(current) && current.value === value) return false;
  map.set(key, doc.createNode(value));
  return true;
}

function addToList(doc: Document, path: string[], value: unknown): boolean {
  if (emptyAt(doc, path)) {
    doc.setIn(path, doc.createNode([value]));
    return true;
  }
  const seq = doc.getIn(path, true);
  if (!isSeq(seq)) throw new ConfigEditError(`${path.join('.')} is not a list`);
  const present = seq.items.some((item) => (isScalar(item) ? item.value : item) === value || (isScalar(item) && typeof value === 'string' && String(item.value) === value));
  if (present) return false;
  seq.add(doc.createNode(value));
  return true;
}

/** The smallest replacement that turns `before` into `after` (offsets in `before`). */
export function textChange(before: string, after: string): { offset: number; endOffset: number; newText: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { offset: start, endOffset: endB, newText: after.slice(start, endA) };
}
