/**
 * A diagnostic with fixes carries the stretches of text they were made for (`data.holds`); a code action applies them
 * only while the document still holds those texts (fixesHold). A term's alternatives and "replace all" with each name
 * the same places, and every publication of the document's diagnostics carries the stretches: each is carried once.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixesHold, toDiagnostic } from '../../server/src/lsp/diagnostics.js';
import type { Finding } from '../../server/src/index.js';

const TEXT = 'De gemeente wil de aanpak robuust maken.\n\nEen robuust plan helpt.\n\nZo blijft het robuust en eerlijk.\n';
const places = [...TEXT.matchAll(/robuust/g)].map((m) => m.index);

function finding(): Finding {
  const edit = (at: number, newText: string) => ({ offset: at, endOffset: at + 7, newText });
  const one = (newText: string) => ({ title: { nl: `Vervang door "${newText}"`, en: `Replace with "${newText}"` }, preferred: false, kind: 'suggestion' as const, edits: [edit(places[0]!, newText)] });
  const all = (newText: string) => ({ title: { nl: `Vervang alle 3 door "${newText}"`, en: `Replace all 3 with "${newText}"` }, preferred: false, kind: 'suggestion' as const, edits: places.map((p) => edit(p, newText)) });
  return { ruleId: 'vocabulary/jargon', severity: 'hint', message: { nl: 'Beleidstaal', en: 'Policy language' }, offset: places[0]!, endOffset: places[0]! + 7, fixes: [one('sterk'), one('stevig'), all('sterk'), all('stevig')] };
}

describe('lsp/diagnostics: the text a diagnostic’s fixes were made for', () => {
  it('holds each stretch once: the finding’s range and each place its fixes edit, with context', () => {
    const doc = TextDocument.create('file:///r.md', 'markdown', 1, TEXT);
    const d = toDiagnostic(finding(), doc, 'nl', 'file:///r.md', TEXT);
    const holds = (d.data as { holds: Array<{ range: unknown; text: string }> }).holds;
    // Its own range, then the three places (not 1 + 2 + 3 + 3).
    assert.equal(holds.length, 4);
    assert.equal(new Set(holds.map((h) => JSON.stringify(h.range))).size, 4);
    assert.deepEqual(holds.map((h) => h.text.includes('robuust')), [true, true, true, true]);
    // Four fixes, with every edit of each (the actions read them).
    assert.deepEqual((d.data as { fixes: Array<{ edits: unknown[] }> }).fixes.map((x) => x.edits.length), [1, 1, 3, 3]);
    assert.equal(fixesHold(d, doc), true);
  });

  it('does not apply when any place a fix edits changed since, the last one too', () => {
    const d = toDiagnostic(finding(), TextDocument.create('file:///r.md', 'markdown', 1, TEXT), 'nl', 'file:///r.md', TEXT);
    const last = places[2]!;
    const changed = `${TEXT.slice(0, last)}ROBUUST${TEXT.slice(last + 7)}`;
    assert.equal(fixesHold(d, TextDocument.create('file:///r.md', 'markdown', 2, changed)), false);
    assert.equal(fixesHold(d, TextDocument.create('file:///r.md', 'markdown', 2, TEXT)), true);
  });
});
