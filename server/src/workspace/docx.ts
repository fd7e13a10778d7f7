/**
 * Word documents (.docx): mammoth turns the file into HTML (headings from Word's heading styles,
 * paragraphs, lists, tables, footnotes; comments and images left out), and this module turns that
 * HTML into Markdown that the engine checks like any other report.
 *
 * Word has no lines, so a .docx finding is placed by paragraph: every block of the Markdown (a
 * heading, a paragraph, a list item, a table row, a footnote) stands on a line of its own, and
 * `paragraphAt` maps an offset of the Markdown back to the number of that block (1-based, in
 * reading order) and a snippet of its text. Fixes are never written back into a .docx.
 */
import mammoth from 'mammoth';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type DocxBlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'footnote';

export interface DocxParagraph {
  /** 1-based number of the block in reading order: what a writer is told. */
  number: number;
  kind: DocxBlockKind;
  /** Offset of the block's line in the Markdown text, and of its end. */
  offset: number;
  endOffset: number;
}

export interface DocxDocument {
  /** The document as Markdown, one block per line, blank lines between blocks. */
  text: string;
  paragraphs: DocxParagraph[];
  /** What mammoth could not read (unknown styles, unsupported content), in plain words. */
  warnings: string[];
}

// Word's built-in title and subtitle styles are headings too; mammoth knows Heading 1–6 already.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Reads a .docx file's bytes. Throws with a plain message when the file is not a Word document. */
export async function readDocx(bytes: Uint8Array): Promise<DocxDocument> {
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not text: drop them instead of inlining their bytes.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch (err) {
    throw new Error(`not a readable Word document (.docx): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const warnings = [...new Set(messages.filter((m) => m.type !== 'info').map((m) => m.message))];
  return { ...toMarkdown(fromHtml(html, { fragment: true })), warnings };
}

/** The paragraph that holds an offset of the Markdown text (the last one before it). */
export function paragraphAt(doc: DocxDocument, offset: number): DocxParagraph | undefined {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  let found: DocxParagraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.paragraphs[mid]!.offset <= offset) {
      found = doc.paragraphs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A short snippet of the text from `offset`: the words a writer searches for in Word. */
export function snippetAt(doc: DocxDocument, offset: number, endOffset: number, maxLength = 60): string {
  const p = paragraphAt(doc, offset);
  const lineEnd = p ? p.endOffset : doc.text.indexOf('\n', offset) === -1 ? doc.text.length : doc.text.indexOf('\n', offset);
  let s = doc.text.slice(offset, Math.max(Math.min(lineEnd, offset + maxLength), Math.min(endOffset, lineEnd)));
  // The Markdown escapes are ours, not the writer's.
  s = s.replace(/\\([\\`*_[\]<>$~|&#+\-.!(){}=])/g, '$1').replace(/\s+/g, ' ').trim();
  return s.length > maxLength ? `${s.slice(0, maxLength - 1).trimEnd()}…` : s;
}

// ---------------------------------------------------------------------------------------------

const HEADING = /^h([1-6])$/;

function isElement(n: RootContent | ElementContent): n is Element {
  return n.type === 'element';
}

/** Backslash-escapes what Markdown would read as markup, so Word's text stays text. */
function escapeInline(s: string): string {
  return s.replace(/[\\`*_[\]<>$~|&]/g, '\\$&');
}

function escapeLineStart(s: string): string {
  return s.replace(/^(\s*)([#>+=-]|\d+[.)])/, (m, space: string, mark: string) => `${space}${mark.replace(/([#>+=\-.)])/, '\\$1')}`);
}

/** The visible text of an element without footnote reference marks and back links. */
function textOf(node: Element): string {
  const clean = structuredClone(node);
  const strip = (n: Element) => {
    n.children = n.children.filter((c) => {
      if (!isElement(c)) return true;
      if (c.tagName === 'sup') return false; // [1] footnote reference marks
      if (c.tagName === 'a' && typeof c.properties?.href === 'string' && /^#footnote-ref-/.test(c.properties.href)) return false; // ↑ back links
      strip(c);
      return true;
    });
  };
  strip(clean);
  return toText(clean, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}

function toMarkdown(tree: Root): Omit<DocxDocument, 'warnings'> {
  const lines: Array<{ kind: DocxBlockKind; line: string }> = [];
  const add = (kind: DocxBlockKind, line: string) => {
    if (line.replace(/[|\-\s\\]/g, '')) lines.push({ kind, line });
  };
  const footnotes: Element[] = [];

  const walk = (nodes: Array<RootContent | ElementContent>) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      const heading = HEADING.exec(n.tagName);
      if (heading) add('heading', `${'#'.repeat(Number(heading[1]))} ${escapeInline(textOf(n))}`);
      else if (n.tagName === 'p') add('paragraph', escapeLineStart(escapeInline(textOf(n))));
      else if (n.tagName === 'ol' || n.tagName === 'ul') {
        for (const li of n.children.filter(isElement)) {
          if (li.tagName !== 'li') continue;
          if (typeof li.properties?.id === 'string' && /^(foot|end)note-/.test(li.properties.id)) footnotes.push(li);
          else add('list-item', `- ${escapeInline(textOf(li))}`);
        }
      } else if (n.tagName === 'table') {
        const rows: string[][] = [];
        const collect = (el: Element) => {
          for (const c of el.children.filter(isElement)) {
            if (c.tagName === 'tr') rows.push(c.children.filter(isElement).filter((td) => td.tagName === 'td' || td.tagName === 'th').map((td) => escapeInline(textOf(td))));
            else collect(c);
          }
        };
        collect(n);
        const width = Math.max(0, ...rows.map((r) => r.length));
        rows.forEach((r, i) => {
          const cells = [...r, ...Array<string>(width - r.length).fill('')];
          add('table-row', `| ${cells.join(' | ')} |`);
          if (i === 0) lines.push({ kind: 'table-row', line: `|${' --- |'.repeat(width)}` });
        });
      } else walk(n.children);
    }
  };
  walk(tree.children);
  for (const li of footnotes) add('footnote', escapeLineStart(escapeInline(textOf(li))));

  // Table rows stay together (one table); every other block gets a blank line after it.
  let text = '';
  const paragraphs: DocxParagraph[] = [];
  let number = 0;
  lines.forEach(({ kind, line }, i) => {
    const separatorRow = kind === 'table-row' && /^\|( --- \|)+$/.test(line);
    if (!separatorRow) paragraphs.push({ number: ++number, kind, offset: text.length, endOffset: text.length + line.length });
    text += line;
    const next = lines[i + 1];
    text += kind === 'table-row' && next?.kind === 'table-row' ? '\n' : '\n\n';
  });
  return { text, paragraphs };
}
