/**
 * The engine places the blocks an edit left alone from the last check of the same document (engine.ts LastCheck):
 * the blocks before the edited stretch as they were, those after it moved. Whatever it keeps, each check equals a
 * check from scratch, also when what else shapes a block changes between checks: a byte-order mark, the options, a
 * language directive, a section renamed to references (its blocks skipped), headings added or removed, another
 * document checked in between, the caches cleared.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import { defaultConfig } from '../../server/src/engine/config/config.js';
import type { BrugConfig } from '../../server/src/engine/config/config.js';

const PARAGRAPHS = [
  'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente, die vaak te laat kwam omdat de aanvraag door veel verschillende loketten moest en niemand het overzicht had.',
  'The team interviewed twelve clients in their own homes; most had waited months for a first talk with the UWV.',
  'Professionals in de wijk willen weten wat zij morgen anders kunnen doen: een vast aanspreekpunt helpt.',
  '- Een eerste gesprek binnen twee weken.\n- Een vaste contactpersoon.',
  'Smith, J. (2020). A study of debt relief. Journal of Social Work, 12(3), 45-67.',
];

function report(sections: number): string {
  const out: string[] = ['# Rapport over schuldhulp'];
  for (let s = 0; s < sections; s++) {
    out.push(`## Hoofdstuk ${s + 1}`);
    for (let p = 0; p < 4; p++) out.push(`${PARAGRAPHS[(s + p) % PARAGRAPHS.length]} (${s}.${p})`);
  }
  return `${out.join('\n\n')}\n`;
}

const PIECES = ['extra ', '\n\n', '\n\n## Nieuw hoofdstuk\n\n', '\n\n## Literatuur\n\n', '\n\n## References\n\n', '\n\n<!-- brug-language en -->\n\n', '\n\n<!-- brug-language nl -->\n\n', 'Het UWV hielp. ', '😀 ', ''];

type Step = { kind: 'edit'; where: number; remove: number; piece: string } | { kind: 'bom' } | { kind: 'audience' } | { kind: 'other' } | { kind: 'clear' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), where: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), piece: fc.constantFrom(...PIECES) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'audience' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'other' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

function places(r: LintResult): unknown[] {
  return r.blocks.map((b) => [b.analysed.block.start, b.analysed.block.end, b.section, b.analysed.role, b.analysed.language, !!b.analysed.block.skip, b.toDocument(0, b.analysed.block.text.length)]);
}

function same(warm: LintResult, fresh: LintResult): void {
  assert.deepEqual(warm.findings, fresh.findings);
  assert.deepEqual(warm.sections, fresh.sections);
  assert.deepEqual(warm.metrics, fresh.metrics);
  assert.deepEqual(places(warm), places(fresh));
}

describe('engine: blocks placed from the last check of a document equal a check from scratch', function () {
  this.timeout(300_000);

  it('random edits, byte-order marks, options, directives, references sections, other documents, cleared caches (fast-check)', () => {
    const engine = new Engine();
    const academic: BrugConfig = { ...defaultConfig(), audience: 'academic' };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let text = report(6);
        let bom = false;
        let config = defaultConfig();
        engine.lint(text, { path: 'last.md', config });
        for (const s of steps) {
          if (s.kind === 'edit') {
            const at = Math.floor(s.where * text.length);
            text = text.slice(0, at) + s.piece + text.slice(Math.min(text.length, at + s.remove));
          } else if (s.kind === 'bom') bom = !bom;
          else if (s.kind === 'audience') config = config.audience === 'academic' ? defaultConfig() : academic;
          else if (s.kind === 'other') engine.lint(`${text}\n\nNog een alinea.\n`, { path: 'other.md', config });
          else engine.clearCaches();
          const input = bom ? `\uFEFF${text}` : text;
          const warm = engine.lint(input, { path: 'last.md', config });
          clearMarkdownCache();
          const fresh = new Engine({ vocabulary: engine.vocabulary }).lint(input, { path: 'fresh.md', config });
          same(warm, fresh);
        }
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it('nl and en: an earlier result keeps its blocks\' places and findings after later edits', () => {
    const engine = new Engine();
    let text = report(8);
    const first = engine.lint(text, { path: 'keep.md' });
    const before = { places: places(first), findings: JSON.stringify(first.findings) };
    for (const mark of ['(2.1)', '(5.3)', '(7.0)']) {
      const at = text.indexOf(mark);
      text = `${text.slice(0, at)}nieuw woord ${text.slice(at)}`;
      engine.lint(text, { path: 'keep.md' });
    }
    assert.deepEqual(places(first), before.places);
    assert.equal(JSON.stringify(first.findings), before.findings);
  });

  it('nl and en: the document language detected after each edit of its sampled paragraphs is that of a check from scratch', () => {
    const nl = 'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente.';
    const en = 'The team interviewed twelve clients in their own homes and most of them had waited months for a first talk.';
    for (const [from, to] of [[nl, en], [en, nl]] as const) {
      const engine = new Engine();
      const paragraphs = Array.from({ length: 12 }, (_, i) => `${from} (${i})`);
      const doc = () => `# ${from === nl ? 'Rapport' : 'Report'}\n\n${paragraphs.join('\n\n')}\n`;
      const languages: string[] = [engine.lint(doc(), { path: 'sample.md' }).language];
      assert.equal(languages[0], new Engine({ vocabulary: engine.vocabulary }).lint(doc(), { path: 'fresh.md' }).language);
      // The paragraphs turned to the other language one by one (the sample is every paragraph of this short document).
      for (let i = 0; i < paragraphs.length; i++) {
        paragraphs[i] = `${to} (${i})`;
        const warm = engine.lint(doc(), { path: 'sample.md' }).language;
        clearMarkdownCache();
        assert.equal(warm, new Engine({ vocabulary: engine.vocabulary }).lint(doc(), { path: 'fresh.md' }).language, `after ${i + 1} paragraphs`);
        languages.push(warm);
      }
      // The detected language changed along the way (from the first language to the second).
      assert.equal(languages[0], from === nl ? 'nl' : 'en', languages.join(' '));
      assert.equal(languages[languages.length - 1], from === nl ? 'en' : 'nl', languages.join(' '));
    }
  });
});
