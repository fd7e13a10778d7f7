import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { parse as unifiedParse } from '@unified-latex/unified-latex-util-parse';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import type { LatexOptions } from '../../server/src/engine/formats/latex.js';
import { toDocument } from '../../server/src/engine/offsets.js';
import { CORPUS_DIR } from '../helpers/shared.js';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { extraFormats } from '../../server/src/workspace/formats.js';
import { applyEdit, editsOf } from '../helpers/warm-edits.js';
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

/** A block as a reading of the whole text gives it: its map in document offsets (mapBase applied), nothing the engine set. */
export function plain(b: ProseBlock): object {
  const base = b.mapBase ?? 0;
  return {
    kind: b.kind,
    text: b.text,
    map: b.map.map((s) => ({ t: s.t, tl: s.tl, d: s.d + base, dl: s.dl })),
    start: b.start,
    end: b.end,
    level: b.level,
    quoted: b.quoted,
    placeholders: b.placeholders,
    language: b.language,
    title: b.title,
  };
}

/**
 * A warm engine (its block cache and the LaTeX adapter's last reading in use) checks `base` after random series of edits
 * inserting `pieces` as a fresh engine does: findings, sections, metrics, paragraphs and language.
 */
export function assertWarmLatexMatchesFresh(base: string, pieces: readonly string[], name: string, runs: { numRuns: number; seed: number }): void {
  const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
  const summary = (res: LintResult) => ({ findings: res.findings, sections: res.sections, metrics: res.metrics, paragraphs: res.paragraphs, language: res.language });
  fc.assert(
    fc.property(fc.array(editsOf(pieces, 300), { minLength: 1, maxLength: 4 }), (series) => {
      let text = base;
      let res: LintResult | undefined;
      // Each series starts from the base, checked warm (the last reading is the base's).
      warm.lint(text, { path: `warm-${name}.tex` });
      for (const e of series) {
        text = applyEdit(text, e);
        res = warm.lint(text, { path: `warm-${name}.tex` });
      }
      // A fresh engine (its own caches) reads the text after another document, so its reading reuses nothing.
      const fresh = new Engine({ vocabulary: warm.vocabulary, formats: extraFormats });
      fresh.lint(String.raw`\documentclass{article}\begin{document}Iets anders.\end{document}`, { path: `other-${name}.tex` });
      assert.deepEqual(summary(res!), summary(fresh.lint(text, { path: `fresh-${name}.tex` })));
    }),
    runs,
  );
}

/**
 * Pieces an edit of a LaTeX document inserts in the property tests: words, paragraph breaks, and markup that changes how
 * all that follows reads.
 */
export const EDIT_PIECES: readonly string[] = [
  'een woord ',
  'x',
  '\n\n',
  '}',
  '{',
  '%',
  '\\',
  '$',
  String.raw`\section{Nieuw}`,
  String.raw`\begin{itemize}\item `,
  String.raw`\end{itemize}`,
  String.raw`\begin{verbatim}`,
  String.raw`\iffalse `,
  String.raw`\fi `,
  String.raw`\part{Deel}`,
  String.raw`\usepackage[english]{babel}`,
  String.raw`\newcommand{\subseclbl}[1]{\subsection{#1}}`,
  '"e',
  String.raw`\footnote{Een voetnoot.}`,
  String.raw`\selectlanguage{english}`,
  // Lines that make a command a heading (used twice alone on a line: LatexReader's heading-like commands) or undo that.
  '\n\\mysec{Derde titel}\n',
  '\n\\subsecthing{Titel}\n',
  '\\subsecthing{Een titel} ',
  '\n\\mysec{',
];
