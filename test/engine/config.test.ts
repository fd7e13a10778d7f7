import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfigText } from '../../server/src/index.js';
import { md, of, sentenceOf, config } from './helpers.js';

const S27 = sentenceOf(27);
const DOC = `# Titel\n\n${S27}\n`;
/** 30 words: more than 4 words over the practitioner limit, so not a hint by sentenceMarginWords; at the academic limit. */
const DOC30 = `# Titel\n\n${sentenceOf(30)}\n`;

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

  // Each mistake costs only the setting it is in: a problem names it, that setting keeps its
  // default, and `audience: academic` (valid, on line 1 of most cases) still applies.
  const invalid: Array<[string, string, number, RegExp]> = [
    ['a YAML syntax error (key: value: value)', 'audience: academic\nlanguage: nl: en\n', 2, /^YAML syntax in language: /],
    ['a YAML syntax error (bad indentation in a list)', 'audience: academic\nvocabulary:\n  accept:\n    - NVVK\n  - BKR\n', 5, /^YAML syntax in vocabulary: /],
    ['a duplicate key', 'audience: academic\naudience: general\n', 2, /^YAML syntax in audience: .*unique/i],
    ['an unknown key', 'audience: academic\nrulez:\n  readability/long-sentence: off\n', 2, /unknown setting "rulez" \(did you mean "rules"\?\)/],
    ['an unknown key in a section', 'audience: academic\nvocabulary:\n  accept: [NVVK]\n  acept: [BKR]\n', 4, /vocabulary: unknown setting "acept" \(did you mean "accept"\?\)/],
    ['a wrong enum (audience)', 'language: nl\naudience: student\n', 2, /^audience: "student" is not allowed; allowed: one of practitioner, academic, general\. Using the default \("practitioner"\)$/],
    ['a wrong enum (severity)', 'audience: academic\nrules:\n  readability/passive-voice: loud\n', 3, /rules\.readability\/passive-voice: "loud" is not allowed; allowed: one of off, hint, info, warning, error/],
    ['a wrong enum (severity in an object)', 'audience: academic\nrules:\n  readability/long-sentence:\n    severity: loud\n', 4, /rules\.readability\/long-sentence\.severity: "loud" is not allowed; allowed: one of off/],
    ['a wrong type (a string for a list)', 'audience: academic\nvocabulary:\n  accept: NVVK\n', 3, /^vocabulary\.accept: "NVVK" is not allowed; allowed: a list of texts/],
    ['a wrong type (a number in a list of strings)', 'audience: academic\nvocabulary:\n  accept: [NVVK, 3]\n', 3, /^vocabulary\.accept: \["NVVK",3\] is not allowed; allowed: a list of texts/],
    ['a wrong type (an object as option value)', 'audience: academic\nrules:\n  readability/long-sentence:\n    options:\n      maxWords: {a: 1}\n', 5, /rules\.readability\/long-sentence\.options\.maxWords: \{"a":1\} is not allowed/],
    ['a badly formed rule id', 'audience: academic\nrules:\n  Readability/LongSentence: off\n', 3, /"Readability\/LongSentence" is not a rule id/],
  ];
  for (const [name, text, line, message] of invalid) {
    it(`${name}: a problem on line ${line} naming the setting; only that setting falls back`, () => {
      const r = parseConfigText(text);
      assert.ok(r.problems.length >= 1, 'at least one problem');
      const p = r.problems.find((x) => message.test(x.message));
      assert.ok(p, `no problem matches ${message}: ${JSON.stringify(r.problems)}`);
      assert.equal(p!.line, line, `line of "${p!.message}"`);
      assert.ok(p!.column >= 1 && p!.offset >= 0 && p!.endOffset >= p!.offset && p!.endOffset <= text.length);
      assert.ok(p!.nl.length > 0, 'a Dutch message too');
      const expected = text.startsWith('audience: academic') ? 'academic' : 'practitioner';
      assert.equal(r.config.audience, expected, 'the valid settings still apply');
      if (text.startsWith('language: nl')) assert.equal(r.config.language, 'nl');
      assert.deepEqual(r.config.rules, {}, 'the broken rule setting is not used');
      assert.equal(r.unusable, false);
    });
  }

  it('an unclosed quote costs the setting it is in; the settings before it apply', () => {
    const text = 'audience: academic\nlanguage: "nl\n';
    const r = parseConfigText(text);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /^YAML syntax in language: Missing closing "quote/);
    assert.equal(r.config.audience, 'academic');
    assert.equal(r.config.language, 'auto');
  });

  it('one clear message per mistake: no second message from the other form a rule setting may take', () => {
    const cases: Array<[string, RegExp]> = [
      ['rules:\n  readability/long-sentence: loud\n', /"loud" is not allowed; allowed: one of off, hint, info, warning, error/],
      ['rules:\n  readability/long-sentence:\n    level: info\n', /unknown setting "level"/],
      ['rules:\n  Readability/X: off\n', /"Readability\/X" is not a rule id/],
    ];
    for (const [text, message] of cases) {
      const r = parseConfigText(text);
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
      assert.match(r.problems[0]!.message, message);
    }
  });

  it('a broken key costs only that key: the writer\'s rule setting survives a typo elsewhere', () => {
    const r = parseConfigText('rulez:\n  x/y: off\nseverity: loud\naudience: loud\nrules:\n  readability/passive-voice: off\n');
    assert.deepEqual(r.config.rules, { 'readability/passive-voice': { severity: 'off' } });
    assert.equal(r.config.audience, 'practitioner');
    assert.equal(r.problems.length, 3);
    assert.equal(r.unusable, false);
  });

  it('a file where nothing is valid is unusable (the command line exits 2); the base stays in force', () => {
    const base = parseConfigText('audience: general\n').config;
    const r = parseConfigText('audience: loud\nfoo: 1\n', base);
    assert.equal(r.config, base);
    assert.equal(r.unusable, true);
    for (const text of ['- a\n- b\n', 'just words']) assert.equal(parseConfigText(text).unusable, true, text);
  });

  it('a YAML alias bomb is one problem on its setting, never an exception; the other settings apply', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'vocabulary:', '  accept: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'audience: general', ''].join('\n');
    const r = parseConfigText(bomb);
    assert.equal(r.config.audience, 'general');
    assert.deepEqual(r.config.vocabulary.accept, []);
    assert.ok(r.problems.some((p) => /vocabulary\.accept: too many aliases/.test(p.message)), JSON.stringify(r.problems.map((p) => p.message)));
    assert.ok(r.problems.every((p) => !p.message.includes('\n')), 'one line each');
  });

});

describe('config: effect on the rules', () => {
  it('audience profiles change thresholds: a 30-word sentence is a warning for practitioner, nothing for academic', () => {
    const practitioner = md(DOC30, { config: parseConfigText('audience: practitioner\n').config });
    const academic = md(DOC30, { config: parseConfigText('audience: academic\n').config });
    const general = md(DOC30, { config: parseConfigText('audience: general\n').config });
    assert.deepEqual(of(practitioner, 'readability/long-sentence').map((f) => [f.severity, f.data!.words, f.data!.maxWords]), [['warning', 30, 25]]);
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
    const r = md(DOC30, { config: parseConfigText('rules:\n  readability/long-sentence: info\n').config });
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
    const academic = md(`# T\n\n## Samenvatting\n\n${sentenceOf(30)}\n`, { config: parseConfigText('audience: academic\nrules:\n  readability/long-sentence:\n    options:\n      maxWords: 26\n').config });
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
