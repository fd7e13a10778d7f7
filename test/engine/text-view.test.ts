/**
 * The engine's text view (engine/text/view.ts): a PieceText reads as the string it stands for (characters, slices,
 * searches, patterns run at a place), and the engine checks a document handed to it in pieces as it checks the string,
 * edit after edit, without joining the pieces on a Markdown document's edit path (ARCHITECTURE.md "Edits without a
 * flat text", step 2).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { Finding } from '../../server/src/engine/types.js';
import { PieceText, execAt, flat, pieceTextJoins, searchFrom, utf8Length, type TextView } from '../../server/src/engine/text/view.js';
import { textMentions } from '../../server/src/engine/rules/readability/abbreviations.js';
import { definedAbbreviations } from '../../server/src/engine/vocabulary/abbreviations.js';
import { cutAt } from '../helpers/pieces.js';
import { commonPrefix, commonSuffix } from '../../server/src/engine/offsets.js';

const bit = fc.constantFrom('a', 'b', 'cliënt ', '😀', '\n', '\r\n', '\r', ' ', 'reïntegratie', '- ', '```', '$$', '---', 'ab', '');
const text = fc.array(bit, { maxLength: 30 }).map((xs) => xs.join(''));


const cuts = fc.array(fc.nat({ max: 120 }), { maxLength: 8 });
const place = fc.integer({ min: -3, max: 125 });

describe('engine: the text view (PieceText)', function () {
  this.timeout(120_000);

  it('finds the ends two versions share as the strings do, from the pieces an edit left (fast-check)', () => {
    fc.assert(
      fc.property(text, cuts, fc.nat({ max: 8 }), fc.nat({ max: 6 }), bit, (s, c, at, remove, insert) => {
        const old = cutAt(s, c);
        // The edited version: the pieces before and after the edited one are the same string objects.
        const pieces = (old as unknown as { pieces: string[] }).pieces;
        const k = Math.min(at, pieces.length - 1);
        const edited = pieces[k]!.slice(0, remove) + insert + pieces[k]!.slice(remove + 1);
        const next = new PieceText([...pieces.slice(0, k), edited, ...pieces.slice(k + 1)]);
        const a = flat(old);
        const b = next.slice(0);
        const prefix = commonPrefix(old, next);
        assert.equal(prefix, commonPrefix(a, b));
        assert.equal(commonSuffix(old, next, Math.min(a.length, b.length) - prefix), commonSuffix(a, b, Math.min(a.length, b.length) - prefix));
        // The bounds by pieces alone hold for the strings.
        assert.ok(old.sharedStart(next) <= commonPrefix(a, b));
        assert.ok(old.sharedEnd(next) <= commonSuffix(a, b, Math.min(a.length, b.length)));
      }),
      { numRuns: 500, seed: 41 },
    );
  });

  it('reads as its string: length, characters, slices, indexOf and lastIndexOf across pieces (fast-check)', () => {
    fc.assert(
      fc.property(text, cuts, fc.array(fc.tuple(place, fc.option(place, { nil: undefined })), { maxLength: 6 }), fc.array(fc.tuple(fc.oneof(bit, fc.constant('\n\n')), place), { maxLength: 6 }), (s, c, slices, searches) => {
        const v = cutAt(s, c);
        assert.equal(v.length, s.length);
        for (let i = -1; i <= s.length; i++) assert.ok(Object.is(v.charCodeAt(i), s.charCodeAt(i)), `charCodeAt(${i})`);
        for (const [a, b] of slices) assert.equal(v.slice(a, b), s.slice(a, b), `slice(${a}, ${b})`);
        assert.equal(v.slice(), s);
        for (const [needle, from] of searches) {
          assert.equal(v.indexOf(needle, from), s.indexOf(needle, from), `indexOf(${JSON.stringify(needle)}, ${from})`);
          assert.equal(v.lastIndexOf(needle, from), s.lastIndexOf(needle, from), `lastIndexOf(${JSON.stringify(needle)}, ${from})`);
          // A needle cut out of the text itself (found across piece boundaries).
          const sub = s.slice(Math.max(0, from), Math.max(0, from) + 3);
          assert.equal(v.indexOf(sub), s.indexOf(sub), `indexOf(${JSON.stringify(sub)})`);
          assert.equal(v.lastIndexOf(sub), s.lastIndexOf(sub), `lastIndexOf(${JSON.stringify(sub)})`);
        }
        assert.equal(utf8Length(v), Buffer.byteLength(s, 'utf8'), 'utf8Length');
        assert.equal(flat(v), s);
      }),
      { numRuns: 400 },
    );
  });

  it('runs sticky patterns at a place and global ones from a place as on the string, ^ and $ included (fast-check)', () => {
    const sticky = [/(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?\n|$)/y, /---[ \t]*\r?\n/y];
    const global = [/^ {0,3}`{3,}[ \t]*\r?$/gim, /\r?\n---[ \t]*(\r?\n|$)/g, /ab/g, /$/gm];
    fc.assert(
      fc.property(text, cuts, fc.nat({ max: 130 }), (s, c, at) => {
        const v = cutAt(s, c);
        const pos = Math.min(at, s.length);
        for (const re of sticky) {
          const a = execAt(re, s, pos, 16);
          const aLast = re.lastIndex;
          const b = execAt(re, v, pos, 16);
          assert.deepEqual(b && [b.index, b[0]], a && [a.index, a[0]], `${re} at ${pos}`);
          assert.equal(re.lastIndex, aLast);
        }
        for (const re of global) {
          const a = searchFrom(re, s, pos);
          const aLast = re.lastIndex;
          const b = searchFrom(re, v, pos);
          assert.deepEqual(b && [b.index, b[0]], a && [a.index, a[0]], `${re} from ${pos}`);
          assert.equal(re.lastIndex, aLast);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds a phrase a text mentions, and the abbreviations it defines, in pieces as in its string, without a join (fast-check)', () => {
    const word = fc.constantFrom('supplemental', 'nutrition', 'Nutrition', 'assistance', 'ASSISTANCE', 'program', 'programme', 'Wmo', 'schuld', 'hulp', 'İstanbul', 'cliënt', '😀');
    const gap = fc.constantFrom(' ', '  ', '\n', ' \n ', '-', '', '.');
    const words = fc.array(fc.tuple(word, gap), { maxLength: 14 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
    const definitions = fc.constantFrom('', 'Wet maatschappelijke ondersteuning (WMO). ', 'SNAP (Supplemental Nutrition Assistance Program)\n\n', '\n\nUWV: Uitvoeringsinstituut Werknemersverzekeringen\n');
    const phrase = fc.constantFrom('supplemental nutrition assistance program', 'nutrition assistance', 'program', 'wmo', 'schuld hulp', 'istanbul', 'cliënt', 'a b c d e f g h i');
    // (The paragraphs' scan reads a text from scratch as one string; after that, from where the last text differs.)
    definedAbbreviations('Het UWV (Uitvoeringsinstituut Werknemersverzekeringen) hielp.');
    fc.assert(
      fc.property(words, definitions, words, cuts, phrase, (a, d, b, c, p) => {
        const s = a + d + b;
        const v = cutAt(s, c);
        const joins = pieceTextJoins();
        assert.equal(textMentions(v)(p), textMentions(s)(p), `mentions ${JSON.stringify(p)}`);
        assert.deepEqual([...definedAbbreviations(v)], [...definedAbbreviations(s)]);
        // No join: lower-casing that changes a stretch's length (İ) and a phrase whose match can reach past a stretch
        // (nine words) read the whole text.
        if (!s.includes('İ') && p !== 'a b c d e f g h i') assert.equal(pieceTextJoins() - joins, 0);
        // Several phrases asked of one text (the view's lower-cased pieces made once, the long phrase read whole).
        const many = textMentions(v);
        const once = textMentions(s);
        for (const q of ['program', 'a b c d e f g h i', p, 'nutrition assistance']) assert.equal(many(q), once(q), `mentions ${JSON.stringify(q)} after others`);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a join once per view, and a string is its own whole text', () => {
    const v = new PieceText(['een ', 'twee ', 'drie']);
    const before = pieceTextJoins();
    assert.equal(v.join(), 'een twee drie');
    assert.equal(v.join(), 'een twee drie');
    assert.equal(pieceTextJoins() - before, 1);
    const s = 'één stuk';
    assert.equal(flat(s), s);
  });
});

const PARAGRAPHS = [
  'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente, vaak na maanden wachten op een eerste gesprek met een consulent van het UWV.[^1]',
  'The team interviewed twelve clients in their own homes; most had waited months for a first talk with a case manager, and several said that the letters they received were hard to follow (UWV).',
  '- Een eerste gesprek binnen twee weken.\n- Een vaste contactpersoon die de cliënt kent.',
  '> "Ik wist niet waar ik moest beginnen," zei een deelnemer over de aanvraag voor bijzondere bijstand.',
  '| Groep | Aantal |\n|---|---|\n| Cliënten | 40 |',
  '```\ncode blijft code\n```',
  'Prior to the implementation of the programme, the municipality facilitated a dialogue with stakeholders in order to operationalise the objectives of the Participatiewet in the region.',
  '[^1]: Zie het jaarverslag van de gemeente over 2023, hoofdstuk 4, over de wachttijden in de schuldhulpverlening.',
  '<!-- brug-disable-next-line vocabulary -->\r\nPrior to the start, the team facilitated a dialogue in order to operationalise the plan.',
];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 8; p++) out.push(PARAGRAPHS[(s + p) % PARAGRAPHS.length]!.replace('[^1]', `[^${s}]`).replace('[^1]:', `[^${s}]:`));
  }
  return `${out.join('\n\n')}\n`;
}

const INSERTS = ['extra ', 'ook ', 'Het UWV hielp. ', '😀 reïntegratie ', 'in order to ', '\n\n', '\n\n## Nieuw hoofdstuk\n\n', '- punt\n', '```\n', ''];

function shown(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.offset}-${f.endOffset} ${f.severity} ${f.fixes.map((x) => `${x.kind ?? ''}:${x.edits.map((e) => `${e.offset}-${e.endOffset}=${e.newText}`).join(',')}`).join(';')}`);
}

/** The pieces of `s` in parts of `size` characters (as the language server's store cuts an opened document). */
function piecesOf(s: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < s.length; at += size) out.push(s.slice(at, at + size));
  return out.length ? out : [''];
}

describe('engine: a document handed over in pieces', function () {
  this.timeout(240_000);

  it('gets the findings of its string after any series of edits, and an edit in a paragraph joins no pieces (fast-check)', () => {
    const byString = new Engine();
    const byView = new Engine();
    let s = report(6);
    let pieces = piecesOf(s, 700);
    let view: TextView = new PieceText(pieces);
    assert.deepEqual(shown(byView.lint(view, { path: 'view.md' }).findings), shown(byString.lint(s, { path: 'view.md' }).findings));
    let quiet = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 4 }), (series) => {
        for (const [where, cut, insert] of series) {
          // An edit as the store makes it: the piece it falls in is replaced, the others are kept.
          const at = Math.floor(where * s.length);
          const end = Math.min(s.length, at + (cut % 3 === 0 ? cut : 0));
          let k = 0;
          let start = 0;
          while (k + 1 < pieces.length && start + pieces[k]!.length <= at) start += pieces[k++]!.length;
          let last = k;
          let lastStart = start;
          while (last + 1 < pieces.length && lastStart + pieces[last]!.length < end) lastStart += pieces[last++]!.length;
          const replaced = pieces.slice(k, last + 1).join('');
          const next = replaced.slice(0, at - start) + insert + replaced.slice(end - start);
          const base = view;
          pieces = [...pieces.slice(0, k), next, ...pieces.slice(last + 1)];
          s = s.slice(0, at) + insert + s.slice(end);
          view = new PieceText(pieces);
          const joins = pieceTextJoins();
          const got = byView.lint(view, { path: 'view.md', edit: { base, prefix: at, suffix: s.length - at - insert.length } });
          // Plain words in a paragraph: read where they are (the line index, the Markdown reader and the rules).
          if (insert === 'extra ' || insert === 'ook ') {
            assert.equal(pieceTextJoins() - joins, 0, `joined after ${JSON.stringify(insert)} at ${at}`);
            quiet++;
          }
          assert.deepEqual(shown(got.findings), shown(byString.lint(s, { path: 'view.md' }).findings));
          assert.equal(got.model.text.length, s.length);
        }
        if (s.length > 30_000) {
          s = report(6);
          pieces = piecesOf(s, 700);
          view = new PieceText(pieces);
          byView.lint(view, { path: 'view.md' });
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(quiet > 10, `${quiet} plain edits`);
  });
});
