import { strict as assert } from 'node:assert';
import { parseConfigText } from '../../server/src/engine/config/load.js';
import { ConfigEditError, applyConfigEdit, textChange } from '../../server/src/workspace/config-edit.js';

describe('project: config edits (.brug.yml)', () => {
  it('creates the file text when there is none', () => {
    const r = applyConfigEdit(undefined, { path: ['vocabulary', 'accept'], value: 'UWV' });
    assert.equal(r.changed, true);
    assert.match(r.text, /^# Brug settings/);
    assert.deepEqual(parseConfigText(r.text).config.vocabulary.accept, ['UWV']);
    const rules = applyConfigEdit('', { path: ['rules'], key: 'readability/long-sentence', value: 'off' });
    assert.deepEqual(parseConfigText(rules.text).config.rules['readability/long-sentence'], { severity: 'off' });
  });

  it('adds to a list and keeps comments, order and style', () => {
    const text = '# Our settings\naudience: academic # for the committee\n\nvocabulary:\n  accept:\n    - RCT # trial\n    - NEET\n';
    const r = applyConfigEdit(text, { path: ['vocabulary', 'accept'], value: 'UWV' });
    assert.equal(r.text, '# Our settings\naudience: academic # for the committee\n\nvocabulary:\n  accept:\n    - RCT # trial\n    - NEET\n    - UWV\n');
    const flow = applyConfigEdit('vocabulary:\n  accept: [RCT, NEET]\n', { path: ['vocabulary', 'accept'], value: 'UWV' });
    assert.equal(flow.text, 'vocabulary:\n  accept: [RCT, NEET, UWV]\n');
  });

  it('does not add a value twice', () => {
    const text = 'vocabulary:\n  accept: [UWV]\n';
    const r = applyConfigEdit(text, { path: ['vocabulary', 'accept'], value: 'UWV' });
    assert.equal(r.changed, false);
    assert.equal(r.text, text);
  });

  it('sets a map entry, and the severity of a rule given as an object (keeping its options)', () => {
    const text = 'rules:\n  readability/passive-voice: hint\n  readability/long-sentence:\n    severity: warning\n    options:\n      maxWords: 30\n';
    const r = applyConfigEdit(text, { path: ['rules'], key: 'readability/long-sentence', value: 'off' });
    assert.equal(r.text, 'rules:\n  readability/passive-voice: hint\n  readability/long-sentence:\n    severity: off\n    options:\n      maxWords: 30\n');
    const added = applyConfigEdit(text, { path: ['rules'], key: 'vocabulary/jargon', value: 'off' });
    assert.match(added.text, /maxWords: 30\n {2}vocabulary\/jargon: off\n$/);
    assert.equal(applyConfigEdit('rules:\n  a/b: off\n', { path: ['rules'], key: 'a/b', value: 'off' }).changed, false);
  });

  it('fills an empty key and keeps a file of only comments', () => {
    assert.equal(applyConfigEdit('vocabulary:\n  accept:\n', { path: ['vocabulary', 'accept'], value: 'UWV' }).text, 'vocabulary:\n  accept:\n    - UWV\n');
    const r = applyConfigEdit('# nothing yet\n', { path: ['rules'], key: 'a/b', value: 'off' });
    assert.match(r.text, /^# nothing yet\n/);
    assert.match(r.text, /rules:\n {2}a\/b: off\n$/);
  });

  it('keeps CRLF line endings', () => {
    const r = applyConfigEdit('audience: general\r\nrules:\r\n  a/b: off\r\n', { path: ['rules'], key: 'c/d', value: 'off' });
    assert.equal(r.text, 'audience: general\r\nrules:\r\n  a/b: off\r\n  c/d: off\r\n');
  });

  it('refuses broken YAML and settings of the wrong shape', () => {
    assert.throws(() => applyConfigEdit('rules: [\n', { path: ['rules'], key: 'a/b', value: 'off' }), ConfigEditError);
    assert.throws(() => applyConfigEdit('rules: [a]\n', { path: ['rules'], key: 'a/b', value: 'off' }), /rules is not a map/);
    assert.throws(() => applyConfigEdit('- a\n', { path: ['rules'], key: 'a/b', value: 'off' }), /not hold a map/);
    assert.throws(() => applyConfigEdit('vocabulary: 3\n', { path: ['vocabulary', 'accept'], value: 'x' }), /vocabulary is not a map/);
  });

  it('computes the smallest text change', () => {
    assert.deepEqual(textChange('a: 1\nb: 2\n', 'a: 1\nb: 2\nc: 3\n'), { offset: 10, endOffset: 10, newText: 'c: 3\n' });
    assert.deepEqual(textChange('abc', 'abc'), { offset: 3, endOffset: 3, newText: '' });
    assert.deepEqual(textChange('', 'x'), { offset: 0, endOffset: 0, newText: 'x' });
  });
});
