/**
 * The sections after an edit (engine.ts buildSections): the sections the edit did not touch keep the last check's
 * counts, and their headings' lines are the last check's (moved by the lines the edit added or removed after it).
 * Whatever is kept, the sections, metrics and findings are those of a check from scratch: nested sections, line breaks
 * of every kind, headings added and removed, a byte-order mark.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';

const PARAGRAPHS = [
  'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente.',
  'The team interviewed twelve clients in their own homes; most had waited months for a first talk with anyone.',
  'Professionals in de wijk willen weten wat zij morgen anders kunnen doen: een vast aanspreekpunt helpt hen daarbij.',
  '- Een eerste gesprek binnen twee weken.\n- Een vaste contactpersoon.',
];

/** A report with sections three levels deep (the levels vary, so sections hold subsections). */
function report(eol: string): string {
  const out: string[] = ['# Rapport over schuldhulp'];
  for (let s = 0; s < 9; s++) {
    out.push(`${'#'.repeat(2 + (s % 3 === 1 ? 1 : 0) + (s % 5 === 3 ? 1 : 0))} Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 3; p++) out.push(`${PARAGRAPHS[(s + p) % PARAGRAPHS.length]} (${s}.${p})`);
  }
  return `${out.join(`${eol}${eol}`)}${eol}`;
}

// (A letter: inside a word it changes the counts but not the words per language.)
const PIECES = ['extra ', 'o', '\n', '\n\n', '\r\n', '\n\n## Nieuw hoofdstuk\n\n', '\n\n### Nieuwe paragraaf\n\n', 'The clients said so. ', '#', ''];

const project = (r: LintResult) => ({ sections: r.sections, metrics: r.metrics, findings: r.findings });

describe('engine: sections after an edit', function () {
  this.timeout(300_000);

  for (const [name, eol, bom] of [['LF', '\n', ''], ['CRLF', '\r\n', ''], ['LF with a byte-order mark', '\n', '\uFEFF']] as const) {
    it(`${name}: random edits give the sections, metrics and findings of a check from scratch (fast-check)`, () => {
      const engine = new Engine();
      const base = bom + report(eol);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 200 })), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 5 }), (edits) => {
          let text = base;
          engine.lint(text, { path: `sections-${name}.md` });
          let last: LintResult | undefined;
          for (const [where, remove, piece] of edits) {
            const at = Math.max(bom.length, Math.floor(where * text.length));
            text = text.slice(0, at) + piece + text.slice(Math.min(text.length, at + remove));
            last = engine.lint(text, { path: `sections-${name}.md` });
          }
          clearMarkdownCache();
          const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(text, { path: 'fresh.md' });
          assert.deepEqual(project(last!), project(fresh));
        }),
        { numRuns: 40, seed: 17 },
      );
    });
  }

  it('an edit in one section keeps the other sections as they were, and moves the lines of those after it', () => {
    const engine = new Engine();
    const text = report('\n');
    const first = engine.lint(text, { path: 'kept.md' });
    const at = text.indexOf('(4.1)');
    // A word: the sections before and after the edited one, and those around it, keep everything but their place.
    const second = engine.lint(`${text.slice(0, at)}extra ${text.slice(at)}`, { path: 'kept.md' });
    const edited = second.sections.findIndex((s) => s.title === 'Hoofdstuk 5');
    assert.ok(edited > 0);
    for (let i = 0; i < edited; i++) if (second.sections[i]!.contentEnd < at) assert.equal(second.sections[i], first.sections[i]);
    assert.notDeepEqual(second.sections[edited]!.metrics, first.sections[edited]!.metrics);
    // A longer word for a word: as many words, other counts.
    const word = text.indexOf('twelve', text.indexOf('Hoofdstuk 6'));
    const longer = `${text.slice(0, word)}twelvefold-complicated${text.slice(word + 'twelve'.length)}`;
    assert.deepEqual(engine.lint(longer, { path: 'kept.md' }).sections, new Engine({ vocabulary: engine.vocabulary }).lint(longer, { path: 'fresh.md' }).sections);
    // Two lines more: the headings after the edit are two lines further, their counts as they were.
    const third = engine.lint(`${text.slice(0, at)}\n\nNog een zin.\n\n${text.slice(at)}`, { path: 'kept.md' });
    const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(`${text.slice(0, at)}\n\nNog een zin.\n\n${text.slice(at)}`, { path: 'fresh.md' });
    assert.deepEqual(third.sections, fresh.sections);
    const last = third.sections.length - 1;
    assert.equal(third.sections[last]!.line, first.sections[last]!.line + 4);
    assert.equal(third.sections[last]!.metrics, first.sections[last]!.metrics);
  });
});
