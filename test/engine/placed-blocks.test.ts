/**
 * After an edit, the engine hands the document rules the same placed block for every block before the
 * edit (the same place), and for every block after it the same analysis (sentences, counts, facts: what
 * per-block and per-run memos are keyed by, see rules/block-runs.ts) in objects of its own at its new
 * place: the last check's result keeps its places. The line index is patched around the edit. Whatever
 * is kept, the result is that of a check from scratch.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine, guardLookup, lastStartAtOrBefore } from '../../server/src/engine/engine.js';
import { guardFixes } from '../../server/src/engine/fixes.js';
import type { Finding } from '../../server/src/engine/types.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { LineIndex } from '../../server/src/engine/offsets.js';
import { RunSlots } from '../../server/src/engine/rules/block-runs.js';
import type { AnalysedBlock } from '../../server/src/engine/rules/types.js';

const PARAGRAPHS = [
  'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente.',
  'The team interviewed twelve clients in their own homes; most had waited months for a first talk.',
  'Professionals in de wijk willen weten wat zij morgen anders kunnen doen: een vast aanspreekpunt helpt.',
  '- Een eerste gesprek binnen twee weken.\n- Een vaste contactpersoon.',
  '> "Ik wist niet waar ik moest beginnen," zei een deelnemer.',
  '| Groep | Aantal |\n| --- | --- |\n| Cliënten | 40 |',
];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 6; p++) out.push(`${PARAGRAPHS[(s + p) % PARAGRAPHS.length]} (${s}.${p})`);
  }
  return `${out.join('\n\n')}\n`;
}

/** The blocks by their text and order of occurrence (an edit changes one block's text). */
function byText(r: LintResult): Map<string, AnalysedBlock> {
  const out = new Map<string, AnalysedBlock>();
  const seen = new Map<string, number>();
  for (const b of r.blocks) {
    const n = seen.get(b.analysed.block.text) ?? 0;
    seen.set(b.analysed.block.text, n + 1);
    out.set(`${n}:${b.analysed.block.text}`, b.analysed);
  }
  return out;
}


/** Texts of line breaks of every kind, accents and emoji (for the line index's property tests). */
const lineTexts = (maxLength: number) => fc.array(fc.constantFrom('a', 'cliënt ', '😀', '\n', '\r\n', '\r', '\n\n', ' '), { maxLength }).map((xs) => xs.join(''));

/** `t` with `remove` characters at `where` (a share of its length) replaced by `insert`. */
function edited(t: string, where: number, remove: number, insert: string): string {
  const at = Math.floor(where * t.length);
  return t.slice(0, at) + insert + t.slice(Math.min(t.length, at + remove));
}

/** The runs cover the check's blocks in order, each with its blocks' section and the sum `words` gives for them. */
function assertRunsInPlace(runs: ReadonlyArray<{ from: number; to: number; section: number; value: number }>, result: LintResult, words: (r: LintResult, from: number, to: number) => number): void {
  let next = 0;
  for (const r of runs) {
    assert.equal(r.from, next);
    next = r.to;
    assert.equal(r.value, words(result, r.from, r.to));
    for (let i = r.from; i < r.to; i++) assert.equal(result.blocks[i]!.section, r.section);
  }
  assert.equal(next, result.blocks.length);
}

describe('engine: placed blocks after an edit', function () {
  this.timeout(120_000);

  it('an unchanged block keeps its analysis, and its placed block while it stays in place; the last result keeps its places', () => {
    const engine = new Engine();
    clearMarkdownCache();
    let text = report(30);
    const first = engine.lint(text, { path: 'placed.md' });
    const places = first.blocks.map((b) => [b.analysed.block.start, b.analysed.block.end, b.toDocument(0, b.analysed.block.text.length).offset]);
    const before = byText(first);
    // A word in a paragraph in the middle: everything after it moves.
    const at = text.indexOf('(14.2)');
    text = `${text.slice(0, at)}extra ${text.slice(at)}`;
    const second = engine.lint(text, { path: 'placed.md' });
    const after = byText(second);
    let kept = 0;
    let moved = 0;
    let same = 0;
    for (const [key, a] of after) {
      const old = before.get(key);
      if (!old) continue;
      if (old.sentences === a.sentences && old.counts === a.counts) kept++;
      if (old === a) same++;
      else if (a.block.start !== old.block.start) moved++;
    }
    const edited = second.blocks.find((b) => b.analysed.block.text.includes('extra'))!;
    assert.ok(![...before.values()].some((a) => a.sentences === edited.analysed.sentences), 'the edited block has an analysis of its own');
    assert.ok(kept >= second.blocks.length - 2, `analyses kept: ${kept} of ${second.blocks.length}`);
    assert.ok(same > second.blocks.length / 3, `blocks before the edit handed out again: ${same}`);
    assert.ok(moved > second.blocks.length / 3, `blocks after the edit, moved: ${moved}`);
    // Most blocks before the edit (all but those of the edited chunk) are the same placed blocks; all others have the same facts.
    const i = first.blocks.findIndex((b) => b.analysed.block.text.includes('(14.2)'));
    let placedAgain = 0;
    for (let k = 0; k < i; k++) if (second.blocks[k] === first.blocks[k]) placedAgain++;
    assert.ok(placedAgain > i - 40, `placed blocks handed out again: ${placedAgain} of ${i}`);
    for (let k = 0; k < first.blocks.length; k++) if (k !== i) assert.equal(second.blocks[k]!.facts, first.blocks[k]!.facts);
    // The first result still has its own places (an edit never moves the blocks of an earlier result).
    assert.deepEqual(
      first.blocks.map((b) => [b.analysed.block.start, b.analysed.block.end, b.toDocument(0, b.analysed.block.text.length).offset]),
      places,
    );
    // Each block's analysed block is the one this check placed (start and end in this text).
    for (const b of second.blocks) {
      const { offset } = b.toDocument(0, 0);
      assert.ok(offset >= b.analysed.block.start && offset <= b.analysed.block.end, 'offsets of this check');
    }
  });

  it('nl + en: the blocks an edit moved are the parser\'s objects, not copied; each placed block reads its own place, and the last result keeps its places', () => {
    for (const piece of ['extra ', 'more words 😀 ', 'reïntegratie van de cliënt ']) {
      const engine = new Engine();
      clearMarkdownCache();
      let text = report(20).replace(/\n/g, '\r\n');
      const first = engine.lint(text, { path: 'moved.md' });
      const places = first.blocks.map((b) => [b.blockStart, b.blockEnd, b.mapBase, b.start]);
      const at = text.indexOf('(9.3)');
      text = `${text.slice(0, at)}${piece}${text.slice(at)}`;
      const second = engine.lint(text, { path: 'moved.md' });
      const i = first.blocks.findIndex((b) => b.source.text.includes('(9.3)'));
      let shared = 0;
      for (let k = i + 1; k < first.blocks.length; k++) {
        const a = first.blocks[k]!;
        const b = second.blocks[k]!;
        // The parser's block object is shared; the placed block is the second check's own, moved by the piece.
        if (a.source === b.source) shared++;
        assert.notEqual(a, b);
        assert.deepEqual([b.blockStart, b.blockEnd, b.mapBase, b.start], [a.blockStart + piece.length, a.blockEnd + piece.length, a.mapBase + piece.length, a.start + piece.length]);
        assert.equal(b.toDocument(0, 1).offset, a.toDocument(0, 1).offset + piece.length);
      }
      assert.ok(shared > (first.blocks.length - i) / 2, `moved blocks with the parser's object: ${shared} of ${first.blocks.length - i - 1}`);
      // The first result's blocks still read the first text's places (read without a copy, and as copies).
      assert.deepEqual(first.blocks.map((b) => [b.blockStart, b.blockEnd, b.mapBase, b.start]), places);
      assert.deepEqual(first.blocks.map((b) => [b.prose.start, b.prose.end, b.prose.mapBase ?? 0]), places.map((p) => p.slice(0, 3)));
      // And the second check's blocks are those of a check from scratch.
      clearMarkdownCache();
      const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: 'fresh.md' });
      const placed = (r: LintResult) => r.blocks.map((b) => [b.prose.start, b.prose.end, b.toDocument(0, b.prose.text.length), b.prose.text]);
      assert.deepEqual(placed(second), placed(fresh));
      assert.deepEqual(second.findings, fresh.findings);
    }
  });

  it('per-run summaries (rules/block-runs.ts RunSlots) are made again only for the runs around an edit', () => {
    const engine = new Engine();
    clearMarkdownCache();
    let text = report(40);
    const slots = new RunSlots<number>();
    const summarise = (r: LintResult) => {
      let asked = 0;
      const runs = slots.runs(r.model, (from, to) => {
        asked++;
        return to - from;
      });
      assert.equal(runs.reduce((n, x) => n + x.value, 0), r.blocks.length);
      return { asked, runs: runs.length };
    };
    summarise(engine.lint(text, { path: 'runs.md' }));
    for (const mark of ['(10.3)', '(25.1)', '(39.5)']) {
      const at = text.indexOf(mark);
      text = `${text.slice(0, at)}nieuw ${text.slice(at)}`;
      const { asked, runs } = summarise(engine.lint(text, { path: 'runs.md' }));
      assert.ok(runs > 15, `runs: ${runs}`);
      assert.ok(asked <= 3, `runs summarised again after one edit: ${asked} of ${runs}`);
    }
  });

  it('per-run summaries after an edit: runs handed out again from the last call (before and after the edited stretch) only under the same context', () => {
    // RunSlots hands out its last runs where an edit left them (speed only, doc20); a summary depends on its context
    // (an option), so another context after an edit reads every run's summary for that context.
    const engine = new Engine();
    let text = report(30);
    const slots = new RunSlots<string>();
    const ask = (r: LintResult, context: string) => slots.runs(r.model, (from, to) => `${context}:${to - from}`, context);
    const check = (r: LintResult, context: string) => {
      const runs = ask(r, context);
      for (const x of runs) assert.equal(x.value, `${context}:${x.to - x.from}`);
      assert.equal(runs[runs.length - 1]!.to, r.blocks.length);
    };
    check(engine.lint(text, { path: 'context-runs.md' }), 'a');
    for (const [mark, context] of [['(12.3)', 'a'], ['(20.1)', 'b'], ['(5.2)', 'b'], ['(7.4)', 'a']] as const) {
      const at = text.indexOf(mark);
      text = `${text.slice(0, at)}nieuw ${text.slice(at)}`;
      check(engine.lint(text, { path: 'context-runs.md' }), context);
    }
  });

  it('per-run summaries: a run at the same place with the same blocks is the same object after an edit; places and sums are those of the blocks of the check', () => {
    const engine = new Engine();
    let text = report(30);
    const slots = new RunSlots<number>();
    const words = (r: LintResult, from: number, to: number) => {
      let n = 0;
      for (let i = from; i < to; i++) n += r.blocks[i]!.analysed.counts.words;
      return n;
    };
    let result = engine.lint(text, { path: 'same-runs.md' });
    let runs = slots.runs(result.model, (from, to) => words(result, from, to));
    for (const [mark, piece] of [['(12.3)', 'nieuw '], ['(20.1)', 'more words here '], ['(5.2)', '\n\nEen nieuwe alinea.\n\n'], ['(7.4)', 'ook '], ['(9.1)', 'ook ']] as const) {
      const at = text.indexOf(mark);
      text = `${text.slice(0, at)}${piece}${text.slice(at)}`;
      const before = runs;
      const blocksBefore = result.blocks.length;
      result = engine.lint(text, { path: 'same-runs.md' });
      runs = slots.runs(result.model, (from, to) => words(result, from, to));
      // (Runs are cut by the blocks' identities, so another engine cuts elsewhere: compared with this check's blocks.)
      assertRunsInPlace(runs, result, words);
      // (The mark "(7.4)" is a table cell without a letter, no block: "ook " makes it one, without a line break.)
      if (mark === '(7.4)') assert.equal(result.blocks.length, blocksBefore + 1);
      if (!piece.includes('\n') && result.blocks.length === blocksBefore) {
        // No block added or removed: every run but those cut again around the edited block (the run that holds it and
        // its neighbours, which may be cut elsewhere by the edited block's new identity) is the object handed out before.
        const earlier = new Set(before);
        const same = runs.filter((r) => earlier.has(r)).length;
        assert.ok(same >= runs.length - 4 && same > 10, `same run objects: ${same} of ${runs.length}`);
      }
    }
  });

  it('per-run summaries: change() says which runs an edit left as they were, before and after the edited stretch (fast-check)', () => {
    // A rule that keeps what it combined from the runs corrects it by change(): the previous runs between `before` and
    // `after` go, the new ones between come; the rest are the previous runs (moved, after the stretch).
    const engine = new Engine();
    const pieces = ['extra ', '\n\n', '\n\n## Nieuw hoofdstuk\n\n', 'Het UWV hielp. ', '', '😀 reïntegratie '];
    const slots = new RunSlots<number>();
    const words = (r: LintResult, from: number, to: number) => {
      let n = 0;
      for (let i = from; i < to; i++) n += r.blocks[i]!.analysed.counts.words;
      return n;
    };
    let text = report(12);
    let result = engine.lint(text, { path: 'change-runs.md' });
    let runs = slots.runs(result.model, (from, to) => words(result, from, to));
    assert.equal(slots.change(), undefined, 'a first call: every run is new');
    let total = runs.reduce((n, r) => n + r.value, 0);
    let corrected = 0;
    fc.assert(
      fc.property(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 60 }), fc.constantFrom(...pieces)), ([where, remove, piece]) => {
        const at = Math.floor(where * text.length);
        text = text.slice(0, at) + piece + text.slice(Math.min(text.length, at + remove));
        const before = runs;
        result = engine.lint(text, { path: 'change-runs.md' });
        runs = slots.runs(result.model, (from, to) => words(result, from, to));
        const change = slots.change();
        const fresh = runs.reduce((n, r) => n + r.value, 0);
        // Every run handed out (also those copied from the last call: doc32) in its place, section and sum of this check.
        assertRunsInPlace(runs, result, words);
        if (change) {
          corrected++;
          assert.equal(change.previous, before);
          for (let k = 0; k < change.before; k++) assert.equal(runs[k], before[k]);
          for (let k = 1; k <= change.after; k++) assert.equal(runs[runs.length - k]!.value, before[before.length - k]!.value);
          for (let k = change.before; k < before.length - change.after; k++) total -= before[k]!.value;
          for (let k = change.before; k < runs.length - change.after; k++) total += runs[k]!.value;
        } else total = fresh;
        assert.equal(total, fresh);
      }),
      { numRuns: 60, seed: 23 },
    );
    assert.ok(corrected > 30, `edits described by change(): ${corrected} of 60`);
  });

  it('random edits: the same findings, sections, metrics and block places as a check from scratch (fast-check)', () => {
    const engine = new Engine();
    const pieces = ['extra ', '\n\n', '\n\n## Nieuw hoofdstuk\n\n', 'Het UWV hielp. ', '"Ik begreep het niet," zei zij. ', '- punt\n', '', '😀 reïntegratie '];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 60 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }), (edits) => {
        let text = report(8);
        engine.lint(text, { path: 'random.md' });
        let last: LintResult | undefined;
        for (const [where, remove, piece] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + piece + text.slice(Math.min(text.length, at + remove));
          last = engine.lint(text, { path: 'random.md' });
        }
        clearMarkdownCache();
        const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: 'fresh.md' });
        assert.deepEqual(last!.findings, fresh.findings);
        assert.deepEqual(last!.sections, fresh.sections);
        assert.deepEqual(last!.metrics, fresh.metrics);
        assert.deepEqual(last!.paragraphs, fresh.paragraphs);
        assert.deepEqual(
          last!.blocks.map((b) => [b.analysed.block.start, b.analysed.block.end, b.section, b.toDocument(0, b.analysed.block.text.length), b.start]),
          fresh.blocks.map((b) => [b.analysed.block.start, b.analysed.block.end, b.section, b.toDocument(0, b.analysed.block.text.length), b.start]),
        );
        // A block's start (a moved block's taken from its counterpart) is where its text starts by its map; its range and
        // base read without a copy are those of this check's block, and its source is that block but for its place.
        for (const b of last!.blocks) {
          assert.equal(b.start, b.toDocument(0, 0).offset);
          assert.deepEqual([b.blockStart, b.blockEnd, b.mapBase], [b.prose.start, b.prose.end, b.prose.mapBase ?? 0]);
          assert.deepEqual([b.source.text, b.source.kind, b.source.map, b.source.level, !!b.source.skip], [b.prose.text, b.prose.kind, b.prose.map, b.prose.level, !!b.prose.skip]);
        }
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('the line index patched after an edit equals one made from scratch (LF, CRLF, lone CR, emoji)', () => {
    const text = lineTexts(60);
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 8 }), text), { minLength: 1, maxLength: 5 }), (start, edits) => {
        let t = start;
        let index = new LineIndex(t);
        for (const [where, remove, insert] of edits) {
          t = edited(t, where, remove, insert);
          index = LineIndex.afterEdit(index, t);
          const fresh = new LineIndex(t);
          assert.equal(index.lineCount, fresh.lineCount);
          for (let l = 0; l < fresh.lineCount; l++) assert.equal(index.lineStart(l), fresh.lineStart(l));
          // Plain (no CR, no surrogate: nothing a range could split) only when it is.
          if (index.plain) assert.ok(fresh.plain, 'a text with a CR or a surrogate is not plain');
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('the line index after many edits, most without a line break (its starts read through shifts), equals one made from scratch, line starts and positions', () => {
    const text = lineTexts(80);
    const piece = fc.oneof(fc.constantFrom('', 'ook ', 'x', 'woord en zin '), fc.constantFrom('', 'ook ', 'x', 'woord en zin '), text);
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 6 }), piece), { minLength: 1, maxLength: 80 }), (start, edits) => {
        let t = start;
        let index = new LineIndex(t);
        for (const [where, remove, insert] of edits) {
          t = edited(t, where, remove, insert);
          index = LineIndex.afterEdit(index, t);
        }
        const fresh = new LineIndex(t);
        assert.equal(index.lineCount, fresh.lineCount);
        for (let l = 0; l < fresh.lineCount; l++) assert.equal(index.lineStart(l), fresh.lineStart(l));
        for (let o = 0; o <= t.length; o++) assert.deepEqual(index.position(o), fresh.position(o));
        for (let l = 0; l < fresh.lineCount; l++) assert.equal(index.offsetAt(l, 3), fresh.offsetAt(l, 3));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the fix guard gives the same verdicts with the engine\'s look-up near each edit as with all blocks as a list (fast-check)', () => {
    const text = report(6);
    const result = new Engine().lint(text, { path: 'guard.md' });
    const edits = fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 30 }), fc.constantFrom('', 'ander', 'de cliënt', 'x\ny', '*')), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(edits, (list) => {
        const make = (): Finding[] =>
          list.map(([at, len, newText], i) => ({
            ruleId: 'test/guard',
            severity: 'info',
            message: { en: `${i}`, nl: `${i}` },
            offset: at,
            endOffset: Math.min(text.length, at + len),
            fixes: [{ title: { en: 'fix', nl: 'fix' }, kind: 'safe', preferred: true, edits: [{ offset: at, endOffset: Math.min(text.length, at + len), newText }] }],
          })) as Finding[];
        const all = result.blocks.map((b) => ({ block: b.analysed.block, language: b.analysed.language, base: b.analysed.block.mapBase ?? 0, shift: 0 }));
        const a = guardFixes(text, make(), all, 'markdown');
        const near = make();
        const b = guardFixes(text, near, guardLookup(result.blocks, 0), 'markdown');
        assert.deepEqual(b, a);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('the last block that starts at or before an offset, searched from any guess, is the one a scan finds (fast-check)', () => {
    const result = new Engine().lint(report(3), { path: 'search.md' });
    const blocks = result.blocks;
    const end = blocks[blocks.length - 1]!.prose.end;
    fc.assert(
      fc.property(fc.integer({ min: -5, max: end + 5 }), fc.integer({ min: -1, max: blocks.length + 2 }), (offset, from) => {
        let scan = -1;
        for (let i = 0; i < blocks.length; i++) if (blocks[i]!.prose.start <= offset) scan = i;
        assert.equal(lastStartAtOrBefore(blocks, offset, from), scan);
      }),
      { numRuns: 500, seed: 5 },
    );
    assert.equal(lastStartAtOrBefore([], 10, 0), -1);
  });
});
