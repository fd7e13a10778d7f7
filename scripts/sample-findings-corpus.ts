/**
 * The dev corpus through the engine, as the CLI checks it by default: shared by
 * scripts/sample-findings.ts (findings to judge) and bench/noise.ts (findings per 1,000 words).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Engine } from '../server/src/engine/engine.js';
import { Vocabulary } from '../server/src/engine/vocabulary/vocabulary.js';
import { bundledDictionaries } from '../server/src/workspace/dictionaries.js';
import { extraFormats } from '../server/src/workspace/formats.js';
import type { Finding } from '../server/src/engine/types.js';

export const CORPUS = resolve(process.env.BRUG_CORPUS ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'dev'));

export interface CorpusFile {
  /** Path inside the corpus: en/report.md. */
  file: string;
  text: string;
  words: number;
  findings: Finding[];
}

/** The corpus files in MANIFEST.tsv order. */
export function corpusFiles(): string[] {
  const manifest = join(CORPUS, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]!.replace(/^dev\//, '')).filter(Boolean);
}

let engine: Engine | undefined;

/** Checks one corpus file with the default settings and the bundled dictionaries. */
export function checkCorpusFile(file: string): CorpusFile {
  engine ??= new Engine({ vocabulary: new Vocabulary(bundledDictionaries().dictionaries), formats: extraFormats });
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const r = engine.lint(text, { path: file });
  return { file, text, words: r.metrics.words, findings: r.findings };
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A short, one-line snippet of the flagged text (never a whole paragraph of the corpus). */
export function snippet(text: string, offset: number, endOffset: number, max = 140): string {
  const s = text.slice(offset, Math.max(endOffset, offset + 1)).replace(/\s+/g, ' ').replace(/\t/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
