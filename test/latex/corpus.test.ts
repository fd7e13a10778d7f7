import { strict as assert } from 'node:assert';
import { basename } from 'node:path';
import { lint } from '../../server/src/index.js';
import { parseLatex } from '../../server/src/engine/formats/latex.js';
import { CORPUS_TEX, NO_OPTIONS, checkMaps, readCorpus } from './helpers.js';

/**
 * Stretches of a LaTeX source that are not prose, found with plain regular expressions (not
 * with the adapter, so that the test checks it): comments, math, skipped environments, and
 * the preamble except the \title command.
 */
function nonProse(src: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  const doc = /\\begin\{document\}/.exec(src);
  if (doc) {
    const title = /\\title\{[^}]*\}/.exec(src.slice(0, doc.index));
    if (title) {
      out.push([0, title.index, 'preamble']);
      out.push([title.index + title[0].length, doc.index + doc[0].length, 'preamble']);
    } else out.push([0, doc.index + doc[0].length, 'preamble']);
  }
  for (const m of src.matchAll(/(?<!\\)%[^\n]*/g)) out.push([m.index, m.index + m[0].length, 'comment']);
  for (const m of src.matchAll(/(?<!\\)\$[^$]+(?<!\\)\$/g)) out.push([m.index, m.index + m[0].length, 'math']);
  for (const m of src.matchAll(/\\begin\{(verbatim|minted|lstlisting|tikzpicture|thebibliography|comment|equation\*?|align\*?)\}[\s\S]*?\\end\{\1\}/g)) out.push([m.index, m.index + m[0].length, m[1]!]);
  return out;
}

/** Whether offset o is inside the name of a command (\sec|tion). */
function insideCommandName(src: string, o: number): boolean {
  let k = o - 1;
  while (k >= 0 && /[A-Za-z]/.test(src[k]!)) k--;
  return k >= 0 && k < o - 1 && src[k] === '\\' && /[A-Za-z]/.test(src[o] ?? '');
}

describe('LaTeX corpus (shared/corpora/dev)', function () {
  this.timeout(120000);
  if (CORPUS_TEX.length === 0) {
    it.skip('no LaTeX corpus files in the shared corpus folder');
    return;
  }
  for (const file of CORPUS_TEX) {
    it(`${basename(file)}: no throw, exact maps, findings only on prose, plausible sentences`, () => {
      const src = readCorpus(file);
      const doc = parseLatex(src, NO_OPTIONS);
      checkMaps(src, doc);
      assert.deepEqual(doc.problems ?? [], []);
      const res = lint(src, { path: file });
      assert.deepEqual(res.errors, []);
      const regions = nonProse(src);
      const headingRanges = new Set(doc.blocks.filter((b) => b.kind === 'heading').map((b) => `${b.start}:${b.end}`));
      const bad: string[] = [];
      for (const f of res.findings) {
        const text = src.slice(f.offset, f.endOffset);
        const where = `${f.ruleId} @${f.offset} ${JSON.stringify(text.slice(0, 60))}`;
        assert.ok(f.offset >= 0 && f.endOffset <= src.length && f.offset <= f.endOffset, where);
        if (headingRanges.has(`${f.offset}:${f.endOffset}`)) continue; // a finding on a section: the whole heading command
        if (insideCommandName(src, f.offset) || insideCommandName(src, f.endOffset)) bad.push(`${where}: cuts a command name`);
        for (const [s, e, what] of regions) {
          if ((f.offset >= s && f.offset < e) || (f.endOffset > s && f.endOffset <= e && f.endOffset > f.offset)) bad.push(`${where}: starts or ends in ${what}`);
        }
        // A finding on one word holds no command (an accent or an escape like \& is part of a word) and no math.
        if (!/\s/.test(text) && (/\\(?![&%_#$"'`^~=.]|[cvuHkrbdt]\{|ss|ij|i\b)[A-Za-z]/.test(text) || text.includes('$'))) bad.push(`${where}: a word finding on markup`);
      }
      assert.deepEqual(bad, []);
      const m = res.metrics;
      const perSentence = m.words / Math.max(1, m.sentences);
      console.log(`      ${basename(file)}: ${doc.blocks.length} blocks, ${m.words} words, ${m.sentences} sentences (${perSentence.toFixed(1)} words per sentence), ${res.sections.length} sections, ${res.findings.length} findings, language ${res.language}`);
      assert.ok(perSentence > 8 && perSentence < 30, `words per sentence ${perSentence}`);
      assert.ok(m.words > 1000);
    });
  }

  it('the English book reads as English with its chapters, the Dutch draft as Dutch with its summary', () => {
    const book = CORPUS_TEX.find((f) => f.includes('teaching-tech'));
    if (book) {
      const res = lint(readCorpus(book), { path: book });
      assert.equal(res.language, 'en');
      assert.ok(res.sections.filter((s) => s.level === 1).length >= 20);
      assert.ok(res.metrics.words > 55000 && res.metrics.words < 75000, `${res.metrics.words} words`);
    }
    const draft = CORPUS_TEX.find((f) => f.includes('hogent'));
    if (draft) {
      const res = lint(readCorpus(draft), { path: draft });
      assert.equal(res.language, 'nl');
      assert.ok(res.sections.some((s) => s.title === 'Samenvatting' && s.role === 'summary'));
      assert.ok(res.sections.some((s) => s.title === 'Inleiding' && s.role === 'introduction'));
    }
  });
});
