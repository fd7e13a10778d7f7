import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LINE_INDEX_COPIES, LineIndex, toDocument, BlockTextBuilder } from '../../server/src/engine/offsets.js';
import type { Finding, LintResult } from '../../server/src/index.js';
import { assertInside, md as mdDefaults, txt as txtDefaults, of, flagged, PROBES } from './helpers.js';
import type { LintOptions } from '../../server/src/index.js';

// The rules' probes on (see PROBES): these tests are about positions, not about what is shown by default.
const md = (text: string, options: LintOptions = {}) => mdDefaults(text, { config: PROBES, ...options });
const txt = (text: string, options: LintOptions = {}) => txtDefaults(text, { config: PROBES, ...options });

/** Offset in `lf` → offset in `bom + lf with CRLF`. */
function shifter(lf: string, bom: boolean): (o: number) => number {
  const before: number[] = new Array(lf.length + 1);
  let n = 0;
  for (let i = 0; i <= lf.length; i++) {
    before[i] = n;
    if (lf.charCodeAt(i) === 10) n++;
  }
  return (o) => o + before[o]! + (bom ? 1 : 0);
}

function keys(r: LintResult, map: (o: number) => number = (o) => o): string[] {
  return r.findings.map((f: Finding) => `${f.ruleId}@${map(f.offset)}-${map(f.endOffset)}`);
}

const LONG_NL = 'De klantmanager 😀 van de gemeente belt de cliënt 👩‍👩‍👧 binnen vijf werkdagen op en gaat langs als er niemand opneemt, en laat dan een kaart met een naam en een nummer achter.';

describe('exact positions (UTF-16 offsets)', () => {
  const doc = [
    '# Rapport 😀 over reïntegratie',
    '',
    `De cliënt 👩‍👩‍👧 wordt bij de reïntegratie beoordeeld en daarna wordt zij een jaar gevolgd. ${LONG_NL}`,
    '',
    'Het verstrekken van informatie vindt plaats via de NVVK.',
    '',
  ].join('\n');

  for (const [label, lf] of [['Markdown', 'doc.md'], ['plain text', 'doc.txt']] as const) {
    it(`${label}: every finding's slice is exactly the flagged words (emoji, accents)`, () => {
      const r = lf === 'doc.md' ? md(doc) : txt(doc);
      assertInside(r, doc);
      assert.deepEqual(flagged(r, doc, 'readability/passive-voice'), ['wordt bij de reïntegratie beoordeeld']);
      assert.deepEqual(flagged(r, doc, 'readability/long-sentence'), [LONG_NL]);
      assert.deepEqual(flagged(r, doc, 'readability/nominalization'), ['Het verstrekken van', 'vindt plaats']);
      assert.deepEqual(flagged(r, doc, 'readability/undefined-abbreviation'), ['NVVK']);
    });

    it(`${label}: CRLF line endings and a BOM give the same findings, shifted`, () => {
      const crlf = '\uFEFF' + doc.replace(/\n/g, '\r\n');
      const a = lf === 'doc.md' ? md(doc) : txt(doc);
      const b = lf === 'doc.md' ? md(crlf) : txt(crlf);
      assert.ok(a.findings.length >= 5);
      assert.deepEqual(keys(b), keys(a, shifter(doc, true)));
      assertInside(b, crlf);
      // The flagged text itself is the same.
      assert.deepEqual(flagged(b, crlf, 'readability/long-sentence'), [LONG_NL]);
      assert.deepEqual(flagged(b, crlf, 'readability/undefined-abbreviation'), ['NVVK']);
      assert.deepEqual(b.metrics, a.metrics);
    });
  }

  it('a BOM is counted in offsets: sections, paragraphs and findings all move by one', () => {
    const a = md(doc);
    const b = md('\uFEFF' + doc);
    assert.deepEqual(keys(b), keys(a, (o) => o + 1));
    assert.deepEqual(b.sections.map((s) => [s.offset, s.endOffset, s.contentEnd, s.line]), a.sections.map((s) => [s.offset + 1, s.endOffset + 1, s.contentEnd + 1, s.line]));
    assert.deepEqual(b.paragraphs.map((p) => p.offset), a.paragraphs.map((p) => p.offset + 1));
  });

  it('a long sentence that spans lines (soft breaks, CRLF) is flagged from its first to its last character', () => {
    const sentence = LONG_NL.replace(' van de gemeente', '\r\nvan de gemeente').replace(' als er', '\r\nals er');
    const text = `# Titel\r\n\r\n${sentence}\r\n`;
    for (const r of [md(text), txt(text)]) assert.deepEqual(flagged(r, text, 'readability/long-sentence'), [sentence], r.format);
  });

  it('Markdown escapes and entities inside a flagged phrase map back to the source', () => {
    const text = '# Titel\n\nDe aanvraag wordt \\*snel\\* beoordeeld &amp; verzonden.\n';
    const r = md(text);
    assert.deepEqual(flagged(r, text, 'readability/passive-voice'), ['wordt \\*snel\\* beoordeeld']);
  });

  it('emphasis and links inside a sentence do not shift the sentence range', () => {
    const sentence = 'De klantmanager van de **gemeente** belt de [cliënt](https://example.org/c) binnen vijf werkdagen op en gaat langs als er niemand opneemt, en laat dan een *kaart* met een naam en een nummer achter.';
    const text = `# Titel\n\n${sentence}\n`;
    assert.deepEqual(flagged(md(text), text, 'readability/long-sentence'), [sentence]);
  });
});

describe('offsets: toDocument and LineIndex', () => {
  it('maps verbatim segments one to one and whole segments to their ends', () => {
    const map = [{ t: 0, tl: 4, d: 10, dl: 4 }, { t: 4, tl: 1, d: 14, dl: 6 }, { t: 5, tl: 3, d: 20, dl: 3 }];
    assert.equal(toDocument(map, 0, 'start'), 10);
    assert.equal(toDocument(map, 2, 'start'), 12);
    assert.equal(toDocument(map, 4, 'start'), 14);
    assert.equal(toDocument(map, 5, 'end'), 20, 'the end of a whole segment is its document end');
    assert.equal(toDocument(map, 4, 'end'), 14, 'a range ending at a boundary stays in the earlier segment');
    assert.equal(toDocument(map, 6, 'start'), 21);
    assert.equal(toDocument(map, 8, 'end'), 23);
    assert.equal(toDocument([], 3, 'start'), 0);
  });

  it('BlockTextBuilder aligns escapes, entities and folded line endings', () => {
    const source = 'a\\*b &amp; c\r\n  d';
    const b = new BlockTextBuilder();
    b.addAligned('a*b & c d', source, 100);
    assert.equal(b.text, 'a*b & c d');
    // Every character of the text maps into the source range.
    for (let i = 0; i < b.text.length; i++) {
      const s = toDocument(b.map, i, 'start');
      const e = toDocument(b.map, i + 1, 'end');
      assert.ok(s >= 100 && e <= 100 + source.length && s < e, `char ${i} → [${s}, ${e})`);
    }
    assert.equal(source.slice(toDocument(b.map, 1, 'start') - 100, toDocument(b.map, 2, 'end') - 100), '\\*');
    assert.equal(source.slice(toDocument(b.map, 4, 'start') - 100, toDocument(b.map, 5, 'end') - 100), '&amp;');
    assert.equal(source.slice(toDocument(b.map, 6, 'start') - 100, toDocument(b.map, 7, 'end') - 100), 'c', 'text after the entity stays exact');
    assert.equal(source.slice(toDocument(b.map, 8, 'start') - 100, toDocument(b.map, 9, 'end') - 100), 'd');
  });

  it('BlockTextBuilder: escaped backslashes, numeric entities and astral entities', () => {
    const cases: Array<[string, string, string[]]> = [
      ['a\\\\b c', 'a\\b c', ['a', '\\\\', 'b', ' ', 'c']],
      ['x &#233;t&#x1F600; y', 'x ét😀 y', ['x', ' ', '&#233;', 't', '&#x1F600;', ' ', 'y']],
      ['A & B &foo; C', 'A & B &foo; C', ['A', ' ', '&', ' ', 'B', ' ', '&', 'f', 'o', 'o', ';', ' ', 'C']],
    ];
    for (const [source, value, pieces] of cases) {
      const b = new BlockTextBuilder();
      b.addAligned(value, source, 0);
      assert.equal(b.text, value);
      const got: string[] = [];
      for (let i = 0; i < value.length; ) {
        const n = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        got.push(source.slice(toDocument(b.map, i, 'start'), toDocument(b.map, i + n, 'end')));
        i += n;
      }
      assert.deepEqual(got, pieces, source);
    }
  });

  it('LineIndex counts \\n, \\r\\n and \\r line endings and UTF-16 characters', () => {
    const text = 'a😀b\r\ncd\ref\ng';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.position(3), { line: 0, character: 3 }, 'after the emoji (two code units)');
    assert.deepEqual(li.position(6), { line: 1, character: 0 });
    assert.deepEqual(li.position(9), { line: 2, character: 0 });
    assert.deepEqual(li.position(12), { line: 3, character: 0 });
    assert.equal(li.offsetAt(1, 1), 7);
    assert.equal(li.offsetAt(0, 99), 4, 'clamped to the end of the line, before \\r\\n');
    assert.equal(li.offsetAt(9, 0), text.length);
    for (let o = 0; o <= text.length; o++) {
      const p = li.position(o);
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(li.offsetAt(p.line, p.character), o, `offset ${o}`);
    }
  });
});

describe('offsets: LineIndex.afterEdit', () => {
  const same = (index: LineIndex, text: string, what: string) => {
    const fresh = new LineIndex(text);
    assert.equal(index.lineCount, fresh.lineCount, `${what}: line count`);
    for (let i = 0; i < fresh.lineCount; i++) assert.equal(index.lineStart(i), fresh.lineStart(i), `${what}: line ${i}`);
    assert.deepEqual(index.pairMiddles, fresh.pairMiddles, `${what}: pair middles`);
  };
  // Pieces with every line ending, accents and astral characters (a surrogate pair an edit may split).
  const PIECES = ['a', 'cliënt ', 'word ', '\n', '\r\n', '\r', '😀', 'reïntegratie', ' ', '\n\n'];

  it('gives the line starts of the new text after any series of edits (LF, CRLF, CR, emoji, accents; edits at line starts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        (start, edits) => {
          let text = start.join('');
          let index = new LineIndex(text);
          for (const [at, cut, put] of edits) {
            const from = text.length ? at % (text.length + 1) : 0;
            const to = Math.min(text.length, from + cut);
            text = text.slice(0, from) + put.join('') + text.slice(to);
            index = LineIndex.afterEdit(index, text);
            same(index, text, JSON.stringify(text));
          }
        },
      ),
      { numRuns: 400, seed: 34 },
    );
  });

  for (const [lang, line] of [
    ['nl', 'De klantmanager belt de cliënt binnen vijf werkdagen op.'],
    ['en', 'The case worker calls the client 😀 within five working days.'],
  ] as const) {
    it(`${lang}: an edit of the first word of a line (LF or CRLF before it) makes no copy of every line start`, () => {
      for (const eol of ['\n', '\r\n']) {
        let text = Array.from({ length: 200 }, () => line).join(eol);
        let index = new LineIndex(text);
        const copies = LINE_INDEX_COPIES.count;
        for (let k = 1; k <= 20; k++) {
          // The first word of line 9k: a letter added, or one taken away (the text after it moves).
          const at = index.lineStart(k * 9);
          const word = text.slice(at, text.indexOf(' ', at));
          text = `${text.slice(0, at)}${k % 2 ? `${word}x` : word.slice(1)}${text.slice(at + word.length)}`;
          index = LineIndex.afterEdit(index, text);
          same(index, text, `edit ${k}`);
        }
        // (A fold of the shifts after 32 edits at different lines is a copy too: 20 edits make none.)
        assert.equal(LINE_INDEX_COPIES.count, copies, `${JSON.stringify(eol)}: no copy of the line starts`);
      }
    });
  }
});

describe('offsets: property tests (fast-check)', () => {
  const sentences = [
    'De klantmanager belt de inwoner binnen vijf werkdagen.',
    'Er wordt door de gemeente gekeken naar de gegevens van de cliënt.',
    'Het verstrekken van informatie vindt plaats via de NVVK.',
    'De Wet gemeentelijke schuldhulpverlening (Wgs) geldt sinds 2021.',
    'Dat is zo.',
    'Zie tabel 2.',
    LONG_NL,
    'The data were analysed by the team and a decision was made.',
    'Caseworkers make a decision on funding with the DWP.',
    'Het UWV betaalde in 2023 ruim 1,5 mln. euro uit.',
    'Hij zei: "Ik weet het niet."',
    'De cliënt 👩‍👩‍👧 wil reïntegratie 😀.',
  ];
  const decorations = ['', '😀 ', '👩‍👩‍👧 ', 'é', '**', '`code` ', '<https://example.org> ', '$x^2$ '];
  const dutch = fc.tuple(fc.constantFrom(...sentences.filter((s) => !/^(The|Caseworkers)/.test(s))), fc.constantFrom(...decorations)).map(([s, d]) => (d ? `${d}${s}` : s));
  const sentence = fc.tuple(fc.constantFrom(...sentences), fc.constantFrom(...decorations)).map(([s, d]) => (d ? `${d}${s}` : s));
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(' '));
  const heading = fc.constantFrom('# Samenvatting', '## Methode', '## Results', '### 3.2 Resultaten', 'Inleiding', '## Literatuur');
  const piece = fc.oneof({ arbitrary: paragraph, weight: 4 }, { arbitrary: heading, weight: 1 }, { arbitrary: paragraph.map((p) => `- ${p}`), weight: 1 }, { arbitrary: fc.constant('<!-- brug-disable-next-line -->'), weight: 1 });
  const document = fc.record({
    pieces: fc.array(piece, { minLength: 1, maxLength: 10 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    blank: fc.constantFrom('\n\n', '\n', '\n\n\n'),
  }).map(({ pieces, crlf, bom, blank }) => {
    const text = pieces.join(blank) + '\n';
    return { lf: text, text: (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text), crlf, bom };
  });

  for (const path of ['doc.md', 'doc.txt']) {
    it(`${path}: random prose documents never throw and every finding lies inside the text`, () => {
      fc.assert(
        fc.property(document, ({ text }) => {
          const r = path === 'doc.md' ? md(text) : txt(text);
          assertInside(r, text);
          assert.deepEqual(r.errors, []);
          for (const s of r.sections) assert.ok(s.offset >= 0 && s.offset <= s.endOffset && s.endOffset <= s.contentEnd && s.contentEnd <= text.length);
          for (const p of r.paragraphs) assert.ok(p.offset >= 0 && p.offset < p.endOffset && p.endOffset <= text.length);
        }),
        { numRuns: 60, seed: 20261128 },
      );
    });

    it(`${path}: CRLF and a BOM move findings by exactly the characters they add`, () => {
      fc.assert(
        fc.property(document, ({ lf, text, crlf, bom }) => {
          if (!crlf && !bom) return;
          const a = path === 'doc.md' ? md(lf) : txt(lf);
          const b = path === 'doc.md' ? md(text) : txt(text);
          const shift = crlf ? shifter(lf, bom) : (o: number) => o + (bom ? 1 : 0);
          assert.deepEqual(keys(b), keys(a, shift));
        }),
        { numRuns: 40, seed: 7 },
      );
    });
  }

  it('findings on flagged words are exactly those words, wherever the sentence lands', () => {
    fc.assert(
      fc.property(fc.array(dutch, { minLength: 0, maxLength: 4 }), fc.array(dutch, { minLength: 0, maxLength: 4 }), fc.boolean(), (before, after, crlf) => {
        const middle = 'Het verstrekken van informatie vindt plaats via de NVVK.';
        let text = `# Titel\n\n${[...before, middle, ...after].join(' ')}\n`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const r = md(text);
        const nominal = of(r, 'readability/nominalization').map((f) => text.slice(f.offset, f.endOffset));
        assert.ok(nominal.includes('Het verstrekken van') && nominal.includes('vindt plaats'), JSON.stringify(nominal));
        const abbr = of(r, 'readability/undefined-abbreviation').map((f) => text.slice(f.offset, f.endOffset));
        for (const a of abbr) assert.ok(/^[A-Z]{2,}$/.test(a), a);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});
