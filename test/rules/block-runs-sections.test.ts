/**
 * The shared runs after an edit (rules/block-runs.ts editedRuns): the runs after the edited stretch keep their run
 * objects when no block was added or removed and their sections were not renumbered; an edit that turns a paragraph
 * into a heading, or a heading into a paragraph, keeps the number of blocks but renumbers every section after it. After
 * random edits of that kind (and of words, which change nothing after them) in a warm engine, every finding must be that
 * of a check from scratch: the rules that read the runs' sections (undefined-abbreviation's glossary section, where the
 * acronyms listed alone are explained for the whole report; the section rules) see the sections as they are.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { engineFor } from '../../server/src/workspace/engine.js';

const PARAGRAPHS = [
  'We met the residents of the town in the spring and talked about their letters and their bills.',
  'The GNRC agreed to fund the work, and the DWP sent a reply to every family that wrote.',
  'Most of them asked a neighbour or a friend for help when a letter was hard to follow.',
  'The QRST team read every letter, and the QRST team wrote a summary of what they found.',
  'The families told us which letters they read first, and which they put away for weeks.',
];

/** Lines of a report: paragraphs, a heading now and then, a glossary section in the middle. */
function lines(count: number): string[] {
  const out = ['# Report'];
  for (let i = 0; i < count; i++) {
    if (i % 9 === 4) out.push(`## Part ${i}`);
    if (i === Math.floor(count / 2)) out.push('## Abbreviations', '- GNRC', '- DWP', '- QRST');
    out.push(PARAGRAPHS[i % PARAGRAPHS.length]!);
  }
  return out;
}

/** One edit of a line: make it a heading or a paragraph, or swap a word for one as long (no block added or removed). */
interface LineEdit {
  line: number;
  kind: 'heading' | 'word';
  word: number;
}

function applyLineEdit(text: string[], e: LineEdit): string[] {
  const out = text.slice();
  const i = e.line % out.length;
  const line = out[i]!;
  // List items stay list items (a heading among them would split the list: another number of blocks).
  if (line.startsWith('- ')) return out;
  if (e.kind === 'heading') out[i] = line.startsWith('## ') ? line.slice(3) : line.startsWith('# ') ? line : `## ${line}`;
  else {
    const words = line.split(' ');
    const k = e.word % words.length;
    words[k] = words[k] === 'letters' ? 'bottles' : words[k] === 'bottles' ? 'letters' : words[k] === 'GNRC' ? 'QRST' : words[k]!;
    out[i] = words.join(' ');
  }
  return out;
}

const lineEdit: fc.Arbitrary<LineEdit> = fc.record({
  line: fc.integer({ min: 0, max: 400 }),
  kind: fc.constantFrom<LineEdit['kind']>('heading', 'heading', 'word'),
  word: fc.integer({ min: 0, max: 20 }),
});

function project(r: LintResult): string[] {
  return r.findings.map((f) => JSON.stringify({ rule: f.ruleId, offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data }));
}

describe('block-runs: sections renumbered by an edit that keeps the number of blocks', function () {
  this.timeout(180000);
  it('after random heading toggles and word swaps, a warm engine gives the findings of a fresh one (fast-check)', () => {
    const warm = engineFor(undefined, undefined, { cacheSize: 1000 }).engine;
    const base = lines(60);
    warm.lint(base.join('\n\n'), { path: 'runs-sections.md' });
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = base;
        let last: LintResult | undefined;
        for (const e of edits) {
          text = applyLineEdit(text, e);
          last = warm.lint(text.join('\n\n'), { path: 'runs-sections.md' });
        }
        clearMarkdownCache();
        const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text.join('\n\n'), { path: 'fresh-runs-sections.md' });
        assert.deepEqual(project(last!), project(fresh));
      }),
      { numRuns: 60, seed: 3701 },
    );
  });
});
