/**
 * The document's language after an edit (engine.ts detectSample): the last sample stands when the edited stretch holds
 * none of the blocks it was taken from, as many blocks and the same kinds of block; otherwise it is taken again. Either
 * way the language of a check from scratch.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { engineFor } from '../../server/src/workspace/engine.js';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';

const NL = 'Wij spraken met veel bewoners van de wijk over hun ervaringen met de hulp van de gemeente en de buurtteams.';
const EN = 'We spoke with many residents of the district about their experiences with the help of the municipality.';

/** 420 paragraphs, every tenth Dutch but the first: the sample (every tenth paragraph) is Dutch but for its first, the rest of the text English. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 420; i++) out.push(`${i % 10 === 0 && i > 0 ? NL : EN} (${i})`);
  return out;
}

describe('engine: the document language after an edit', function () {
  this.timeout(300_000);

  it('a paragraph that becomes a heading shifts the sample: the language of a check from scratch', () => {
    const base = paragraphs();
    const warm = engineFor().engine;
    const path = 'sample-after-edit.md';
    assert.equal(warm.lint(`${base.join('\n\n')}\n`, { path }).language, 'nl');
    let flipped = 0;
    for (let j = 1; j < 60; j++) {
      if (j % 10 === 0) continue;
      // Paragraph j becomes a heading: as many blocks, one prose block fewer before the later ones.
      const parts = [...base];
      parts[j] = `## ${parts[j]}`;
      const text = `${parts.join('\n\n')}\n`;
      const fresh = new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'fresh.md' }).language;
      assert.equal(warm.lint(text, { path }).language, fresh, `paragraph ${j}`);
      if (fresh === 'en') flipped++;
      // And back.
      assert.equal(warm.lint(`${base.join('\n\n')}\n`, { path }).language, 'nl');
    }
    assert.ok(flipped > 0, 'a heading made the sample English');
  });

  it('a short document: only an edit within the characters franc read detects again, and the language is that of a check from scratch', () => {
    // 60 paragraphs of ~110 characters: every paragraph is in the sample (~6,700 characters); franc reads its first 2,048
    // (detectLanguageRead). Paragraphs turned to the other language one by one, from the last to the first: the warm
    // engine answers as a fresh one after each, and detects again only once the turned ones reach the first 2,048.
    for (const [from, to] of [[NL, EN], [EN, NL]] as const) {
      const parts = Array.from({ length: 60 }, (_, i) => `${from} (${i})`);
      // An engine of its own: its cache of detected samples starts empty (a shared one may be full from other tests).
      const warm = new Engine({ vocabulary: engineFor().engine.vocabulary });
      const detections = () => (warm as unknown as { documentLanguage: { size: number } }).documentLanguage.size;
      const path = `sample-short-${from.slice(0, 3)}.md`;
      const first = warm.lint(`${parts.join('\n\n')}\n`, { path }).language;
      assert.equal(first, from === NL ? 'nl' : 'en');
      const before = detections();
      let skipped = 0;
      for (let j = parts.length - 1; j >= 0; j--) {
        parts[j] = `${to} (${j})`;
        const text = `${parts.join('\n\n')}\n`;
        const had = detections();
        const language = warm.lint(text, { path }).language;
        assert.equal(language, new Engine({ vocabulary: warm.vocabulary }).lint(text, { path: 'fresh.md' }).language, `paragraph ${j}`);
        if (detections() === had) skipped++;
      }
      // Most paragraphs lie after the first 2,048 characters: no detection for them; the last ones turned the language.
      assert.ok(skipped >= 35, `${skipped} edits without a detection`);
      assert.ok(detections() > before);
      assert.equal(warm.lint(`${parts.join('\n\n')}\n`, { path }).language, to === NL ? 'nl' : 'en');
    }
  });

  it('random edits near the point where the sample turns: the language of a check from scratch (fast-check)', () => {
    // Varied sentences (franc reads one sentence repeated poorly): one Dutch paragraph, then 30 English ones; franc, which
    // reads the sample's first 2,048 characters, is near its turning point there, so that paragraphs added, removed or
    // turned within them flip the language, and edits after them do not.
    const nl = ['Wij spraken met veel bewoners van de wijk over hun ervaringen met de hulp.', 'De gemeente heeft het buurtteam gevraagd om vaker langs te gaan bij gezinnen.', 'Volgens de medewerkers is het lastig om schulden vroeg te signaleren.', 'Een deel van de inwoners wist niet waar zij terecht konden met vragen.', 'Het onderzoek laat zien dat korte lijnen tussen professionals helpen.', 'Daarom adviseren wij om het spreekuur in de bibliotheek voort te zetten.'];
    const en = ['We spoke with many residents of the district about their experience of support.', 'The council asked the neighbourhood team to visit families more often.', 'According to staff it is hard to spot debts at an early stage.', 'Some residents did not know where to go with their questions.', 'The study shows that short lines between professionals help.', 'We therefore advise keeping the drop-in session at the library.'];
    const para = (l: string[], i: number) => `${l[i % 6]} ${l[(i + 2) % 6]} (${i})`;
    const base = [para(nl, 0), ...Array.from({ length: 30 }, (_, i) => para(en, i))].join('\n\n');
    const pieces = [`\n\n${para(nl, 3)}\n\n`, `\n\n${para(en, 4)}\n\n`, `\n\n## ${en[1]}\n\n`, ' de wijk en de gemeente ', ' the district and the council ', '\n\n', para(nl, 5)];
    const seen = new Set<string>();
    const language = (r: LintResult) => (seen.add(r.language), r.language);
    assertWarmEditsMatchFresh(base, { path: 'sample-turns.md', edits: editsOf(pieces, 400), project: language, cacheSize: 4000, numRuns: 80, seed: 2712, maxEdits: 6 });
    assert.deepEqual([...seen].sort(), ['en', 'nl'], 'the edits turned the language both ways');
  });

  it('words added to a paragraph keep the language (English and Dutch samples)', () => {
    for (const first of [NL, EN]) {
      const parts = Array.from({ length: 200 }, (_, i) => `${first} (${i})`);
      const warm = engineFor().engine;
      const path = `sample-words-${first.slice(0, 3)}.md`;
      const lang = warm.lint(`${parts.join('\n\n')}\n`, { path }).language;
      for (const j of [1, 57, 120, 199]) {
        parts[j] = `extra ${parts[j]}`;
        assert.equal(warm.lint(`${parts.join('\n\n')}\n`, { path }).language, lang);
      }
    }
  });
});
