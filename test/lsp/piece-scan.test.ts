/**
 * engine/incremental.ts `PieceScan`: the abbreviations a document defines, found paragraph by
 * paragraph and kept across edits (an edit rescans only its own paragraph), must be those one scan
 * of the whole text finds, in the same order, whatever the edits: definitions typed or broken,
 * paragraphs split or joined, CRLF, blank lines with spaces, list lines at a paragraph's start.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { definedAbbreviations } from '../../server/src/engine/vocabulary/abbreviations.js';
import { PieceScan } from '../../server/src/engine/incremental.js';

const DEV = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'dev');

const PARTS = [
  '# Method\n\nWe spoke with Social Enterprises (SEs) and the Local Authority (LA) about debts.',
  'PD (persoon met dementie) en hun naasten; de GGD (Gemeentelijke Gezondheidsdienst) hielp.',
  '- `PD` persoon met dementie\n- **SROI** – social return on investment\nUWV: Uitvoeringsinstituut Werknemersverzekeringen',
  'A table:\n\n| NGO | non-governmental organisation |\n|---|---|\n\nThe NGO (A1) and the EHC plan (Education, Health and Care).',
  '```\nCODE (Chunk Of Data Exchange)\n```',
];

function devText(): string {
  for (const f of ['en/chc-public-involvement-engagement.md', 'nl/orion-dementie-nachtrust-ucd.md']) {
    const p = join(DEV, f);
    if (existsSync(p)) return readFileSync(p, 'utf8').slice(0, 30000);
  }
  return '';
}

const INSERTS = [' (SE)', 'Social Enterprise', '(', ')', '\n', '\n\n', '\r\n\r\n', '\n \t\n', 'ABC: a list line\n', '`XY` ex why\n', ' ', 'x', 'CBV (consent-based verification)', '- '];

/** Entries in order, so the two maps are compared as lists. */
const entries = (m: Map<string, string>) => [...m];

describe('lsp: definitions found per paragraph and kept across edits (engine/incremental.ts PieceScan)', function () {
  this.timeout(30000);
  it('equal one scan of the whole text after random edits of a dev-like document', () => {
    const base = `${PARTS.join('\n\n')}\n\n${devText()}\n\n${PARTS.join('\n\n').replace(/\n/g, '\r\n')}`;
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.constantFrom(...INSERTS) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let text = base;
        // Each version is checked twice, as the engine does: once kept per paragraph (a key-less call) and once from scratch.
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          assert.deepEqual(entries(definedAbbreviations(text)), entries(definedAbbreviations(text, {})));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds the definitions of every dev-corpus file as one scan does', () => {
    for (const f of ['en/chc-public-involvement-engagement.md', 'en/cbv-pilots-july-2025-data-update.md', 'en/teaching-tech-together-book.tex', 'en/lessig-free-culture-book.md']) {
      const p = join(DEV, f);
      if (!existsSync(p)) continue;
      const text = readFileSync(p, 'utf8');
      const whole = definedAbbreviations(text, {});
      assert.deepEqual(entries(definedAbbreviations(text)), entries(whole), f);
    }
    assert.equal(definedAbbreviations(PARTS.join('\n\n')).get('LA'), 'local authority');
    assert.equal(definedAbbreviations(PARTS.join('\n\n')).get('GGD'), 'gemeentelijke gezondheidsdienst');
    assert.equal(definedAbbreviations(PARTS.join('\n\n')).get('UWV'), 'uitvoeringsinstituut werknemersverzekeringen');
  });

  it('gives the paragraphs of a fresh scan after random edits, reusing those before and after the edit', () => {
    // A short text, so that edits often fall at a blank line's edges.
    const bases = [`${PARTS.join('\n\n')}\n \t\n\n${PARTS.slice(0, 2).join('\r\n\r\n')}\n\n`, `\n\n${devText().slice(0, 3000)}`];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 4 }), insert: fc.constantFrom('\n', '\n\n', '\r\n', ' ', '\t', ' \n', 'x', '\r', '', 'SE (x)') });
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 30 }), (base, edits) => {
        const kept = new PieceScan((piece: string) => piece);
        let text = base;
        let before = [...kept.pieces(text)];
        assert.equal(kept.lastChange(), undefined);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const previous = text;
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          const now = kept.pieces(text);
          assert.deepEqual(now, new PieceScan((piece: string) => piece).pieces(text));
          // lastChange says how the results differ from the text before: one stretch of them replaced, the rest the same.
          const change = kept.lastChange()!;
          assert.equal(change.previous, previous);
          const i = change.at;
          assert.deepEqual([...before.slice(0, i), ...change.added, ...before.slice(i + change.removed.length)], now);
          assert.deepEqual(before.slice(i, i + change.removed.length), change.removed);
          before = [...now];
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a long paragraph (an embedded image) by a short key: the same results as a fresh scan after random edits, and no copy of its text (fast-check)', () => {
    const image = (n: number) => `![Diagram met antwoorden](data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAA'.repeat(n)})`;
    const base = [PARTS[0], image(200), PARTS[1], image(400), 'SE (x)', image(170), PARTS[2]].join('\n\n');
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.constantFrom('\n\n', 'x', '', 'SE (x)', '\n\nSE (x)\n\n', 'AAAA') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
        let scanned = 0;
        const kept = new PieceScan((piece: string) => (scanned++, piece));
        const state = kept as unknown as { byText: Map<string, unknown>; spare: Map<string, unknown> };
        let text = base;
        kept.pieces(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          assert.deepEqual(kept.pieces(text), new PieceScan((piece: string) => piece).pieces(text));
          // The keys are the short paragraphs' texts and ~30 characters for a long one, never a long text.
          for (const key of [...state.byText.keys(), ...state.spare.keys()]) assert.ok(key.length < 4096, `a key of ${key.length} characters`);
        }
        // The first text again: every paragraph, the long ones too, is found by its key (none scanned again).
        const before = scanned;
        kept.pieces(base);
        assert.equal(scanned, before);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps by text exactly the paragraphs of the last text, whatever the edits and texts in between (fast-check)', () => {
    // The lists and the map are corrected where an edit changed the paragraphs (session 26): no entry of a paragraph that
    // went stays counted, none that came is missing; two documents in turn find each other's entries again.
    const other = `${PARTS.slice(2).join('\n\n')}\n\nSE (x)\n\nSE (x)`;
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.constantFrom('\n', '\n\n', 'x', '', 'SE (x)', '\n\nSE (x)\n\n'), switch: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        let scanned = 0;
        const kept = new PieceScan((piece: string) => (scanned++, piece));
        const state = kept as unknown as { byText: Map<string, { count: number }> };
        let text = `${PARTS.join('\n\n')}\n\nSE (x)\n\n${PARTS[0]}`;
        kept.pieces(text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          const paragraphs = kept.pieces(text);
          assert.deepEqual([...state.byText.keys()].sort(), [...new Set(paragraphs)].sort());
          for (const p of new Set(paragraphs)) assert.equal(state.byText.get(p)!.count, paragraphs.filter((x) => x === p).length, p);
          if (e.switch) {
            // Another document and back: the first text's paragraphs are not scanned again.
            kept.pieces(other);
            const before = scanned;
            assert.deepEqual(kept.pieces(text), new PieceScan((piece: string) => piece).pieces(text));
            assert.equal(scanned, before);
          }
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('keeps no more old versions of an edited paragraph than the text has characters (a long embedded image)', () => {
    // Each edit of a long paragraph sends its last version spare; 200 edits of a 100,000-character paragraph kept all 200
    // versions (20 million characters) before session 27. Now the spare paragraphs stay within the last text's
    // characters (at least 262,144), the oldest going first, and a paragraph typed back is still found again.
    const long = `![figure](data:image/png;base64,${'QUJD'.repeat(25_000)}) Figuur 1 toont de wijk.`;
    let text = `${PARTS.join('\n\n')}\n\n${long}\n\nSE (x)`;
    let scanned = 0;
    const kept = new PieceScan((piece: string) => (scanned++, piece));
    kept.pieces(text);
    const at = text.indexOf('Figuur 1');
    for (let i = 0; i < 200; i++) {
      text = `${text.slice(0, at)}${i % 10}${text.slice(at + 1)}`;
      assert.deepEqual(kept.pieces(text), new PieceScan((piece: string) => piece).pieces(text));
      const k = kept.kept();
      assert.ok(k.spareChars <= Math.max(262_144, k.paragraphChars), `${i}: ${k.spareChars} characters spare`);
    }
    // The last few versions are spare: typing one back scans nothing.
    const before = scanned;
    text = `${text.slice(0, at)}8${text.slice(at + 1)}`;
    kept.pieces(text);
    assert.equal(scanned, before);
  });

  it('keeps the paragraphs small edits removed among the 64 most recent (nl, en), a whole other text\'s all', () => {
    // Session 35: each edit of a paragraph sent its old version spare, and a session of edits kept one for every
    // paragraph it edited, up to as many as the text has. Now a small edit's paragraphs wait among the newest 64.
    let scanned = 0;
    const kept = new PieceScan((piece: string) => (scanned++, piece));
    const paragraph = (i: number, mark = '') => (i % 2 ? `De cliënt ${i}${mark} krijgt hulp bij schulden.` : `The client ${i}${mark} gets help with debts.`);
    const textWith = (edited: number) => Array.from({ length: 300 }, (_, i) => paragraph(i, i < edited ? 'b' : '')).join('\n\n');
    kept.pieces(textWith(0));
    for (let i = 1; i <= 200; i++) kept.pieces(textWith(i));
    assert.ok(kept.kept().spare <= 64, `${kept.kept().spare} old paragraphs kept`);
    // The last edit undone: its paragraph is found again, not scanned.
    let before = scanned;
    kept.pieces(textWith(199));
    assert.equal(scanned, before);
    // An edit long ago undone: scanned again (its old version went).
    const current = textWith(199).replace(paragraph(3, 'b'), paragraph(3));
    kept.pieces(current);
    assert.equal(scanned, before + 1);
    // Another document and back: the first text's paragraphs all wait spare, none is scanned again.
    kept.pieces(Array.from({ length: 50 }, (_, i) => `Een ander rapport, alinea ${i}. Another report, paragraph ${i}.`).join('\n\n'));
    before = scanned;
    assert.deepEqual(kept.pieces(current), new PieceScan((piece: string) => piece).pieces(current));
    assert.equal(scanned, before);
  });

  it('gives the paragraphs of a fresh scan after any one-character edit at any place of a short text', () => {
    for (const base of ['a\n\n b\n \n\nc\r\n\r\nd \n\t\ne', '\n\nx\n\n\n', 'p\n\nq']) {
      for (let at = 0; at <= base.length; at++) {
        for (const [insert, remove] of [['\n', 0], [' ', 0], ['\r', 0], ['x', 0], ['', 1], ['\n', 1], ['x', 1]] as const) {
          const kept = new PieceScan((piece: string) => piece);
          kept.pieces(base);
          const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + remove));
          assert.deepEqual(kept.pieces(text), new PieceScan((piece: string) => piece).pieces(text), JSON.stringify(text));
        }
      }
    }
  });
});
