import type { Directive, ParsedDocument, ProseBlock } from '../types.js';
import { BlockTextBuilder } from '../offsets.js';
import { parseDirective } from './directives.js';

const DIRECTIVE_LINE = /^[ \t]*(?:#|%|\/\/|;|--)?[ \t]*(brug-(?:disable-next-line|disable-line|disable|enable|language)\b.*)$/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w/g;
const NUMBERED = /^(?:(?:hoofdstuk|chapter|bijlage|appendix|deel|part)\s+)?(\d+(?:\.\d+)*)\.?\s+\S/i;
const LIST_ITEM = /^\s*([-*•◦▪]|\d+[.)])\s+/;
const CHAPTER = /^(?:hoofdstuk|chapter|bijlage|appendix)\s+\w+/i;

/**
 * Plain text: paragraphs are separated by blank lines. A paragraph of one short line
 * without closing punctuation is a heading (reports exported from Word or PDF keep their
 * headings that way); its level comes from its numbering (2.3 → 2).
 */
export function parsePlaintext(text: string): ParsedDocument {
  const blocks: ProseBlock[] = [];
  const directives: Directive[] = [];
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  let para: Array<{ start: number; end: number }> = [];

  const flush = () => {
    if (para.length === 0) return;
    const lines = para;
    para = [];
    const b = new BlockTextBuilder();
    for (let i = 0; i < lines.length; i++) {
      const { start, end } = lines[i]!;
      if (i > 0) b.addSeparator('\n', start);
      const line = text.slice(start, end);
      let last = 0;
      URL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = URL.exec(line))) {
        b.addVerbatim(line.slice(last, m.index), start + last);
        b.addPlaceholder(start + m.index, m[0].length);
        last = m.index + m[0].length;
      }
      b.addVerbatim(line.slice(last), start + last);
    }
    if (b.text.trim().length === 0) return;
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const block: ProseBlock = { kind: 'paragraph', text: b.text, map: b.map, start: first.start, end: last.end };
    if (b.placeholders.length) block.placeholders = b.placeholders;
    const level = lines.length === 1 ? headingLevel(b.text.trim()) : undefined;
    if (level !== undefined) {
      block.kind = 'heading';
      block.level = level;
    } else if (LIST_ITEM.test(text.slice(lines[0]!.start, lines[0]!.end))) {
      block.kind = 'listItem';
    }
    blocks.push(block);
  };

  while (pos < n) {
    const eol = text.indexOf('\n', pos);
    const next = eol < 0 ? n : eol + 1;
    let end = eol < 0 ? n : eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(pos, end);
    const d = DIRECTIVE_LINE.exec(line);
    if (d) {
      flush();
      const dir = parseDirective(d[1]!, pos, end, lineNo);
      if (dir) directives.push(dir);
    } else if (line.trim().length === 0) {
      flush();
    } else if (LIST_ITEM.test(line) && para.length > 0) {
      // Each list item is a block of its own, and so is the line that introduces the list.
      flush();
      para.push({ start: pos, end });
    } else {
      para.push({ start: pos, end });
    }
    pos = next;
    lineNo++;
  }
  flush();
  return { format: 'plaintext', blocks, directives };
}

function headingLevel(line: string): number | undefined {
  if (line.length > 100 || line.length < 2) return undefined;
  if (/[.,;:!?…]$/.test(line) && !/^\d+(\.\d+)*\.?\s/.test(line)) return undefined;
  if (/[.,;:]$/.test(line)) return undefined;
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > 12) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return undefined;
  if (/[|=]{2,}|\t/.test(line)) return undefined;
  const num = NUMBERED.exec(line);
  if (CHAPTER.test(line)) return 1;
  if (num) return Math.min(6, num[1]!.split('.').filter(Boolean).length);
  // An unnumbered short line: a heading only when it reads like one (no sentence inside).
  if (/[.!?]\s/.test(line)) return undefined;
  return 2;
}
