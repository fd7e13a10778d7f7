/**
 * Mutated documents for the fuzz suite: pieces of the dev corpus cut, spliced and damaged in
 * the ways real files are damaged (line ends, byte-order marks, NUL characters, odd Unicode,
 * deep nesting, huge lines). Deterministic for a seed.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Format } from '../../server/src/engine/types.js';
import { CORPUS_DIR } from '../helpers/shared.js';

export interface Source {
  name: string;
  format: Format;
  text: string;
}

export interface Case {
  /** How the document was made: the source and the mutations, to reproduce it. */
  recipe: string;
  format: Format;
  text: string;
}

/** The dev corpus documents (Markdown, LaTeX, plain text). */
export function corpusSources(dir = CORPUS_DIR): Source[] {
  const out: Source[] = [];
  for (const lang of ['en', 'nl']) {
    const d = join(dir, lang);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) {
      const format: Format | undefined = f.endsWith('.md') ? 'markdown' : f.endsWith('.tex') ? 'latex' : f.endsWith('.txt') ? 'plaintext' : undefined;
      if (format) out.push({ name: `${lang}/${f}`, format, text: readFileSync(join(d, f), 'utf8') });
    }
  }
  return out;
}

/** A small fast seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD = ['\uFEFF', '\u0000', '\r', '\r\n', '\n', '\u00A0', '\u200B', '\u200D', '\u2028', '\u2029', '👩‍👩‍👧', '😀', '\uD800', '\uDC00', 'e\u0301', 'cliënt', 'reïntegratie', '\u202E', '\t', '\uFFFD', '\\', '&amp;', '&#x1F600;', '**', '_', '`', '$', '$$', '%', '{', '}', '[', ']', '<!--', '-->', '"', '“', '”', '‘', '’', '„', "'", '>', '#'];
const NEST = {
  markdown: ['> ', '- ', '* ', '1. ', '   ', '**', '[', '`', '_'],
  latex: ['\\begin{itemize}\\item ', '{', '\\emph{', '\\section{', '$', '\\footnote{', '\\begin{quote}'],
  plaintext: ['> ', '- ', '\t', '(', '"'],
};

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function int(r: () => number, n: number): number {
  return Math.floor(r() * n);
}

/** A piece of a text: at most `max` characters from a random place. */
function cut(r: () => number, text: string, max: number): string {
  if (text.length <= max) return text;
  const len = 1 + int(r, max);
  const start = int(r, text.length - len);
  return text.slice(start, start + len);
}

type Mutation = (r: () => number, t: string, format: Format, sources: Source[], scale: number) => string;

const MUTATIONS: Record<string, Mutation> = {
  cut: (r, t) => cut(r, t, Math.max(1, Math.floor(t.length * 0.7))),
  splice: (r, t, _f, sources) => {
    const other = cut(r, pick(r, sources).text, 3000);
    const at = int(r, t.length + 1);
    return t.slice(0, at) + other + t.slice(at);
  },
  odd: (r, t) => {
    let out = t;
    for (let i = 0, n = 1 + int(r, 12); i < n; i++) {
      const at = int(r, out.length + 1);
      out = out.slice(0, at) + pick(r, ODD) + out.slice(at);
    }
    return out;
  },
  crlf: (r, t) => t.replace(/\r?\n/g, () => (r() < 0.8 ? '\r\n' : '\n')),
  cr: (r, t) => t.replace(/\r?\n/g, () => (r() < 0.7 ? '\r' : '\n')),
  bom: (r, t) => '\uFEFF'.repeat(1 + int(r, 3)) + t,
  nul: (r, t) => {
    let out = t;
    for (let i = 0, n = 1 + int(r, 6); i < n; i++) {
      const at = int(r, out.length + 1);
      out = `${out.slice(0, at)}\u0000${out.slice(at)}`;
    }
    return out;
  },
  nest: (r, t, format, _s, scale) => {
    const unit = pick(r, NEST[format]);
    const at = t.lastIndexOf('\n', int(r, t.length + 1)) + 1;
    return t.slice(0, at) + unit.repeat(5 + int(r, Math.ceil(400 * scale))) + t.slice(at);
  },
  hugeLine: (r, t, _f, _s, scale) => {
    const at = int(r, t.length + 1);
    const word = r() < 0.5 ? 'schuldhulpverlening' : 'a ';
    return t.slice(0, at) + word.repeat(20 + int(r, Math.ceil(3000 * scale))) + t.slice(at);
  },
  joinLines: (_r, t) => t.replace(/\r?\n(?!\r?\n)/g, ' '),
  swapCase: (r, t) => {
    const at = int(r, t.length);
    const len = int(r, 400);
    return t.slice(0, at) + t.slice(at, at + len).toUpperCase() + t.slice(at + len);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** The i-th case of a run with this seed: a cut of a corpus document, mutated one to three times. */
/** `scale` (0–1] shrinks the nesting depth and the huge lines: the short run in npm test stays quick. */
export function makeCase(sources: Source[], seed: number, i: number, maxChars = 6000, scale = 1): Case {
  const r = rng(seed * 1_000_003 + i);
  const src = sources[int(r, sources.length)]!;
  let text = cut(r, src.text, maxChars);
  const steps: string[] = [];
  for (let k = 0, n = 1 + int(r, 3); k < n; k++) {
    const name = pick(r, MUTATION_NAMES);
    text = MUTATIONS[name]!(r, text, src.format, sources, scale);
    steps.push(name);
  }
  return { recipe: `seed ${seed} case ${i}: ${src.name} | ${steps.join(' + ')}`, format: src.format, text };
}
