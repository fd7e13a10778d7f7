/**
 * The fix guard's verdicts kept from the last check of a document (fixes.ts GuardKept, speed only): an edit object a
 * document rule hands out again before the edited stretch keeps its verdict. Whatever an edit does before or around such
 * a fix edit (a quotation mark that now opens a quotation over it, code marks, a block quote, a new paragraph), the
 * warm engine's findings and fixes are those of a fresh engine.
 */
import { strict as assert } from 'node:assert';
import { keptVerdictCount } from '../../server/src/engine/fixes.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { TextEdit } from '../../server/src/engine/types.js';
import type { DocumentRule } from '../../server/src/engine/rules/types.js';
import { applyEdit, assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import { testRuleMeta } from '../helpers/rule-meta.js';

const PARAGRAPHS = [
  'We met the residents in order to hear them, and we utilise their words in order to plan the next steps together.',
  'The team will utilise the budget in order to hire two coaches; in order to keep it simple, the plan stays short.',
  '> A quoted line in order to see that nothing in a block quote is fixed, we utilise nothing here.',
  'Some "quoted words in order to test" and `in order to` as code, then plain prose in order to end.',
  '- A list item in order to facilitate the work\n- Another item: we utilise the room in order to meet',
  'The last paragraph of the part, in order to close it, says that we will utilise the same approach in order to learn.',
];

/** Eight parts of the same paragraphs (a term used ~60 times: its "replace all" fix has an edit at every use). */
const BASE = Array.from({ length: 8 }, (_, i) => `## Part ${i + 1}\n\n${PARAGRAPHS.join('\n\n')}`).join('\n\n') + '\n';

const PIECES = ['"', '“', '”', '`', '> ', '\n\n', 'in order to ', ' we utilise ', '*', '"in order to"', '\n', '- '];

/** Every finding with its fixes as the writer gets them: rule, place, and each fix's title, kind and edits. */
function fixes(r: LintResult) {
  return r.findings.filter((f) => f.fixes.length > 0).map((f) => ({ rule: f.ruleId, at: [f.offset, f.endOffset], fixes: f.fixes.map((x) => ({ title: x.title.en, kind: x.kind, edits: x.edits.map((e) => [e.offset, e.endOffset, e.newText]) })) }));
}

/**
 * A rule that hands out the same edit object wherever "in order to" stands at the same offset (every use, or the first
 * of each block), whatever changed around it: the guard must judge such an edit again unless it lies wholly before the
 * edited stretch and its blocks are the last check's. (New findings and fixes each check: only the edits are the same.)
 */
function sticky(every: boolean): DocumentRule {
  const edits = new Map<number, TextEdit>();
  return {
    meta: testRuleMeta('test/sticky-fix'),
    scope: 'document',
    check(doc) {
      const out = [];
      for (const b of doc.blocks) {
        const text = b.prose.text;
        for (let i = text.indexOf('in order to'); i >= 0; i = every ? text.indexOf('in order to', i + 1) : -1) {
          const { offset, endOffset } = b.toDocument(i, i + 'in order to'.length);
          let e = edits.get(offset);
          if (!e || e.endOffset !== endOffset) edits.set(offset, (e = { offset, endOffset, newText: 'to' }));
          out.push({ message: { en: 'x', nl: 'x' }, offset, endOffset, fixes: [{ title: { en: 'to', nl: 'to' }, preferred: true, kind: 'safe' as const, edits: [e] }] });
        }
      }
      return out;
    },
  };
}

describe('engine: the fix guard keeps its verdicts before an edit', function () {
  this.timeout(300_000);

  it('a warm engine gives the fixes of a fresh one after random edits (fast-check), and takes verdicts from its last check', () => {
    const before = keptVerdictCount();
    assertWarmEditsMatchFresh(BASE, { path: 'guard-kept.md', edits: editsOf(PIECES, 80), project: fixes, cacheSize: 4000, numRuns: 60, seed: 31, maxEdits: 6 });
    // (Not vacuous: the edits before each edit point kept their verdicts.)
    assert.ok(keptVerdictCount() - before > 100, `verdicts kept: ${keptVerdictCount() - before}`);
  });

  it('an edit object handed out again keeps its verdict only where nothing the guard read changed (fast-check)', () => {
    // (A quotation opened before a use in its paragraph, a block quote mark, code marks: see sticky.)
    const only = (r: LintResult) => fixes(r).filter((f) => f.rule === 'test/sticky-fix');
    const warm = new Engine({ rules: [sticky(true)] });
    warm.lint(BASE, { path: 'sticky.md' });
    const before = keptVerdictCount();
    fc.assert(
      fc.property(fc.array(editsOf(PIECES, 80), { minLength: 1, maxLength: 6 }), (series) => {
        let text = BASE;
        let got: LintResult | undefined;
        for (const e of series) {
          text = applyEdit(text, e);
          got = warm.lint(text, { path: 'sticky.md' });
        }
        assert.deepEqual(only(got!), only(new Engine({ rules: [sticky(true)] }).lint(text, { path: 'fresh.md' })));
      }),
      { numRuns: 80, seed: 31 },
    );
    assert.ok(keptVerdictCount() - before > 100, `verdicts kept: ${keptVerdictCount() - before}`);
  });

  it('a quotation closed after a kept edit in its paragraph takes the edit out of the fixes (the block changed)', () => {
    // The sticky rule's edit before the edit point is the same object at the same offset, and the text before it is
    // the same; its paragraph is not: the quotation now holds it, so the guard drops the fix, as a fresh engine does.
    const open = 'First paragraph.\n\nShe said: “we meet in order to talk, and then we go home.\n\nLast paragraph.\n';
    const closed = open.replace('talk,', 'talk”,');
    const warm = new Engine({ rules: [sticky(false)] });
    const a = warm.lint(open, { path: 'quote.md' }).findings.filter((f) => f.ruleId === 'test/sticky-fix');
    assert.equal(a.length, 1);
    assert.equal(a[0]!.fixes.length, 1, 'no quotation yet: the fix is offered');
    const b = warm.lint(closed, { path: 'quote.md' }).findings.filter((f) => f.ruleId === 'test/sticky-fix');
    const fresh = new Engine({ rules: [sticky(false)] }).lint(closed, { path: 'fresh-quote.md' }).findings.filter((f) => f.ruleId === 'test/sticky-fix');
    assert.equal(fresh[0]!.fixes.length, 0, 'quoted: no fix');
    assert.deepEqual(b.map((f) => f.fixes.length), fresh.map((f) => f.fixes.length));
  });
});
