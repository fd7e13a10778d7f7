/**
 * Where an open document's text is still the text last handed to a check (speed only): the document store applies
 * each change by its range, so the first and last characters no change touched since are known without comparing the
 * two texts (the engine then compares only from there: LintOptions.edit).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../engine/offsets.js';
import { textLength } from './piece-document.js';
import type { TextView } from '../engine/text/view.js';

interface Track {
  /** The text last handed to a check. */
  base: TextView;
  /** The current text is `base` in its first `prefix` and its last `suffix` characters. */
  prefix: number;
  suffix: number;
}

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } | { text: string };

const TRACKS = new WeakMap<TextDocument, Track>();

/**
 * Applies `changes` to `doc` as TextDocument.update does (one at a time, each by its range in the text the ones before
 * it left), narrowing the stretch the text shares with its base.
 */
export function updateTracked(update: (doc: TextDocument, changes: Change[], version: number) => TextDocument, doc: TextDocument, changes: Change[], version: number): TextDocument {
  // Only a document a check has taken a text of is tracked (its base is then the text that check holds anyway).
  const track = TRACKS.get(doc);
  if (!track) return update(doc, changes, version);
  for (const change of changes) {
    const length = textLength(doc);
    if ('range' in change && change.range) {
      let { start, end } = change.range;
      if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
      const s = doc.offsetAt(start);
      const e = doc.offsetAt(end);
      // The characters before the range and after it are the text's as it was (those after it now at the end).
      track.prefix = Math.min(track.prefix, s);
      track.suffix = Math.min(track.suffix, length - e);
    } else {
      track.prefix = 0;
      track.suffix = 0;
    }
    update(doc, [change], version);
  }
  return doc;
}

/** How `text` (the document's text now) stands to the text last taken, and `text` taken as the next base. */
export function takeEdit(doc: TextDocument, text: TextView): TextEdit | undefined {
  const track = TRACKS.get(doc);
  TRACKS.set(doc, { base: text, prefix: text.length, suffix: text.length });
  if (!track) return undefined;
  return { base: track.base, prefix: Math.min(track.prefix, track.base.length, text.length), suffix: Math.min(track.suffix, track.base.length, text.length) };
}
