import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint } from '../../server/src/index.js';
import type { LintResult } from '../../server/src/index.js';
import { SHARED, readShared, assertInside } from '../engine/helpers.js';
import { excludedRanges, violation } from './ranges.js';

/**
 * Every file of the development corpus (all formats) and the seed paper, read from ../shared at
 * test time. .tex files go through the LaTeX adapter once one is registered, plain text until then:
 * the checks below hold either way.
 */
const FILES = [
  ...['en', 'nl'].flatMap((dir) => readdirSync(resolve(SHARED, 'corpora/dev', dir)).map((f) => `corpora/dev/${dir}/${f}`)),
  ...readdirSync(resolve(SHARED, 'seed')).filter((f) => f.endsWith('.txt')).map((f) => `seed/${f}`),
].sort();

const MANIFEST_LANGUAGE = new Map(
  readShared('corpora/dev/MANIFEST.tsv')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'))
    .map(([file, language]) => [file!.replace(/^dev\//, 'corpora/dev/'), language!]),
);

function key(r: LintResult): string[] {
  return r.findings.map((f) => `${f.ruleId}@${f.offset}-${f.endOffset}:${f.severity}:${f.message.en}`);
}

describe('corpus: every file of corpora/dev and the seed paper', () => {
  it('has exactly the files of the manifest and a seed paper', () => {
    assert.equal(FILES.filter((f) => f.startsWith('corpora/')).length, MANIFEST_LANGUAGE.size);
    assert.ok(FILES.some((f) => f.startsWith('seed/')));
    for (const f of MANIFEST_LANGUAGE.keys()) assert.ok(FILES.includes(f), f);
  });

  it('the independent range check finds code, comments, math, front matter and URLs, and catches a finding inside them', () => {
    const text = '---\na: 1\n---\n\nZie `code hier` en $x$ en <!-- c --> en https://example.org/pad hier.\n\n```\nblok\n```\n\n$$\ny\n$$\n';
    const ranges = excludedRanges(text);
    assert.deepEqual([...new Set(ranges.map((r) => r.kind))].sort(), ['code', 'html', 'inlineCode', 'inlineMath', 'math', 'url', 'url-text', 'yaml']);
    const code = text.indexOf('code hier');
    assert.equal(violation(ranges, code, code + 4)?.kind, 'inlineCode', 'inside');
    assert.equal(violation(ranges, code - 5, code + 2)?.kind, 'inlineCode', 'ends inside');
    assert.match(violation(ranges, text.indexOf('pad'), text.indexOf(' hier.\n\n```'))?.kind ?? '', /^url/, 'starts inside a URL');
    assert.equal(violation(ranges, 0, text.length), undefined, 'a range around everything is no violation');
    assert.equal(violation(ranges, text.indexOf('Zie'), text.indexOf('Zie') + 3), undefined);
  });

  for (const file of FILES) {
    describe(file, function () {
      // The corpus holds books of 70,000–90,000 words: these tests check behaviour, not speed
      // (npm run bench measures that), so a slow shared machine must not fail them.
      this.timeout(180_000);
      const text = readShared(file);
      let first: LintResult | undefined;
      const run = () => (first ??= lint(text, { path: file }));

      it('lints without throwing and without rule errors', () => {
        const r = run();
        assert.deepEqual(r.errors, []);
        assert.ok(r.metrics.words > 100, `${r.metrics.words} words`);
        assert.ok(r.blocks.length > 0);
      });

      it('detects the language of the manifest', () => {
        const want = MANIFEST_LANGUAGE.get(file) ?? 'nl';
        assert.equal(run().language, want);
      });

      it('every finding, fix and section lies inside the text', () => {
        const r = run();
        assertInside(r, text, file);
        for (const s of r.sections) assert.ok(s.offset >= 0 && s.offset <= s.endOffset && s.endOffset <= s.contentEnd && s.contentEnd <= text.length, `section ${s.title}`);
        for (const p of r.paragraphs) assert.ok(p.offset >= 0 && p.offset < p.endOffset && p.endOffset <= text.length);
        for (const b of r.blocks) {
          const { offset, endOffset } = b.toDocument(0, b.analysed.block.text.length);
          assert.ok(offset >= 0 && offset <= endOffset && endOffset <= text.length, 'block range');
        }
      });

      it('findings begin and end on word boundaries, never inside a word', () => {
        const r = run();
        const letter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
        for (const f of r.findings) {
          if (f.endOffset === f.offset) continue;
          const s = text.slice(f.offset, f.endOffset);
          const where = `${f.ruleId}: ${JSON.stringify(text.slice(Math.max(0, f.offset - 8), Math.min(text.length, f.endOffset + 8)).slice(0, 80))}`;
          assert.ok(!(letter(text[f.offset - 1]) && letter(s[0])), `starts inside a word: ${where}`);
          assert.ok(!(letter(text[f.endOffset]) && letter(s[s.length - 1])), `ends inside a word: ${where}`);
        }
      });

      if (file.endsWith('.md')) {
        it('no finding lies in code, inline code, front matter, HTML, math or a URL (ranges from a whole-file remark parse)', () => {
          const r = run();
          const ranges = excludedRanges(text);
          assert.ok(ranges.length > 0 || !/```|<!--|https?:/.test(text), 'the ranges are found');
          const bad: string[] = [];
          for (const f of r.findings) {
            if (f.ruleId === 'brug/parse') continue;
            const v = violation(ranges, f.offset, f.endOffset);
            if (v) bad.push(`${f.ruleId} [${f.offset}, ${f.endOffset}) in ${v.kind} [${v.start}, ${v.end}): ${JSON.stringify(text.slice(f.offset, Math.min(f.endOffset, f.offset + 60)))}`);
          }
          assert.deepEqual(bad, []);
        });
      }

      it('is deterministic: a second run (warm caches) and a fresh copy of the text give the same findings', () => {
        const a = run();
        const b = lint(text, { path: file });
        const c = lint(text.split('').join(''), { path: file });
        assert.deepEqual(key(b), key(a));
        assert.deepEqual(key(c), key(a));
        assert.deepEqual(b.metrics, a.metrics);
        assert.deepEqual(b.sections.map((s) => [s.title, s.role, s.line]), a.sections.map((s) => [s.title, s.role, s.line]));
      });

      it('CRLF line endings give the same findings, shifted', () => {
        const lf = text.replace(/\r\n/g, '\n');
        if (lf.length > 150_000) return; // the long book: covered by the other checks
        const crlf = lf.replace(/\n/g, '\r\n');
        const before: number[] = [];
        let n = 0;
        for (let i = 0; i <= lf.length; i++) {
          before.push(n);
          if (lf.charCodeAt(i) === 10) n++;
        }
        const a = lint(lf, { path: file });
        const b = lint(crlf, { path: file });
        const shift = (o: number) => o + before[o]!;
        assert.deepEqual(b.findings.map((f) => `${f.ruleId}@${f.offset}-${f.endOffset}`), a.findings.map((f) => `${f.ruleId}@${shift(f.offset)}-${shift(f.endOffset)}`));
      });
    });
  }
});
