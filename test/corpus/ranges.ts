/**
 * Ranges of a Markdown file that are not prose, computed independently of the engine's
 * adapter: one remark parse over the whole file (the adapter parses chunks), plus a URL regex.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';

interface Node {
  type: string;
  url?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface Range {
  kind: string;
  start: number;
  end: number;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);
const NOT_PROSE = new Set(['code', 'inlineCode', 'yaml', 'toml', 'html', 'math', 'inlineMath']);
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+/g;

export function excludedRanges(text: string): Range[] {
  const out: Range[] = [];
  const tree = processor.parse(text) as unknown as Node;
  const visit = (n: Node) => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (NOT_PROSE.has(n.type) && s !== undefined && e !== undefined) {
      out.push({ kind: n.type, start: s, end: e });
      return;
    }
    // An autolink or bare URL: the link text is the URL itself.
    if (n.type === 'link' && s !== undefined && e !== undefined && n.children?.length === 1) {
      const only = n.children[0] as Node & { value?: string };
      if (only.type === 'text' && (only.value === n.url || /^(https?:\/\/|www\.)/i.test(only.value ?? ''))) {
        out.push({ kind: 'url', start: s, end: e });
        return;
      }
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  for (const m of text.matchAll(URL)) out.push({ kind: 'url-text', start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** The first excluded range that a finding lies in, or starts or ends strictly inside. */
export function violation(ranges: Range[], offset: number, endOffset: number): Range | undefined {
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    const inside = offset >= r.start && endOffset <= r.end && endOffset > offset;
    const startsIn = offset > r.start && offset < r.end;
    const endsIn = endOffset > r.start && endOffset < r.end;
    if (inside || startsIn || endsIn) return r;
  }
  return undefined;
}
