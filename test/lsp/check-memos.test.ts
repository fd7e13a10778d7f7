/**
 * Document rules remember answers between checks of the same document (lsp9, speed only): the footnotes' answers
 * about acronyms (undefined-abbreviation), the normalized words near the start (term rules: is it a thesis?), the
 * glossary headings, a block's long sentences by limits and label. Random edits of words, footnotes and headings,
 * then the findings equal a fresh check's.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { bundledLanguage } from '../../server/src/workspace/dictionaries.js';
import { extraFormats } from '../../server/src/workspace/formats.js';
import { definedAbbreviations } from '../../server/src/engine/vocabulary/abbreviations.js';
import '../../server/src/workspace/engine.js';

const newEngine = () => new Engine({ formats: extraFormats, vocabulary: new Vocabulary([], bundledLanguage) });

const shape = (r: LintResult) => r.findings.map((f) => `${f.offset}-${f.endOffset} ${f.ruleId} ${f.severity} ${f.message.en} ${JSON.stringify(f.data ?? {})}`);

// Pieces an edit puts in: acronyms and their names, thesis words, glossary and other headings, labels, long clauses.
const EN_PARAS = [
  '# A study of support',
  'This thesis looks at how caseworkers and clients meet, and the NVVK and the RIAA take part in the pilot[^1].',
  '**Key finding:** Most clients reported that the letters from the municipality were hard to read, and half of them asked a relative for help, because the words were long and the sentences longer than anyone could follow in one go.',
  '## Glossary',
  '- NVVK: the association of debt help organisations.',
  '## Findings',
  'The RIAA sued many people, and the CBS counted the cases while the UWV looked on; the GGD did not take part, and the team leaders gave caseworkers time to call the clients who missed an appointment with them.',
  'What research question did the team ask when it planned the interviews with clients and caseworkers in four municipalities over two years of the pilot?',
  '[^1]: Recording Industry Association of America, and the Centraal Bureau voor de Statistiek.',
  '[^2]: Uitvoeringsinstituut Werknemersverzekeringen.',
];
const EN_WORDS = ['thesis', 'dissertation', 'NVVK', 'RIAA', 'CBS', 'UWV', 'GGD', 'Glossary', 'Terms', 'Research questions', 'also', 'and the clients said so', '**Label:**', 'Recording', 'Gezondheidsdienst'];

const NL_PARAS = [
  '# Schuldhulp in de wijk',
  'Deze scriptie gaat over consulenten en inwoners, en het UWV en de GGD werken samen in de pilot[^1].',
  '**Belangrijkste uitkomst:** De meeste inwoners vonden de brieven van de gemeente moeilijk te lezen, en de helft van hen vroeg een familielid om hulp, omdat de woorden lang waren en de zinnen langer dan iemand in een keer kon volgen.',
  '## Begrippenlijst',
  '- GGD: Gemeentelijke Gezondheidsdienst.',
  '## Resultaten',
  'Het CBS telde de gevallen terwijl het UWV toekeek, de NVVK deed niet mee, en de teamleiders gaven de consulenten tijd om de inwoners te bellen die een afspraak hadden gemist bij de gemeente.',
  '[^1]: Uitvoeringsinstituut Werknemersverzekeringen, en het Centraal Bureau voor de Statistiek.',
];
const NL_WORDS = ['scriptie', 'bachelorproef', 'UWV', 'CBS', 'NVVK', 'GGD', 'Begrippenlijst', 'Onderzoeksvraag', 'ook', 'en de inwoners zeiden het ook', '**Label:**', 'Centraal'];

for (const [language, PARAS, WORDS] of [['en', EN_PARAS, EN_WORDS], ['nl', NL_PARAS, NL_WORDS]] as const) {
  describe(`engine (${language}): remembered answers of document rules after edits equal a fresh check`, function () {
    this.timeout(120000);
    it('adding, removing and replacing words, footnotes and headings keeps the findings of a fresh check', () => {
      const engine = newEngine();
      const step = fc.record({ para: fc.nat({ max: 40 }), word: fc.nat({ max: 40 }), insert: fc.constantFrom(...WORDS, ''), whole: fc.nat({ max: 6 }) });
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
          const paras = [...PARAS, ...PARAS.slice(1)].map((p) => p.split(' '));
          for (const st of steps) {
            const p = st.para % paras.length;
            if (st.whole === 0 && paras.length > 3) paras.splice(p, 1);
            else if (st.whole === 1) paras.splice(p, 0, PARAS[st.word % PARAS.length]!.split(' '));
            else {
              const words = paras[p]!;
              const at = st.word % (words.length + 1);
              if (st.insert) words.splice(Math.max(1, at), 0, st.insert);
              else if (words.length > 2 && at > 0 && at < words.length) words.splice(at, 1);
            }
            const text = `${paras.map((w) => w.join(' ')).join('\n\n')}\n`;
            assert.deepEqual(shape(engine.lint(text, { path: 'r.md' })), shape(newEngine().lint(text, { path: 'r.md' })), text);
          }
        }),
        { numRuns: 12 },
      );
    });

    it('the same engine checking two documents in turn keeps each one’s findings', () => {
      const engine = newEngine();
      const a = `${PARAS.join('\n\n')}\n`;
      const b = `${PARAS.slice(0, 3).join('\n\n')}\n\n${PARAS.slice(5).join('\n\n')}\n`;
      const fa = shape(newEngine().lint(a, { path: 'a.md' }));
      const fb = shape(newEngine().lint(b, { path: 'b.md' }));
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(shape(engine.lint(a, { path: 'a.md' })), fa);
        assert.deepEqual(shape(engine.lint(b, { path: 'b.md' })), fb);
      }
    });
  });
}

describe('engine: a footnote that spells an acronym out, edited, equals a fresh check', () => {
  it('the remembered footnote answers go when a footnote changes', () => {
    const engine = newEngine();
    const doc = (note: string) => `# Report\n\nThe KWBT[^1] met twice this year. The KWBT said so, and the KWBT wrote it down.\n\nMore text about the meetings follows here.\n\n[^1]: ${note}\n`;
    const acronyms = (r: LintResult) => r.findings.filter((f) => f.ruleId === 'readability/undefined-abbreviation').map((f) => (f.data as { acronym: string }).acronym);
    const notes = ['Koninklijke Wetenschappelijke Bond Tandartsen.', 'A note about something else.', 'Koninklijke Wetenschappelijke Bond Tandartsen.', 'Koninklijke Bond.'];
    const seen = new Set<string>();
    for (const note of notes) {
      const found = shape(engine.lint(doc(note), { path: 'r.md' }));
      assert.deepEqual(found, shape(newEngine().lint(doc(note), { path: 'r.md' })), note);
      seen.add(acronyms(engine.lint(doc(note), { path: 'r.md' })).join());
    }
    assert.ok(seen.has('') && seen.has('KWBT'), 'spelled out in one note, not in another');
  });
});

describe('definedAbbreviations: the answer kept while the defining paragraphs stay equals a fresh scan', () => {
  it('edits that add, change and remove definitions and other paragraphs', () => {
    const PIECES = ['Social Enterprise (SE) is a term.', 'The SE (sociale onderneming) works here.', '- `PD` persoon met dementie', 'PD: people with dementia', 'Plain words here.', 'Service users (SUs) said so.', 'A Second Enterprise (SE) too.', ''];
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat({ max: 12 }), piece: fc.constantFrom(...PIECES), replace: fc.boolean() }), { minLength: 1, maxLength: 12 }), (steps) => {
        const paras = ['# Report', 'Plain words.', 'Social Enterprise (SE) is a term.', 'More plain words.'];
        for (const st of steps) {
          const at = st.at % (paras.length + 1);
          if (st.replace && at < paras.length) paras[at] = st.piece || paras[at]!;
          else if (st.piece) paras.splice(at, 0, st.piece);
          else if (at < paras.length && paras.length > 1) paras.splice(at, 1);
          const text = `${paras.join('\n\n')}\n`;
          assert.deepEqual([...definedAbbreviations(text)], [...definedAbbreviations(text, {})], text);
        }
      }),
      { numRuns: 40 },
    );
  });
});
