import { strict as assert } from 'node:assert';
import { parseDirective, lineOf } from '../../server/src/engine/formats/directives.js';
import { md as mdDefaults, txt as txtDefaults, of, sentenceOf, PROBES } from './helpers.js';
import type { LintOptions, LintResult } from '../../server/src/index.js';
import { flat } from '../../server/src/engine/text/view.js';

// Passive voice (off by default) is one of the probes here: the rules' probes on (see PROBES).
const md = (text: string, options: LintOptions = {}) => mdDefaults(text, { config: PROBES, ...options });
const txt = (text: string, options: LintOptions = {}) => txtDefaults(text, { config: PROBES, ...options });

const LONG = sentenceOf(30);
const PASSIVE = 'Er wordt gekeken naar de gegevens.';
const BOTH = `${LONG} ${PASSIVE}`;

/** 0-based lines of a rule's findings. */
function lines(r: LintResult, ruleId: string): number[] {
  return of(r, ruleId).map((f) => r.model.lines.position(f.offset).line);
}

describe('directives: parsing', () => {
  it('reads kind and rule ids, separated by spaces or commas', () => {
    assert.deepEqual(parseDirective(' brug-disable ', 0, 10, 0), { kind: 'disable', rules: [], offset: 0, endOffset: 10, line: 0 });
    assert.deepEqual(parseDirective(' brug-disable readability/long-sentence, readability/passive-voice ', 0, 1, 3)!.rules, ['readability/long-sentence', 'readability/passive-voice']);
    assert.equal(parseDirective(' brug-disable-next-line readability ', 0, 1, 0)!.kind, 'disable-next-line');
    assert.equal(parseDirective(' brug-disable-line ', 0, 1, 0)!.kind, 'disable-line');
    assert.equal(parseDirective(' brug-enable ', 0, 1, 0)!.kind, 'enable');
    assert.deepEqual(parseDirective(' brug-enable vocabulary -- ', 0, 1, 0)!.rules, ['vocabulary']);
  });

  it('reads brug-language with nl/en and their names; an unknown language is no directive', () => {
    for (const [arg, lang] of [['nl', 'nl'], ['Dutch', 'nl'], ['nederlands', 'nl'], ['en', 'en'], ['english', 'en'], ['Engels', 'en']] as const) {
      assert.equal(parseDirective(` brug-language ${arg} `, 0, 1, 0)!.language, lang, arg);
    }
    assert.equal(parseDirective(' brug-language fr ', 0, 1, 0), undefined);
    assert.equal(parseDirective(' something else ', 0, 1, 0), undefined);
  });

  it('lineOf counts \\n, \\r\\n and \\r', () => {
    assert.equal(lineOf('a\nb\r\nc\rd', 8), 3);
    assert.equal(lineOf('abc', 2), 0);
  });
});

describe('directives in Markdown', () => {
  it('the control: both rules flag the paragraph', () => {
    const r = md(`# T\n\n${BOTH}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [2]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [2]);
  });

  it('<!-- brug-disable --> … <!-- brug-enable --> without ids switches every rule off and on', () => {
    const r = md(`# T\n\n<!-- brug-disable -->\n\n${BOTH}\n\n<!-- brug-enable -->\n\n${BOTH}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [8]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [8]);
    assert.ok(r.findings.every((f) => r.model.lines.position(f.offset).line > 6 || f.ruleId.startsWith('client/') || f.ruleId.startsWith('brug/')));
  });

  it('with a rule id only that rule is switched off', () => {
    const r = md(`# T\n\n<!-- brug-disable readability/passive-voice -->\n\n${BOTH}\n\n<!-- brug-enable readability/passive-voice -->\n\n${PASSIVE}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [4]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [8]);
  });

  it('an area prefix (readability) switches off every rule of the area, not others', () => {
    const r = md(`# T\n\n<!-- brug-disable readability -->\n\n${BOTH} Het team geeft uitvoering aan de wet.\n\n<!-- brug-enable readability -->\n\n${PASSIVE}\n`);
    assert.deepEqual(of(r, 'readability/').map((f) => r.model.lines.position(f.offset).line), [8]);
    // A prefix is a whole area name: "read" is no area.
    const r2 = md(`# T\n\n<!-- brug-disable read -->\n\n${PASSIVE}\n`);
    assert.deepEqual(lines(r2, 'readability/passive-voice'), [4]);
  });

  it('brug-enable without ids ends a disable with ids', () => {
    const r = md(`# T\n\n<!-- brug-disable readability/passive-voice -->\n\n${PASSIVE}\n\n<!-- brug-enable -->\n\n${PASSIVE}\n`);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [8]);
  });

  it('<!-- brug-disable-next-line readability/long-sentence --> takes the next line with text only', () => {
    const r = md(`# T\n\n<!-- brug-disable-next-line readability/long-sentence -->\n${BOTH}\n\n${BOTH}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [5]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [3, 5], 'other rules on that line stay');
  });

  it('brug-disable-next-line skips blank lines to the next line with text', () => {
    const r = md(`# T\n\n<!-- brug-disable-next-line -->\n\n\n${BOTH}\n\n${PASSIVE}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), []);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [7]);
  });

  it('brug-disable-next-line covers only the first line of a paragraph that spans lines', () => {
    const r = md(`# T\n\n<!-- brug-disable-next-line readability/passive-voice -->\n${PASSIVE}\n${PASSIVE}\n`);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [4]);
  });

  it('brug-disable-line at the end of a line switches that line off', () => {
    const r = md(`# T\n\n${BOTH} <!-- brug-disable-line readability/long-sentence -->\n\n${BOTH}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [4]);
  });

  it('directives inside code are not directives', () => {
    const r = md(`# T\n\n\`\`\`\n<!-- brug-disable -->\n\`\`\`\n\n${PASSIVE}\n`);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [6]);
  });

  it('directives work with CRLF line endings and a BOM', () => {
    const text = `\uFEFF# T\r\n\r\n<!-- brug-disable-next-line readability/long-sentence -->\r\n${BOTH}\r\n\r\n${BOTH}\r\n`;
    const r = md(text);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [5]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [3, 5]);
  });

  it('a document rule\'s finding on a heading is switched off by the line above the heading', () => {
    const summary = Array.from({ length: 6 }, () => 'De implementatie van de operationalisering van de beleidsmatige uitgangspunten werd door de verantwoordelijke stakeholders als onvoldoende geëxpliciteerd beoordeeld.').join(' ');
    const on = md(`# T\n\n## Samenvatting\n\n${summary}\n`);
    assert.equal(of(on, 'readability/section-score').length, 1);
    const off = md(`# T\n\n<!-- brug-disable-next-line readability/section-score -->\n## Samenvatting\n\n${summary}\n`);
    assert.equal(of(off, 'readability/section-score').length, 0);
  });
});

describe('directives in plain text', () => {
  it('brug-disable-next-line lines, with or without a comment marker', () => {
    for (const marker of ['', '# ', '% ', '// ']) {
      const r = txt(`Titel\n\n${marker}brug-disable-next-line readability/long-sentence\n${BOTH}\n\n${BOTH}\n`);
      assert.deepEqual(lines(r, 'readability/long-sentence'), [5], JSON.stringify(marker));
      assert.deepEqual(lines(r, 'readability/passive-voice'), [3, 5], JSON.stringify(marker));
    }
  });

  it('brug-disable / brug-enable lines with ids and area prefixes', () => {
    const r = txt(`Titel\n\nbrug-disable readability\n${BOTH}\nbrug-enable readability\n\n${BOTH}\n`);
    assert.deepEqual(lines(r, 'readability/long-sentence'), [6]);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [6]);
  });

  it('a directive in running text is text, not a directive', () => {
    const r = txt(`Titel\n\nWe schrijven brug-disable in de tekst. ${PASSIVE}\n`);
    assert.deepEqual(flat(r.model.lines.text).includes('brug-disable'), true);
    assert.deepEqual(lines(r, 'readability/passive-voice'), [2]);
  });
});
