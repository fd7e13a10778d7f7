/**
 * Round-trip properties of fixes over dev-corpus documents (issue 13 item 6), as functions that
 * return their problems: test/fuzz/corpus-fixes.test.ts runs them on a fixed sample of the
 * corpus (one document per language and format, under 100,000 characters), `npm run fuzz --
 * --corpus-fixes` on every document, writing the result into test/fuzz/RESULTS.md.
 * - every fix (safe or suggestion) stays inside the text, splits no CRLF and touches no
 *   protected text (quotations, block quotes, code, math, URLs, keys, labels, commands), by an
 *   oracle independent of the engine's adapters; a replacement keeps the structure;
 * - every safe fix, applied alone, makes its finding disappear, changes nothing outside its
 *   edit, adds no finding, and keeps the structure (headings, lists, quotes, code blocks,
 *   LaTeX environments);
 * - a test rule's safe swaps everywhere leave protected text and the structure intact;
 * - `brug check --fix` on copies of the documents keeps line ends and BOM, never adds a
 *   finding, keeps the structure, and a second `--fix` changes nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint } from '../../server/src/index.js';
import { applyEdits, applyFixes, fixKind, safeFixOf } from '../../server/src/engine/fixes.js';
import type { Finding, Fix, Format } from '../../server/src/engine/types.js';
import { main } from '../../server/src/cli/main.js';
import { CORPUS_DIR } from '../helpers/shared.js';
import { checkFindings } from './check.js';
import type { Source } from './generate.js';
import { rng } from './generate.js';
import { protectedRanges, structure, touchedRange } from './structure.js';
import { swapEngine } from './safe-rule.js';

/**
 * A fixed sample of the corpus: per language and format, one document under `maxChars` chosen
 * by the seed (a group with none that small is left out). The same seed gives the same sample.
 */
export function corpusSample(sources: Source[], seed: number, maxChars = 100_000): Source[] {
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    if (s.text.length >= maxChars) continue;
    const key = `${s.name.split('/')[0]}/${s.format}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const r = rng(seed);
  return [...groups.keys()].sort().map((k) => {
    const xs = groups.get(k)!;
    return xs[Math.floor(r() * xs.length)]!;
  });
}

/** The window of a text around [a, b): whole paragraphs (blank-line bounded), at least `pad` characters each side. */
function window(text: string, a: number, b: number, pad = 1500): [number, number] {
  let s = Math.max(0, a - pad);
  let e = Math.min(text.length, b + pad);
  const before = text.lastIndexOf('\n\n', s);
  s = before < 0 ? 0 : before + 2;
  const after = text.indexOf('\n\n', e);
  e = after < 0 ? text.length : after;
  return [s, e];
}

function spread<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}

/**
 * A finding's identity across one fix: its rule and where it starts, moved through the edit.
 * (Its text may change with the fix: a long sentence that holds the fixed word is the same finding.)
 */
function movedKey(f: Finding, edits: Array<{ offset: number; endOffset: number; newText: string }>): string {
  let at = f.offset;
  for (const e of edits) if (e.endOffset <= f.offset) at += e.newText.length - (e.endOffset - e.offset);
  return `${f.ruleId}\u0000${at}`;
}


/** Every fix stays in the text and off protected text; a replacement keeps the structure (six per document, spread). */
export function fixesStayInPlace(sources: Source[]): { problems: string[]; fixes: number } {
  const problems: string[] = [];
  let fixes = 0;
  for (const s of sources) {
    const r = lint(s.text, { path: s.name });
    problems.push(...checkFindings(s.text, s.format, r.findings).map((v) => `${s.name}: ${v.kind}: ${v.detail}`));
    const ranges = protectedRanges(s.text, s.format);
    const withEdits = r.findings.flatMap((f) => f.fixes.filter((x) => x.edits.length > 0).map((x) => ({ f, x })));
    for (const { f, x } of withEdits) {
      fixes++;
      for (const e of x.edits) {
        const hit = touchedRange(ranges, e.offset, e.endOffset);
        if (hit) problems.push(`${s.name}: ${f.ruleId} fix "${x.title.en}" touches ${hit.kind} ${JSON.stringify(s.text.slice(hit.start, Math.min(hit.end, hit.start + 60)))}`);
      }
    }
    // Structure, in a window around the edit (a whole-document parse per fix would be slow).
    for (const { f, x } of spread(withEdits.filter(({ x }) => x.edits.every((e) => e.endOffset > e.offset && !/[\r\n]/.test(e.newText))), 6)) {
      const [a, b] = window(s.text, Math.min(...x.edits.map((e) => e.offset)), Math.max(...x.edits.map((e) => e.endOffset)));
      const local = x.edits.map((e) => ({ ...e, offset: e.offset - a, endOffset: e.endOffset - a }));
      const before = s.text.slice(a, b);
      const after = applyEdits(before, local);
      if (JSON.stringify(structure(after, s.format)) !== JSON.stringify(structure(before, s.format))) problems.push(`${s.name}: ${f.ruleId} fix "${x.title.en}" changes the structure`);
    }
  }
  return { problems, fixes };
}

/** Safe fixes applied alone (`perDocument` per document, spread over it; each re-checks the whole document). */
export function safeFixesAlone(sources: Source[], perDocument = 3): { problems: string[]; tried: number; refused: number } {
  const problems: string[] = [];
  let refused = 0;
  let tried = 0;
  for (const s of sources) {
    const r = lint(s.text, { path: s.name });
    const safe = r.findings.filter((f) => safeFixOf(f));
    for (const f of spread(safe, perDocument)) {
      tried++;
      const fix = safeFixOf(f) as Fix;
      const after = applyEdits(s.text, fix.edits);
      const first = Math.min(...fix.edits.map((e) => e.offset));
      const last = Math.max(...fix.edits.map((e) => e.endOffset));
      const grow = after.length - s.text.length;
      if (after.slice(0, first) !== s.text.slice(0, first) || after.slice(last + grow) !== s.text.slice(last)) problems.push(`${s.name}: ${f.ruleId}: text outside the edit changed`);
      const again = lint(after, { path: s.name });
      const had = new Map<string, number>();
      for (const g of r.findings) if (g !== f) had.set(movedKey(g, fix.edits), (had.get(movedKey(g, fix.edits)) ?? 0) + 1);
      for (const g of again.findings) {
        const k = movedKey(g, []);
        const n = had.get(k) ?? 0;
        if (n > 0) had.set(k, n - 1);
        // A finding in the fix's own paragraph (a paragraph score crossing its threshold) makes
        // --fix refuse the fix (fixInPasses blames the fixes of that paragraph): the file never gets it.
        // So does a paragraph judged against the document's own average (readability/hard-paragraph):
        // fixInPasses refuses a pass whose new finding it cannot blame on one paragraph.
        else if (g.ruleId === 'readability/hard-paragraph' || !/\r?\n[ \t]*\r?\n/.test(after.slice(Math.min(first, g.offset), Math.max(last + grow, g.endOffset)))) refused++;
        else problems.push(`${s.name}: fixing ${f.ruleId} "${s.text.slice(f.offset, f.endOffset)}" adds ${g.ruleId} "${after.slice(g.offset, g.endOffset).slice(0, 60)}"`);
      }
      if (JSON.stringify(structure(after, s.format)) !== JSON.stringify(structure(s.text, s.format))) problems.push(`${s.name}: ${f.ruleId}: the structure changed`);
      if (fixKind(fix) !== 'safe') problems.push(`${s.name}: ${f.ruleId}: safeFixOf gave a suggestion`);
    }
  }
  return { problems, tried, refused };
}

/** A test rule proposes a safe fix at every occurrence, also in quotations, code, URLs and commands: the guard keeps them off. */
export function guardedSwaps(sources: Source[]): { problems: string[]; swapped: number; kept: number } {
  const swaps: Record<string, string> = { cliënten: 'inwoners', gemeente: 'stad', onderzoek: 'studie', clients: 'residents', people: 'persons', data: 'facts', research: 'study' };
  const engine = swapEngine(swaps);
  const word = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(swaps).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const problems: string[] = [];
  let swapped = 0;
  let kept = 0;
  for (const s of sources.filter((x) => x.text.length < 120_000)) {
    const r = engine.lint(s.text, { path: s.name });
    const out = applyFixes(s.text, r.findings);
    swapped += r.findings.filter((f) => f.ruleId === 'test/swap' && f.fixes.length > 0).length;
    for (const p of protectedRanges(s.text, s.format)) {
      const piece = s.text.slice(p.start, p.end);
      if (!word.test(piece)) continue;
      kept++;
      if (!out.text.includes(piece)) problems.push(`${s.name}: ${p.kind} changed: ${JSON.stringify(piece.slice(0, 80))}`);
    }
    if (JSON.stringify(structure(out.text, s.format)) !== JSON.stringify(structure(s.text, s.format))) problems.push(`${s.name}: the structure changed`);
  }
  return { problems, swapped, kept };
}

/** `brug check --fix` on copies of the documents, then a second `--fix --dry-run`. */
export async function fixCopies(sources: Source[]): Promise<{ problems: string[]; applied: number }> {
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'brug-fix-corpus-'));
  try {
    for (const s of sources) {
      mkdirSync(dirname(join(dir, s.name)), { recursive: true });
      copyFileSync(join(CORPUS_DIR, s.name), join(dir, s.name));
    }
    const io = (sink: string[]) => ({ out: (x: string) => sink.push(x), err: (x: string) => sink.push(x), cwd: dir });
    const files = sources.map((s) => s.name);
    const beforeOut: string[] = [];
    await main(['check', ...files, '--format', 'json'], io(beforeOut));
    const before = JSON.parse(beforeOut.find((x) => x.startsWith('{'))!) as { files: Array<{ path: string; findings: unknown[] }> };
    const fixOut: string[] = [];
    await main(['check', ...files, '--fix', '--format', 'json'], io(fixOut));
    const fixed = JSON.parse(fixOut.find((x) => x.startsWith('{'))!) as { files: Array<{ path: string; findings: unknown[] }> };
    const summary = fixOut.map((x) => /^brug --fix: (\d+) fix(es)? in \d+ files? applied/m.exec(x)).find((m) => m);
    if (!summary) problems.push(`no --fix summary: ${fixOut.join('\n').slice(-500)}`);
    for (const s of sources) {
      const now = readFileSync(join(dir, s.name), 'utf8');
      const crlf = (t: string) => t.split('\r\n').length;
      if (now.startsWith('\uFEFF') !== s.text.startsWith('\uFEFF')) problems.push(`${s.name}: byte-order mark changed`);
      if (crlf(now) !== crlf(s.text)) problems.push(`${s.name}: CRLF count changed`);
      if (now.split(/\r\n|\r|\n/).length !== s.text.split(/\r\n|\r|\n/).length) problems.push(`${s.name}: number of lines changed`);
      if (JSON.stringify(structure(now, s.format as Format)) !== JSON.stringify(structure(s.text, s.format as Format))) problems.push(`${s.name}: structure changed`);
      const b = before.files.find((f) => f.path === s.name);
      const a = fixed.files.find((f) => f.path === s.name);
      if (!a || !b) problems.push(`${s.name}: not in the JSON output`);
      else if (a.findings.length > b.findings.length) problems.push(`${s.name}: ${b.findings.length} → ${a.findings.length} findings`);
    }
    // A second --fix changes nothing.
    const secondOut: string[] = [];
    await main(['check', ...files, '--fix', '--dry-run', '--format', 'json'], io(secondOut));
    if (!secondOut.some((x) => /^brug --fix: 0 fixes in 0 files proposed/m.test(x))) problems.push(`a second --fix changes something: ${secondOut.filter((x) => !x.startsWith('{')).join('\n').slice(0, 800)}`);
    return { problems, applied: summary ? Number(summary[1]) : 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
