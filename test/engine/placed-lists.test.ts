/**
 * After an edit the engine places the blocks before and after the edited stretch from its last check without reading
 * their cached results: whether a section keeps its role is compared per section, and which blocks have block-rule
 * findings or rule errors comes from the last check's lists, moved. These tests change what those shortcuts depend on
 * (a section that becomes or stops being the references, rule errors before and after the edit, headings added and
 * removed) and compare with a check from scratch, in Dutch and in English.
 */
import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine/engine.js';
import type { LintResult } from '../../server/src/engine/engine.js';
import { clearMarkdownCache } from '../../server/src/engine/formats/markdown.js';
import type { BlockRule } from '../../server/src/engine/rules/types.js';
import { assertWarmEditsMatchFresh, editsOf } from '../helpers/warm-edits.js';
import { testRuleMeta } from '../helpers/rule-meta.js';

/** A block rule that fails on paragraphs with a marked number (its message names the block, so the order of the errors shows). */
const failing: BlockRule = {
  scope: 'block',
  meta: testRuleMeta('test/fails-on-marked', { severity: 'hint', description: { en: 'fails on marked paragraphs', nl: 'faalt op gemarkeerde alinea’s' }, rationale: { en: 'x', nl: 'x' } }),
  check: (block) => {
    const m = /\((\d+)\.[03]\)/.exec(block.block.text);
    if (m && Number(m[1]) % 3 === 0) throw new Error(`fails on ${m[0]}`);
    return [];
  },
};

const TEXTS = {
  nl: {
    chapter: 'Hoofdstuk',
    references: 'Literatuur',
    paragraphs: [
      'Het is door de onderzoekers geconstateerd dat de implementatie van het beleid in de wijk suboptimaal verliep.',
      'Wij spraken veertig cliënten in de wijk over hun schulden en over de hulp die zij kregen van de gemeente.',
      'Jansen, P. (2019). Schuldhulp in de wijk. Utrecht: Movisie.',
    ],
    word: 'ook ',
    method: 'Voor dit onderzoek hebben wij semigestructureerde interviews gehouden met 40 respondenten; de interviews zijn opgenomen, getranscribeerd en gecodeerd.',
  },
  en: {
    chapter: 'Chapter',
    references: 'References',
    paragraphs: [
      'It was found by the researchers that the operationalisation of the intervention was not sufficiently evaluated.',
      'The team interviewed twelve clients in their own homes; most had waited months for a first talk.',
      'Smith, J. (2019). Debt advice in the neighbourhood. London: Policy Press.',
    ],
    word: 'also ',
    method: 'For this study we held semi-structured interviews with 40 respondents; the interviews were recorded, transcribed and coded by two researchers.',
  },
} as const;

function report(language: keyof typeof TEXTS, sections: number): string {
  const t = TEXTS[language];
  const out: string[] = [];
  for (let s = 0; s < sections; s++) {
    out.push(`## ${t.chapter} ${s + 1}`);
    for (let p = 0; p < 4; p++) out.push(`${t.paragraphs[(s + p) % t.paragraphs.length]} (${s}.${p})`);
  }
  return `${out.join('\n\n')}\n`;
}

function summary(r: LintResult): unknown {
  // Each block's role too: a block placed from the last check must have the role its section has now.
  return { findings: r.findings, errors: r.errors, sections: r.sections.map((s) => [s.title, s.role, s.offset, s.contentEnd]), roles: r.blocks.map((b) => b.analysed.role), metrics: r.metrics, paragraphs: r.paragraphs };
}

function fresh(text: string): LintResult {
  clearMarkdownCache();
  return new Engine({ rules: [failing] }).lint(text, { path: 'fresh.md' });
}

describe('engine: blocks placed from the last check (roles per section, lists of findings and errors)', function () {
  this.timeout(120_000);

  for (const language of ['nl', 'en'] as const) {
    const t = TEXTS[language];
    it(`${language}: rule errors before and after an edit, a section that becomes the references and stops being them, headings added and removed`, () => {
      const engine = new Engine({ rules: [failing] });
      let text = report(language, 24);
      const first = engine.lint(text, { path: 'doc.md' });
      assert.ok(first.errors.length >= 6, `rule errors in the document: ${first.errors.length}`);
      const steps: Array<[string, (s: string) => string]> = [
        ['a word in section 11', (s) => s.replace('(11.1)', `${t.word}(11.1)`)],
        ['section 13 becomes the references', (s) => s.replace(`## ${t.chapter} 13\n`, `## ${t.references}\n`)],
        ['a word in section 5', (s) => s.replace('(4.2)', `${t.word}(4.2)`)],
        ['a word in the references', (s) => s.replace('(12.2)', `${t.word}(12.2)`)],
        ['a heading added in section 8', (s) => s.replace('(7.1)', `(7.1)\n\n## ${t.chapter} 7b\n\n${t.paragraphs[0]} (7.9)`)],
        ['section 13 is a chapter again', (s) => s.replace(`## ${t.references}\n`, `## ${t.chapter} 13\n`)],
        ['the added heading removed', (s) => s.replace(`\n\n## ${t.chapter} 7b\n\n`, '\n\n')],
        ['section 2 becomes the references', (s) => s.replace(`## ${t.chapter} 2\n`, `## ${t.references}\n`)],
        ['a word in section 20', (s) => s.replace('(19.0)', `${t.word}(19.0)`)],
        ['the second paragraph of section 16 about the method', (s) => s.replace(/\n\n[^\n]*\(15\.1\)\n/, `\n\n${t.method} (15.1)\n`)],
        ['the third paragraph of section 16 about the method too', (s) => s.replace(/\n\n[^\n]*\(15\.2\)\n/, `\n\n${t.method} (15.2)\n`)],
      ];
      for (const [what, edit] of steps) {
        const next = edit(text);
        assert.notEqual(next, text, what);
        text = next;
        const warm = engine.lint(text, { path: 'doc.md' });
        assert.deepEqual(summary(warm), summary(fresh(text)), what);
      }
    });

    it(`${language}: random edits that add headings of the references and of chapters give a check from scratch (fast-check)`, () => {
      assertWarmEditsMatchFresh(report(language, 12), {
        path: `placed-lists-${language}.md`,
        edits: editsOf([`\n\n## ${t.references}\n\n`, `\n\n## ${t.chapter} X\n\n`, t.word, `\n\n${t.paragraphs[2]}\n\n`, `\n\n${t.method}\n\n`]),
        project: (r) => ({ findings: r.findings, errors: r.errors, sections: r.sections.map((s) => [s.title, s.role]), roles: r.blocks.map((b) => b.analysed.role) }),
        cacheSize: 20000,
        numRuns: 25,
        seed: language === 'nl' ? 20 : 21,
      });
    });
  }
});
