import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { parse as unifiedParse } from '@unified-latex/unified-latex-util-parse';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import type { LatexOptions } from '../../server/src/engine/formats/latex.js';
import { toDocument } from '../../server/src/engine/offsets.js';
import { CORPUS_DIR } from '../helpers/shared.js';
import type { ParsedDocument, ProseBlock } from '../../server/src/engine/types.js';

export const NO_OPTIONS: LatexOptions = { proseCommands: [], skipEnvironments: [] };

export function parse(src: string, options: LatexOptions = NO_OPTIONS): ParsedDocument {
  const doc = parseLatex(src, options);
  checkMaps(src, doc);
  return doc;
}

/** Every block's map is sorted, in range, and its verbatim segments hold the source text. */
export function checkMaps(src: string, doc: ParsedDocument): void {
  for (const b of doc.blocks) {
    assert.ok(b.start >= 0 && b.end <= src.length && b.start <= b.end, `block range ${b.start}-${b.end}`);
    let t = 0;
    let d = -1;
    // (A block the adapter took from its last reading has that reading's map, moved by mapBase.)
    const base = b.mapBase ?? 0;
    for (const moved of b.map) {
      const seg = { ...moved, d: moved.d + base };
      assert.ok(seg.t >= t, 'segments sorted in text');
      assert.ok(seg.d >= d, `segments sorted in the document (${seg.d} after ${d})`);
      assert.ok(seg.d + seg.dl <= src.length, 'segment in range');
      if (seg.tl === seg.dl) {
        // Verbatim text, or one-character replacements (~ → space, ` → ‘, } → ”, a lone $ → a placeholder) merged with it.
        const a = b.text.slice(seg.t, seg.t + seg.tl);
        const o = src.slice(seg.d, seg.d + seg.dl);
        const inPlaceholder = (t: number) => (b.placeholders ?? []).some(([ps, pe]) => t >= ps && t < pe);
        for (let k = 0; k < a.length; k++) if (a[k] !== o[k]) assert.ok('~`}\'"'.includes(o[k]!) || inPlaceholder(seg.t + k), `verbatim segment: ${JSON.stringify(a)} for ${JSON.stringify(o)}`);
      }
      t = seg.t + seg.tl;
      d = seg.d;
    }
    assert.equal(t, b.text.length, 'the map covers the block text');
  }
}

/** The source a piece of block text comes from. */
export function sourceOf(src: string, b: ProseBlock, piece: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = b.text.indexOf(piece, at + 1);
  assert.ok(at >= 0, `"${piece}" in "${b.text}"`);
  const s = toDocument(b.map, at, 'start') + (b.mapBase ?? 0);
  const e = toDocument(b.map, at + piece.length, 'end') + (b.mapBase ?? 0);
  return src.slice(s, e);
}

export function texts(doc: ParsedDocument, kind?: ProseBlock['kind']): string[] {
  return doc.blocks.filter((b) => !kind || b.kind === kind).map((b) => b.text);
}

export function block(doc: ParsedDocument, containing: string): ProseBlock {
  const b = doc.blocks.find((x) => x.text.includes(containing));
  assert.ok(b, `a block with "${containing}" in ${JSON.stringify(texts(doc))}`);
  return b;
}

export const CORPUS = CORPUS_DIR;
export const CORPUS_TEX = [`${CORPUS}/en/teaching-tech-together-book.tex`, `${CORPUS}/nl/hogent-bp-inclusive-design-draft.tex`].filter((f) => existsSync(f));
export const CORPUS_MD = [`${CORPUS}/en`, `${CORPUS}/nl`];

export function readCorpus(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * The skeleton unified-latex sees (macro names and environments in order): an independent
 * check that an edit left the LaTeX structure alone.
 */
export function skeleton(src: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; content?: unknown; env?: unknown; args?: unknown[] };
    if (n.type === 'macro') out.push(`\\${String(n.content)}`);
    if (n.type === 'environment' || n.type === 'mathenv' || n.type === 'verbatim') out.push(`env:${typeof n.env === 'string' ? n.env : JSON.stringify(n.env)}`);
    if (n.type === 'inlinemath' || n.type === 'displaymath') out.push('math');
    if (Array.isArray(n.args)) for (const a of n.args) walk(a);
    if (Array.isArray(n.content)) for (const c of n.content) walk(c);
  };
  walk(unifiedParse(src));
  return out;
}

/** Braces are balanced outside comments and escapes. */
export function balanced(src: string): boolean {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '%') while (i < src.length && src[i] !== '\n') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
