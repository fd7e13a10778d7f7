/**
 * The fuzz suite, short run (issue 17 item 6): a fixed seed, small documents, every finding
 * and fix checked against the text. The long run is `npm run fuzz -- --n 100000`.
 * Plus the faults the audit reproduced (issue 17 item 2), each as a regression test.
 */
import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/index.js';
import { snapRange } from '../../server/src/engine/fixes.js';
import { notProseRanges } from '../../server/src/engine/text/sentences.js';
import { checkFindings } from './check.js';
import { corpusSources, makeCase } from './generate.js';
import { checkCase } from './run.js';

const SEED = 20261203;

describe('fuzz: mutated dev-corpus documents (short run, fixed seed)', function () {
  // Generous: the machine running the suite may be busy (behaviour is tested here, not speed).
  this.timeout(300000);
  const sources = corpusSources();

  it('generates the same documents for the same seed', function () {
    if (sources.length === 0) this.skip();
    assert.deepEqual(makeCase(sources, SEED, 7, 3000, 0.1), makeCase(sources, SEED, 7, 3000, 0.1));
    assert.notEqual(makeCase(sources, SEED, 7, 3000, 0.1).text, makeCase(sources, SEED, 8, 3000, 0.1).text);
  });

  it('120 documents: no crash, every range inside the text and covering what it names, no CRLF split, fix edits round-trip', function () {
    if (sources.length === 0) this.skip();
    const problems: string[] = [];
    for (let i = 0; i < 120; i++) {
      const c = makeCase(sources, SEED, i, 3000, 0.1);
      for (const v of checkCase(c).violations) problems.push(`${v.kind}: ${c.recipe}: ${v.detail}`);
    }
    assert.deepEqual(problems.slice(0, 10), []);
  });
});

describe('fuzz: the checker catches what it should', () => {
  it('flags a range that splits a CRLF, leaves the text, covers the BOM or names other text', () => {
    const text = '\uFEFFDe klanten wachten.\r\nNog een regel.';
    const at = text.indexOf('klanten');
    const base = { ruleId: 'x/y', severity: 'warning' as const, fixes: [] };
    const kinds = (f: Parameters<typeof checkFindings>[2]) => checkFindings(text, 'markdown', f).map((v) => v.kind);
    assert.deepEqual(kinds([{ ...base, message: { en: '"klanten" is jargon', nl: '' }, offset: at, endOffset: at + 7 }]), []);
    assert.deepEqual(kinds([{ ...base, message: { en: '"klanten" is jargon', nl: '' }, offset: at - 1, endOffset: at + 6 }]), ['cover']);
    assert.deepEqual(kinds([{ ...base, message: { en: 'x', nl: '' }, offset: text.indexOf('\n'), endOffset: text.length }]), ['crlf']);
    assert.deepEqual(kinds([{ ...base, message: { en: 'x', nl: '' }, offset: 0, endOffset: 3 }]), ['bom']);
    assert.deepEqual(kinds([{ ...base, message: { en: 'x', nl: '' }, offset: 3, endOffset: text.length + 1 }]), ['range']);
    // A word whose letters a link bracket splits (fuzz seed 1 case 80340) names the word it covers.
    const link = '- [R[APPORT WAVE 2](https://example.org) en meer.';
    const r = link.indexOf('R[APPORT');
    assert.deepEqual(checkFindings(link, 'markdown', [{ ...base, message: { en: '"RAPPORT" is never explained', nl: '' }, offset: r, endOffset: r + 8 }]).map((v) => v.kind), []);
    assert.deepEqual(checkFindings(link, 'markdown', [{ ...base, message: { en: '"WAVE" is never explained', nl: '' }, offset: r, endOffset: r + 8 }]).map((v) => v.kind), ['cover']);
    const fix = { title: { en: 'f', nl: 'f' }, preferred: true, kind: 'safe' as const, edits: [{ offset: at, endOffset: at + 7, newText: 'inwoners\n' }] };
    assert.deepEqual(kinds([{ ...base, message: { en: 'x', nl: '' }, offset: at, endOffset: at + 7, fixes: [fix] }]), ['edit']);
  });
});

describe('exact offsets on damaged input (issue 17 item 2)', () => {
  const jargon = (text: string, path = 'a.md') => lint(text, { path, language: 'nl' }).findings.filter((f) => f.ruleId === 'vocabulary/jargon');

  it('a Markdown file that starts with two U+FEFF: exactly one is a BOM, every range stays on its word', () => {
    for (const path of ['a.md', 'a.txt', 'a.tex']) {
      const text = '\uFEFF\uFEFFDe schuldhulp om de klanten te helpen.\r\n\r\nDe klanten wachten op de interventie.\r\n';
      const fs = jargon(text, path);
      assert.ok(fs.length >= 2, path);
      for (const f of fs) assert.match(text.slice(f.offset, f.endOffset), /^(klanten|interventie)$/, path);
      assert.deepEqual(checkFindings(text, 'markdown', fs), []);
    }
  });

  it('a chunk that starts with U+FEFF in the middle of a Markdown file keeps exact offsets', () => {
    const text = 'Eerste alinea.\n\n\uFEFFDe klanten wachten.\n';
    const [f] = jargon(text);
    assert.equal(text.slice(f!.offset, f!.endOffset), 'klanten');
  });

  it('NUL characters and lone CRs: ranges cover the words they name', () => {
    for (const text of ['De\u0000 klanten \u0000wachten op de &amp; interventie.', 'Eerste regel\rDe klanten\rwachten op de interventie.\r\rDe klanten.', '> Een citaat\n> over de klanten\n> en de interventie.\n']) {
      const fs = lint(text, { path: 'a.md', language: 'nl' }).findings;
      assert.deepEqual(checkFindings(text, 'markdown', fs), [], JSON.stringify(text));
      for (const f of fs.filter((x) => x.ruleId === 'vocabulary/jargon')) assert.match(text.slice(f.offset, f.endOffset), /^(klanten|interventie)$/);
    }
  });

  it('text a Markdown transform made without a position (an e-mail address in a broken link) keeps exact offsets', () => {
    const text = 'Intro.\n\n- Jeroen, UX Researcher - [j.du.chatinier@utrecht.nl](mailto:j.du.ch';
    const fs = lint(text, { path: 'a.md', language: 'nl' }).findings;
    assert.deepEqual(checkFindings(text, 'markdown', fs), []);
    const ux = fs.find((f) => f.ruleId === 'readability/undefined-abbreviation');
    if (ux) assert.equal(text.slice(ux.offset, ux.endOffset), 'UX');
  });

  it('no range and no fix edit ever splits a CRLF', () => {
    const text = 'De klanten wachten lang op de interventie van de gemeente, omdat de klantmanagers het te druk hebben met andere klanten en de interventie pas later kan beginnen dan gepland.\r\n\r\nDe klanten.\r\n';
    const r = lint(text, { path: 'a.md', language: 'nl' });
    assert.ok(r.findings.length > 2);
    assert.deepEqual(checkFindings(text, 'markdown', r.findings), []);
  });

  it('a safe fix never joins two lines: a phrase matched across a lone CR or a line break becomes a suggestion (fuzz seed 1 case 13083)', function () {
    this.timeout(60000);
    for (const br of ['\r', '\r ', '\n', '\r\n', '\u2028']) {
      const text = `These themes are touched upon here in order${br}to situate them in the research.\n`;
      for (const path of ['a.md', 'a.txt']) {
        const fs = lint(text, { path, language: 'en' }).findings;
        assert.deepEqual(checkFindings(text, 'markdown', fs), [], JSON.stringify([br, path]));
        for (const f of fs) {
          for (const fix of f.fixes.filter((x) => x.kind === 'safe')) {
            for (const e of fix.edits) assert.doesNotMatch(text.slice(e.offset, e.endOffset), /[\r\n\u2028]/, `${f.ruleId} ${JSON.stringify(br)} ${path}`);
          }
        }
      }
    }
    // The same phrase on one line keeps its safe fix (the guard is about the line break only).
    const one = 'These themes are touched upon here in order to situate them in the research.\n';
    const f = lint(one, { path: 'a.md', language: 'en' }).findings.find((x) => x.ruleId === 'vocabulary/jargon' && /in order/.test(one.slice(x.offset, x.endOffset)));
    if (f) assert.ok(f.fixes.some((x) => x.kind === 'safe'), 'one line: still a safe fix');
  });

  it('not-prose ranges (addresses, URLs, citations) are found as before the linear e-mail pattern, also at the end of a long word', () => {
    const text = 'Mail j.de.vries@utrecht.nl of zie https://example.org/a. Volgens [@smith2020, p. 4] en www.brug.nl klopt het.';
    const got = notProseRanges(text).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(got, ['j.de.vries@utrecht.nl', 'https://example.org/a', '[@smith2020, p. 4]', 'www.brug.nl']);
    // A long run of letters before the @ is one address, found from where the run starts (scanned once).
    const word = 'schuldhulp'.repeat(2000);
    const long = `Zie ${word}@gemeente.nl: niets anders.`;
    assert.deepEqual(notProseRanges(long), [[4, 4 + word.length + '@gemeente.nl'.length]]);
    assert.deepEqual(notProseRanges(`Zie ${word}: niets.`), []);
  });

  it('snapRange moves a range off a CRLF middle, a surrogate half and the BOM, never growing it', () => {
    const text = '\uFEFFab\r\ncd😀e';
    assert.deepEqual(snapRange(text, 4, 6, 1), { offset: 5, endOffset: 6 });
    assert.deepEqual(snapRange(text, 1, 4, 1), { offset: 1, endOffset: 3 });
    assert.deepEqual(snapRange(text, 0, 2, 1), { offset: 1, endOffset: 2 });
    const emoji = text.indexOf('😀');
    assert.deepEqual(snapRange(text, emoji + 1, emoji + 3, 1), { offset: emoji, endOffset: emoji + 3 });
    assert.deepEqual(snapRange(text, 4, 4, 1), { offset: 5, endOffset: 5 });
  });
});
