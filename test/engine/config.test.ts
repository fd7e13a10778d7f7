import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfigText } from '../../server/src/index.js';
import { md, of, sentenceOf, config } from './helpers.js';

const S27 = sentenceOf(27);
const DOC = `# Titel\n\n${S27}\n`;

describe('config: parseConfigText (.brug.yml)', () => {
  it('an empty file or one with only comments gives the defaults and no problems', () => {
    for (const text of ['', '# alleen commentaar\n', '\n\n']) {
      const r = parseConfigText(text);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.config, defaultConfig());
    }
  });

  it('reads a valid file: audience, language, rules, vocabulary, ignore', () => {
    const r = parseConfigText([
      'audience: academic',
      'language: nl',
      'messages: en',
      'rules:',
      '  readability/long-sentence: off',
      '  readability/passive-voice: info',
      '  readability/long-paragraph:',
      '    severity: warning',
      '    options:',
      '      maxWords: 120',
      'vocabulary:',
      '  accept: [NVVK, BKR]',
      '  prefer:',
      '    klant: inwoner',
      'ignore: ["concepten/**"]',
      '',
    ].join('\n'));
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.audience, 'academic');
    assert.equal(r.config.language, 'nl');
    assert.equal(r.config.messages, 'en');
    assert.deepEqual(r.config.rules, {
      'readability/long-sentence': { severity: 'off' },
      'readability/passive-voice': { severity: 'info' },
      'readability/long-paragraph': { severity: 'warning', options: { maxWords: 120 } },
    });
    assert.deepEqual(r.config.vocabulary.accept, ['NVVK', 'BKR']);
    assert.deepEqual(r.config.vocabulary.prefer, { klant: 'inwoner' });
    assert.deepEqual(r.config.ignore, ['concepten/**']);
  });

  it('merges over a base configuration: later layers win, lists add up', () => {
    const base = parseConfigText('audience: general\nvocabulary:\n  accept: [UWV]\nrules:\n  readability/long-sentence:\n    options:\n      maxWords: 18\n').config;
    const r = parseConfigText('vocabulary:\n  accept: [BKR]\nrules:\n  readability/long-sentence:\n    options:\n      summaryMaxWords: 12\n', base);
    assert.equal(r.config.audience, 'general');
    assert.deepEqual(r.config.vocabulary.accept, ['UWV', 'BKR']);
    assert.deepEqual(r.config.rules['readability/long-sentence']!.options, { maxWords: 18, summaryMaxWords: 12 });
  });

  const invalid: Array<[string, string, number, RegExp]> = [
    ['a YAML syntax error (key: value: value)', 'audience: academic\nlanguage: nl: en\n', 2, /^YAML syntax: /],
    ['a YAML syntax error (bad indentation in a list)', 'audience: academic\nvocabulary:\n  accept:\n    - NVVK\n  - BKR\n', 5, /^YAML syntax: /],
    ['a duplicate key', 'audience: academic\naudience: general\n', 2, /^YAML syntax: .*unique/i],
    ['an unknown key', 'audience: academic\nrulez:\n  readability/long-sentence: off\n', 2, /unknown setting "rulez"/],
    ['an unknown key in a section', 'vocabulary:\n  accept: [NVVK]\n  acept: [BKR]\n', 3, /vocabulary: unknown setting "acept"/],
    ['a wrong enum (audience)', 'audience: student\n', 1, /^audience: must be one of "practitioner", "academic", "general"$/],
    ['a wrong enum (severity)', 'rules:\n  readability/passive-voice: loud\n', 2, /rules\.readability\/passive-voice: must be one of "off", "hint", "info", "warning", "error"/],
    ['a wrong enum (severity in an object)', 'rules:\n  readability/long-sentence:\n    severity: loud\n', 3, /rules\.readability\/long-sentence\.severity: must be one of/],
    ['a wrong type (a string for a list)', 'audience: academic\nvocabulary:\n  accept: NVVK\n', 3, /^vocabulary\.accept: must be a list$/],
    ['a wrong type (a number in a list of strings)', 'vocabulary:\n  accept: [NVVK, 3]\n', 2, /^vocabulary\.accept\.1: must be a string$/],
    ['a wrong type (an object as option value)', 'rules:\n  readability/long-sentence:\n    options:\n      maxWords: {a: 1}\n', 4, /rules\.readability\/long-sentence\.options\.maxWords: must be/],
    ['a badly formed rule id', 'rules:\n  Readability/LongSentence: off\n', 2, /"Readability\/LongSentence" is not a valid name here/],
  ];
  for (const [name, text, line, message] of invalid) {
    it(`${name}: a problem on line ${line} with a clear message; the defaults stay in force`, () => {
      const r = parseConfigText(text);
      assert.ok(r.problems.length >= 1, 'at least one problem');
      const p = r.problems.find((x) => message.test(x.message));
      assert.ok(p, `no problem matches ${message}: ${JSON.stringify(r.problems)}`);
      assert.equal(p!.line, line, `line of "${p!.message}"`);
      assert.ok(p!.column >= 1 && p!.offset >= 0 && p!.endOffset >= p!.offset && p!.endOffset <= text.length);
      assert.deepEqual(r.config, defaultConfig(), 'nothing of an invalid file is used');
    });
  }

  it('an unclosed quote is reported where the file ends (yaml\'s position), not on the line of the quote (current behaviour)', () => {
    const text = 'audience: academic\nlanguage: "nl\n';
    const r = parseConfigText(text);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /^YAML syntax: Missing closing "quote/);
    assert.equal(r.problems[0]!.line, 3, 'line 2 would be more helpful');
    assert.equal(r.problems[0]!.offset, text.length);
    assert.deepEqual(r.config, defaultConfig());
  });

  it('one clear message per mistake: no second message from the other form a rule setting may take', () => {
    const cases: Array<[string, RegExp]> = [
      ['rules:\n  readability/long-sentence: loud\n', /must be one of "off", "hint", "info", "warning", "error"/],
      ['rules:\n  readability/long-sentence:\n    level: info\n', /unknown setting "level"/],
      ['rules:\n  Readability/X: off\n', /"Readability\/X" is not a valid name here/],
    ];
    for (const [text, message] of cases) {
      const r = parseConfigText(text);
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
      assert.match(r.problems[0]!.message, message);
    }
  });

  it('an invalid file leaves a given base configuration in force, unchanged', () => {
    const base = parseConfigText('audience: general\n').config;
    const r = parseConfigText('audience: academic\nfoo: 1\n', base);
    assert.equal(r.config, base);
    assert.equal(r.config.audience, 'general');
  });
});

describe('config: effect on the rules', () => {
  it('audience profiles change thresholds: a 27-word sentence is a warning for practitioner, nothing for academic', () => {
    const practitioner = md(DOC, { config: parseConfigText('audience: practitioner\n').config });
    const academic = md(DOC, { config: parseConfigText('audience: academic\n').config });
    const general = md(DOC, { config: parseConfigText('audience: general\n').config });
    assert.deepEqual(of(practitioner, 'readability/long-sentence').map((f) => [f.severity, f.data!.words, f.data!.maxWords]), [['warning', 27, 25]]);
    assert.deepEqual(of(academic, 'readability/long-sentence'), []);
    assert.deepEqual(of(general, 'readability/long-sentence').map((f) => f.data!.maxWords), [20]);
    // The default audience is practitioner.
    assert.equal(of(md(DOC), 'readability/long-sentence').length, 1);
  });

  it('rules: {id: off} turns a rule off', () => {
    const r = md(DOC, { config: parseConfigText('rules:\n  readability/long-sentence: off\n').config });
    assert.deepEqual(of(r, 'readability/long-sentence'), []);
    const r2 = md(DOC, { config: parseConfigText('rules:\n  readability/long-sentence:\n    severity: off\n').config });
    assert.deepEqual(of(r2, 'readability/long-sentence'), []);
  });

  it('rules: {id: info} re-levels a rule', () => {
    const r = md(DOC, { config: parseConfigText('rules:\n  readability/long-sentence: info\n').config });
    assert.deepEqual(of(r, 'readability/long-sentence').map((f) => f.severity), ['info']);
    const r2 = md(`# T\n\nEr wordt gekeken naar de gegevens.\n`, { config: parseConfigText('rules:\n  readability/passive-voice:\n    severity: warning\n').config });
    assert.deepEqual(of(r2, 'readability/passive-voice').map((f) => f.severity), ['warning']);
  });

  it('options override the audience default (maxWords)', () => {
    const strict = md(`# T\n\n${sentenceOf(16)}\n`, { config: parseConfigText('rules:\n  readability/long-sentence:\n    options:\n      maxWords: 15\n').config });
    assert.deepEqual(of(strict, 'readability/long-sentence').map((f) => [f.data!.words, f.data!.maxWords]), [[16, 15]]);
    const lenient = md(DOC, { config: parseConfigText('rules:\n  readability/long-sentence:\n    options:\n      maxWords: 40\n').config });
    assert.deepEqual(of(lenient, 'readability/long-sentence'), []);
    // An override of one option keeps the audience's other options.
    const academic = md(`# T\n\n## Samenvatting\n\n${sentenceOf(27)}\n`, { config: parseConfigText('audience: academic\nrules:\n  readability/long-sentence:\n    options:\n      maxWords: 26\n').config });
    assert.deepEqual(of(academic, 'readability/long-sentence').map((f) => [f.severity, f.data!.maxWords]), [['warning', 25]]);
  });

  it('an option that is not a number falls back on the audience default (not NaN: no flood of findings)', () => {
    const cfg = parseConfigText('rules:\n  readability/long-sentence:\n    options:\n      maxWords: "veel"\n').config;
    assert.equal(cfg.rules['readability/long-sentence']!.options!.maxWords, 'veel', 'the schema lets a string through');
    const r = md(`# T\n\n${sentenceOf(10)} ${S27}\n`, { config: cfg });
    assert.deepEqual(of(r, 'readability/long-sentence').map((f) => f.data!.words), [27]);
    // A numeric string is read as its number.
    const r2 = md(DOC, { config: parseConfigText('rules:\n  readability/long-sentence:\n    options:\n      maxWords: "30"\n').config });
    assert.deepEqual(of(r2, 'readability/long-sentence'), []);
  });

  it('the long-sentence share in the metrics follows the audience (25 / 30 / 20 words)', () => {
    const text = `# T\n\n${S27} ${sentenceOf(10)}\n`;
    assert.equal(md(text).metrics.longSentenceShare, 0.5);
    assert.equal(md(text, { config: config({ audience: 'academic' }) }).metrics.longSentenceShare, 0);
  });

  it('the long-sentence share in the metrics follows a configured maxWords', () => {
    // The rule reports nothing up to 40 words, and the metrics do not count the 27-word sentence as long.
    const text = `# T\n\n${S27} ${sentenceOf(10)}\n`;
    const r = md(text, { config: config({ rules: { 'readability/long-sentence': { options: { maxWords: 40 } } } }) });
    assert.equal(of(r, 'readability/long-sentence').length, 0);
    assert.equal(r.metrics.longSentenceShare, 0);
    const d = md(text);
    assert.equal(d.metrics.longSentenceShare, 0.5);
  });

  it('the configuration changes cached results: the same text under two configurations', () => {
    const a = md(DOC, { config: parseConfigText('audience: academic\n').config });
    const b = md(DOC, { config: parseConfigText('audience: practitioner\n').config });
    const c = md(DOC, { config: parseConfigText('audience: academic\n').config });
    assert.equal(of(a, 'readability/long-sentence').length, 0);
    assert.equal(of(b, 'readability/long-sentence').length, 1);
    assert.equal(of(c, 'readability/long-sentence').length, 0);
  });
});
