import type { Directive, ParsedDocument, ProseBlock } from '../types.js';
import { BlockTextBuilder } from '../offsets.js';
import { parseDirective } from './directives.js';
import { LastReading, keptEnds, parsedWithRaw } from './last-reading.js';

const DIRECTIVE_LINE = /^[ \t]*(?:#|%|\/\/|;|--)?[ \t]*(brug-(?:disable-next-line|disable-line|disable|enable|language)\b.*)$/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w/g;
// Section numbers have at most three digits per part: "2022 Reporting year" starts with a year, not a number.
const NUMBERED = /^(?:(?:hoofdstuk|chapter|bijlage|appendix|deel|part)\s+)?(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S/i;
const URL_START = /^(?:https?:\/\/|www\.)/i;
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
  // The paragraph began on the line right after another one (a list item split off its list).
  let attachedBefore = false;

  /** `attachedAfter`: the next line follows without a blank line (the paragraph was split at a list item). */
  const flush = (attachedAfter = false) => {
    if (para.length === 0) return;
    const lines = para;
    const attached = attachedBefore || attachedAfter;
    para = [];
    attachedBefore = false;
    const b = paragraphText(text, lines);
    if (b.text.trim().length === 0) return;
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const listLine = LIST_ITEM.test(text.slice(first.start, first.end));
    // A title block at the top of the file: two or three short lines that each read as a heading
    // ("Education, health and care plans" / "2022 Reporting year"). Each line is a top-level heading.
    if (blocks.length === 0 && lines.length >= 2 && lines.length <= 3 && !listLine) {
      const title = titleBlock(text, lines);
      if (title) {
        blocks.push(...title);
        return;
      }
    }
    const block: ProseBlock = { kind: 'paragraph', text: b.text, map: b.blockMap, start: first.start, end: last.end };
    if (b.placeholders.length) block.placeholders = b.blockPlaceholders;
    // A numbered line inside a run of list lines is a list item, even when it reads like a heading.
    // A field of a record ("Time period: 2009 to 2021") is not a heading, short as it is.
    const field = attached && fieldLine(text.slice(first.start, first.end));
    const level = lines.length === 1 && !(listLine && attached) && !field ? headingLevel(b.text.trim()) : undefined;
    if (level !== undefined) {
      block.kind = 'heading';
      block.level = level;
    } else if (listLine) {
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
    } else if (para.length > 0 && fieldLine(line) && fieldLine(text.slice(para[0]!.start, para[0]!.end))) {
      // A record of fields, one per line ("Filename: sen2_age_new_plans.csv" / "Time period: 2009 to 2021" / "Content
      // summary: Number of …"): each field is a block of its own, not one long sentence across the lines.
      flush(true);
      para.push({ start: pos, end });
      attachedBefore = true;
    } else if (LIST_ITEM.test(line) && para.length > 0) {
      // Each list item is a block of its own, and so is the line that introduces the list.
      flush(true);
      para.push({ start: pos, end });
      attachedBefore = true;
    } else {
      para.push({ start: pos, end });
    }
    pos = next;
    lineNo++;
  }
  flush();
  skipRunningHeads(blocks);
  unmarkBrokenSentences(blocks);
  // Speed only (tx41): the blocks that read as the last reading's are handed out as its objects, with how far each moved
  // (see last-reading.ts).
  const last = LAST.get();
  const shifts = last ? keptEnds(blocks, undefined, 0, blocks.length, last, 0, last.blocks.length, n - last.length) : undefined;
  LAST.set({ blocks, shifts, length: n });
  return parsedWithRaw('plaintext', blocks, shifts, directives, { movesBlocks: true });
}

/** The last reading (one, of whichever plain text was read last): its blocks as kept, how far each moved, and the length of its text. */
const LAST = new LastReading<{ blocks: ProseBlock[]; shifts: Int32Array | undefined; length: number }>();

/** "Label: value" on one line: a label of one to three words starting with a capital, a colon, then the value. */
const FIELD_LINE = /^\s*(\p{Lu}[\p{L}\p{N}_'’()/-]*(?: [\p{L}\p{N}_'’()/-]+){0,2}):[ \t]+\S/u;
/** A label does not start like a sentence ("The council asked: …", "We found: …", "De gemeente zegt: …"). */
const SENTENCE_START = /^(?:the|a|an|this|these|that|those|we|i|it|they|he|she|you|our|de|het|een|deze|dit|die|dat|wij|we|ik|zij|ze|hij|u|ons|onze)$/i;

function fieldLine(line: string): boolean {
  const m = FIELD_LINE.exec(line);
  return !!m && !SENTENCE_START.test(m[1]!.split(' ')[0]!);
}

/** A paragraph's lines as block text: line breaks kept, URLs and e-mail addresses as placeholders. */
function paragraphText(text: string, lines: Array<{ start: number; end: number }>): BlockTextBuilder {
  const b = new BlockTextBuilder();
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i]!;
    if (i > 0) b.addSeparator('\n', start);
    const line = text.slice(start, end);
    let last = 0;
    URL.lastIndex = 0;
    let m: RegExpExecArray | null;
    // Without "@", "://" or "www." nothing can match: skip the regex, whose e-mail part
    // retries every position of a long word (a 63,000-character word took 12 s).
    const candidate = line.includes('@') || line.includes('://') || line.includes('www.');
    while (candidate && (m = URL.exec(line))) {
      b.addVerbatim(line.slice(last, m.index), start + last);
      b.addPlaceholder(start + m.index, m[0].length, '0');
      last = m.index + m[0].length;
    }
    b.addVerbatim(line.slice(last), start + last);
  }
  return b;
}

/**
 * A title block at the top of the file: two or three short lines that each read as a heading
 * ("Education, health and care plans" / "2022 Reporting year"), each a top-level heading; undefined otherwise.
 */
function titleBlock(text: string, lines: Array<{ start: number; end: number }>): ProseBlock[] | undefined {
  const titleLines = lines.map((l) => text.slice(l.start, l.end));
  if (!titleLines.every((l) => !LIST_ITEM.test(l) && !URL_START.test(l.trim()) && headingLevel(l.trim()) !== undefined)) return undefined;
  return lines.map((l, i) => {
    const lead = titleLines[i]!.length - titleLines[i]!.trimStart().length;
    const trimmed = titleLines[i]!.trim();
    const hb = new BlockTextBuilder();
    hb.addVerbatim(trimmed, l.start + lead);
    return { kind: 'heading', level: 1, text: hb.text, map: hb.blockMap, start: l.start, end: l.end };
  });
}

/** Running heads and feet of a PDF export: the same short line three times or more. Not prose. */
function skipRunningHeads(blocks: ProseBlock[]): void {
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.text.length <= 120 && !b.text.includes('\n')) seen.set(b.text.trim(), (seen.get(b.text.trim()) ?? 0) + 1);
  for (const b of blocks) {
    if ((seen.get(b.text.trim()) ?? 0) >= 3 && b.text.length <= 120 && !b.text.includes('\n')) {
      b.kind = 'paragraph';
      delete b.level;
      b.skip = true;
    }
  }
}

/**
 * A short line followed by a paragraph that starts in lower case is a sentence that a PDF
 * export broke over a blank line, not a heading.
 */
function unmarkBrokenSentences(blocks: ProseBlock[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'heading' || NUMBERED.test(b.text.trim()) || CHAPTER.test(b.text.trim())) continue;
    const next = blocks[i + 1]!;
    if (next.kind !== 'heading' && /^\p{Ll}/u.test(next.text.trimStart())) {
      b.kind = 'paragraph';
      delete b.level;
    }
  }
}

function headingLevel(line: string): number | undefined {
  const num = NUMBERED.exec(line);
  // A numbered heading may be longer ("05 - Requests, assessments, … mediation and tribunals").
  if (line.length > (num ? 160 : 100) || line.length < 2) return undefined;
  if (/[.,;:!?…]$/.test(line) && !/^\d+(\.\d+)*\.?\s/.test(line)) return undefined;
  if (/[.,;:]$/.test(line)) return undefined;
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > (num ? 20 : 12)) return undefined;
  // More than twelve words only without a sentence inside.
  if (words.length > 12 && /[.!?]\s/.test(line.slice(num![0].length - 1))) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return undefined;
  // Figures and table residue from a PDF ("29% 60% 9%", "(n=161)") are not headings.
  const compact = line.replace(/\s+/g, '');
  if (/%|\(n\s*=/.test(line) || (compact.match(/\p{L}/gu) ?? []).length < compact.length / 2) return undefined;
  // Table rows and rules: "a | b | c", "====", tab-separated columns.
  if (/[|=]{2,}|\t/.test(line) || (line.match(/\|/g) ?? []).length >= 2) return undefined;
  if (CHAPTER.test(line)) return 1;
  if (num) return Math.min(6, num[1]!.split('.').filter(Boolean).length);
  // An unnumbered short line: a heading only when it reads like one (no sentence inside).
  if (/[.!?]\s/.test(line)) return undefined;
  return 2;
}
