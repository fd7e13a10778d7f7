/**
 * Cue pattern sets: neighbouring patterns that end in `*` share one ending in the combined
 * expression; every pattern must still match exactly what it matches on its own.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { limitMemo, MEMO_TEXTS, memoSize, PatternGroup, PatternSet, RegexMatcher } from '../../server/src/engine/practice/patterns.js';
import { CORPUS_DIR, REPO_ROOT } from '../helpers/shared.js';

/** What the set finds, checked against each pattern alone: the leftmost match, the first pattern there. */
function reference(patterns: string[], text: string): { text: string; index: number } | undefined {
  let best: { text: string; index: number; order: number } | undefined;
  patterns.forEach((p, order) => {
    const m = new PatternSet([p]).find(text);
    if (m && (!best || m.index < best.index || (m.index === best.index && order < best.order))) best = { text: m.text, index: m.index, order };
  });
  return best && { text: best.text, index: best.index };
}

const CASES: Array<{ patterns: string[]; texts: string[] }> = [
  {
    patterns: ['policy', 'policymaker*', 'policy maker*', 'manager*', 'director*', 'staff'],
    texts: [
      "The Managers' meeting agreed with the policy-makers.",
      'Our policymakers and the directorate met the staff.',
      'A policy maker’s view differs from the policy.',
      'Nothing here.',
    ],
  },
  {
    patterns: ['beleid*', 'beleidsmaker*', 'raad', 'wethouder*', 'gemeente'],
    texts: ['De beleidsmakers en de wethouders spraken met de raad.', 'In de voorraad lag het beleidsplan-concept.', 'Cliënten van de gemeente.'],
  },
];

describe('practice cue pattern sets', () => {
  for (const { patterns, texts } of CASES) {
    for (const text of texts) {
      it(`finds in "${text}" what its patterns find one by one`, () => {
        const found = new PatternSet(patterns).find(text);
        assert.deepEqual(found && { text: found.text, index: found.index }, reference(patterns, text));
        if (found) assert.ok(patterns.includes(found.pattern));
      });
    }
  }

  it('takes the whole word after a shared ending, apostrophes and hyphens included (en and nl)', () => {
    assert.equal(new PatternSet(['nurse*', 'manager*']).find("the Managers' office")?.text, "Managers'");
    assert.equal(new PatternSet(['wethouder*', 'beleid*']).find('de beleids-notitie')?.text, 'beleids-notitie');
    assert.equal(new PatternSet(['nurse*', 'manager*']).count('nurses, managers and a manager'), 3);
    assert.equal(new PatternSet(['raad', 'wethouder*']).test('de voorraad'), false);
  });

  it('keeps a bounded memo of answers, and answers texts it let go of as before (en and nl)', () => {
    const sets = [new PatternSet(['nurse*', 'manager*']), new PatternSet(['wethouder*', 'beleid*'])];
    const texts = Array.from({ length: MEMO_TEXTS + 500 }, (_, i) => (i % 2 ? `De wethouder ${i} schrijft beleid.` : `The nurse ${i} met a manager.`));
    const first = texts.map((t) => sets.map((s) => s.find(t)?.text ?? null));
    assert.ok(memoSize() <= MEMO_TEXTS, `the memo holds ${memoSize()} texts`);
    // The first texts have left the memo (least recently used): asked again, the same answers.
    texts.forEach((t, i) => assert.deepEqual(sets.map((s) => s.find(t)?.text ?? null), first[i]));
    assert.deepEqual(first[0], ['nurse', null]);
    assert.deepEqual(first[1], [null, 'wethouder']);
    assert.ok(memoSize() <= MEMO_TEXTS);
  });

  it('keeps a smaller memo when a process sets one (the language server), with the same answers (en and nl)', () => {
    const sets = [new PatternSet(['nurse*', 'manager*']), new PatternSet(['wethouder*', 'beleid*'])];
    const texts = Array.from({ length: 300 }, (_, i) => (i % 2 ? `De wethouder ${i} schrijft beleid.` : `The nurse ${i} met a manager.`));
    const unbounded = texts.map((t) => sets.map((s) => s.find(t)?.text ?? null));
    try {
      limitMemo(50, 1_000_000);
      assert.equal(memoSize(), 0);
      const bounded = texts.map((t) => sets.map((s) => s.find(t)?.text ?? null));
      assert.ok(memoSize() <= 50, `the memo holds ${memoSize()} texts`);
      assert.deepEqual(bounded, unbounded);
      // Bounded by characters too.
      limitMemo(1000, 500);
      texts.forEach((t) => sets.forEach((s) => s.test(t)));
      assert.ok(memoSize() <= 500 / 'The nurse 0 met a manager.'.length, `the memo holds ${memoSize()} texts`);
    } finally {
      limitMemo(MEMO_TEXTS, 2_000_000);
    }
  });
});

/**
 * The sets match without regular expressions (a cold start compiled dozens of Unicode classes);
 * the expression stays the definition. Held against each other: find (text, position, pattern),
 * test and count, on the dictionaries' own sets over generated text and the dev documents.
 */
describe('practice cue matcher against the expression', () => {
  const setsOf = (lang: 'nl' | 'en'): string[][] => {
    const data = parse(readFileSync(join(REPO_ROOT, 'dictionaries', 'practice', `${lang}.yml`), 'utf8')) as Record<string, unknown>;
    const sets: string[][] = [];
    const walk = (v: unknown, key: string): void => {
      if (key === 'examples') return;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) sets.push(v as string[]);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(data, '');
    return sets.filter((s) => s.length > 0);
  };

  const same = (patterns: string[], texts: string[]) => {
    const ours = new PatternSet(patterns);
    const theirs = new RegexMatcher(patterns);
    for (const text of texts) {
      const a = ours.find(text);
      const b = theirs.find(text);
      assert.deepEqual(a && [a.text, a.index, a.pattern], b && [b.text, b.index, b.pattern], `find ${JSON.stringify(patterns.slice(0, 3))}… in ${JSON.stringify(text)}`);
      assert.equal(ours.test(text), !!b, `test in ${JSON.stringify(text)}`);
      assert.equal(ours.count(text), theirs.count(text), `count in ${JSON.stringify(text)}`);
    }
  };

  for (const lang of ['nl', 'en'] as const) {
    it(`matches what the expression matches, on generated text (${lang})`, () => {
      const sets = setsOf(lang);
      const words = [...new Set(sets.flat().flatMap((p) => p.split(/\s+/)).map((w) => w.replace(/\*$/, '')).filter((w) => w !== '..'))];
      // Pieces around the patterns' words: word edges, endings, separators, gaps, case, accents, astral letters, folding oddities.
      const glue = [' ', ' ', ' ', '  ', ', ', ' ; ', ':', '\n', '\u00a0', '-', "'", '’', 's', 'en', 'ers', '.', '(', ')', '"', 'x', '9', 'é', 'Ë', '𝐀', '😀', '\u212a', '\u017f', 'İ', '\u0345', '\ud835', '\udc00', ' de ', ' the ', ' a b c d e f g h i '];
      // Whole patterns, their words joined by what the expression allows between them (or nearly).
      const phrases = sets.flat();
      const sep = fc.constantFrom(' ', ', ', ':', ': ', ' ;', ',,', '\n', ' x ', ' een twee ', ' - ', '.');
      const phrase = fc.tuple(fc.constantFrom(...phrases), fc.array(sep, { minLength: 12, maxLength: 12 }), fc.constantFrom('', 's', "'s", '-x', 'é')).map(([p, seps, end]) =>
        p.split(/\s+/).map((w, i) => (w === '..' ? seps[i]!.trim() || 'y' : w.replace(/\*$/, end)) + (i < 11 ? seps[i]! : ' ')).join(''),
      );
      const piece = fc.oneof(
        phrase,
        fc.constantFrom(...words).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), w.replace(/k/g, '\u212a').replace(/s/g, '\u017f'))),
        fc.constantFrom(...glue),
      );
      const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: sets.length - 1 }), fc.array(text, { minLength: 1, maxLength: 4 }), (i, texts) => same(sets[i]!, texts)),
        { numRuns: 1500, seed: lang === 'nl' ? 11 : 12 },
      );
    });

    it(`matches what the expression matches, on the dev documents (${lang})`, function () {
      const dir = join(CORPUS_DIR, lang);
      if (!existsSync(dir)) this.skip();
      const lines = readdirSync(dir)
        .sort()
        .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/))
        .filter((_l, i) => i % 7 === 0);
      for (const set of setsOf(lang)) same(set, lines);
    });
  }

  /**
   * A lexicon's sets answer as a group (one pass tells which sets can match a text at all): the same answers as each set
   * alone, whichever sets are asked in whichever order, sets compiled late (first asked after others answered the same
   * text), one-letter first words, non-ASCII first characters and sets kept as expressions among them.
   */
  for (const lang of ['nl', 'en'] as const) {
    it(`answers in a group as each set alone, asked in any order (${lang})`, function () {
      const patterns = [...setsOf(lang), ['a b', 'u*', 'é*'], ['één*', 'ü*', 'zoë'], ["'s-hertogenbosch", 'beleid*'], ['x y', 'xé*'], ['coördinat*', 'reë*', 'be', 'bew']];
      const texts = [
        'Eén wethouder en u, één manager in ’s-Hertogenbosch: a b, zoë, über, éénmalig.',
        'A b c; x y ï é. Xénon',
        'Cliënten spreken de beleidsmedewerker. De gemeente en de raad.',
        'u',
        'é',
        'The nurse managers advised the policymakers; we recommend that staff meet clients.',
        // First words of three characters or more by their third (a non-ASCII one too), beside shorter ones.
        'De COÖRDINATOR en de reële bewoner: be, bew, bewoner, coördinatie.',
      ];
      const dir = join(CORPUS_DIR, lang);
      if (existsSync(dir))
        for (const f of readdirSync(dir).sort()) texts.push(...readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).filter((_l, i) => i % 23 === 0));
      const alone = patterns.map((p) => new PatternSet(p));
      const expected = texts.map((t) => alone.map((s) => {
        const m = s.find(t);
        return [m && [m.text, m.index, m.pattern], s.test(t), s.count(t), s.test(t)];
      }));
      fc.assert(
        fc.property(fc.array(fc.nat(patterns.length - 1), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(texts.length - 1), { minLength: 1, maxLength: 40 }), (order, which) => {
          const group = new PatternGroup();
          const grouped = patterns.map((p) => new PatternSet(p, group));
          // Texts asked twice and across each other, the sets in the order drawn (some never, some compiled late).
          for (const ti of which)
            for (const si of order) {
              const s = grouped[si]!;
              const t = texts[ti]!;
              const m = s.find(t);
              // lone(): the set searched alone, between the group's answers (a block's text asked about by one set).
              assert.deepEqual([m && [m.text, m.index, m.pattern], s.test(t), s.count(t), s.lone(t)], expected[ti]![si], `set ${si} on ${JSON.stringify(t.slice(0, 80))}`);
            }
        }),
        { numRuns: 150, seed: lang === 'nl' ? 21 : 22 },
      );
    });
  }

  it('tries one-letter first words at every start of their letter, in the patterns’ order', () => {
    const texts = ['A b c, ab', 'a, b', 'abc abd a-b a b c', 'x a\u00a0b y', 'Ab; b', 'a bc ab'];
    same(['ab', 'a b', 'a* c', 'abc*', 'a', 'b'], texts);
    same(['a b c', 'ab', 'a'], texts);
    same(['a* c', 'ab', 'abd'], ['abx c', 'abd c', 'Abd', 'a c']);
    assert.equal(new PatternSet(['a* c', 'abd']).find('abd c')?.text, 'abd c');
  });

  it('keeps the expression for a pattern outside the matcher’s language', () => {
    same(['..  later', "'s-hertogenbosch", 'σοφία'], ['Later dan ’s-Hertogenbosch', "in 's-Hertogenbosch", 'ΣΟΦΊΑ']);
    assert.equal(new PatternSet(["'s-hertogenbosch"]).find("in 's-Hertogenbosch")?.index, 3);
  });
});
