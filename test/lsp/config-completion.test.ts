import { strict as assert } from 'node:assert';
import { completeConfig } from '../../server/src/lsp/config-completion.js';

/** Completions at the end of the last line of `text`. */
function at(text: string): Array<{ label: string; kind: string }> {
  const lines = text.split('\n');
  return completeConfig(text, lines.length - 1, lines[lines.length - 1]!.length);
}
const labels = (text: string) => at(text).map((c) => c.label);

describe('.brug.yml completion (from Brug\'s JSON schema)', () => {
  it('offers the top-level keys with their descriptions, and not the ones already there', () => {
    const top = labels('audience: academic\n');
    for (const k of ['rules', 'vocabulary', 'language', 'ignore']) assert.ok(top.includes(k), k);
    assert.ok(!top.includes('audience'));
    assert.ok(at('').every((c) => c.kind === 'key'));
  });

  it('offers allowed values after `key: `', () => {
    assert.deepEqual(labels('audience: ').sort(), ['academic', 'general', 'practitioner']);
    assert.ok(labels('language: ').includes('nl'));
  });

  it('offers rule ids under rules:, severities after a rule id, and a rule\'s own options', () => {
    const ids = labels('rules:\n  ');
    assert.ok(ids.includes('readability/long-sentence'), ids.join(' '));
    assert.ok(ids.includes('vocabulary/jargon'));
    assert.deepEqual(labels('rules:\n  readability/passive-voice: ').sort(), ['error', 'hint', 'info', 'off', 'warning']);
    assert.deepEqual(labels('rules:\n  readability/long-sentence:\n    ').sort(), ['options', 'severity']);
    assert.ok(labels('rules:\n  readability/long-sentence:\n    options:\n      ').includes('maxWords'));
  });

  it('offers the keys of a section (vocabulary:, latex:)', () => {
    assert.ok(labels('vocabulary:\n  ').includes('accept'));
    assert.ok(labels('latex:\n  ').includes('proseCommands'));
  });

  it('stays quiet in comments and flow style', () => {
    assert.deepEqual(at('# audience: '), []);
    assert.deepEqual(at('rules: { '), []);
  });
});
