/**
 * vocabulary/mixed-terms gathers, per run of blocks (rules/block-runs.ts), each group's synonym uses, and a check reads
 * only the groups it may report (spelling variants by default; near-synonyms such as cliënt/klant or debt advice/debt
 * counselling not). After random edits in a warm engine — variants added and removed, quoted, in a term the jargon
 * rule flags, paragraphs split — its findings (places, message, counts, related places, fixes) must be those of a
 * check from scratch, in Dutch and English, and a near-synonym group must stay unreported.
 */
import { strict as assert } from 'node:assert';
import { assertWarmEditsMatchFresh, editsOf } from '../../helpers/warm-edits.js';
import type { LintResult } from '../../../server/src/engine/engine.js';
import { engineFor } from '../../../server/src/workspace/engine.js';

const RULE = 'vocabulary/mixed-terms';

function findings(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === RULE).map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, message: f.message, data: f.data, related: f.related, fixes: f.fixes }));
}

function document(paragraphs: string[], count: number): string {
  const out = ['# Report', ''];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 12) out.push(`## Part ${i}`, '');
    out.push(paragraphs[i % paragraphs.length]!, '');
  }
  return out.join('\n');
}

const BASE = {
  en: document(
    [
      'We met the residents of the town in the spring and talked about their letters.',
      'Two not-for-profit providers gave debt advice to the families.',
      'A nonprofit bank and a not-for-profit charity joined; debt counselling was free.',
      'Re-employment rates rose in the region.',
    ],
    80,
  ),
  nl: document(
    [
      'Wij spraken in het voorjaar met de bewoners van de stad over hun brieven.',
      'De re-integratie van de cliënt duurde lang.',
      'De reïntegratie van de klant ging sneller, zeiden de inwoners.',
      'Burgers vonden het re-integratietraject goed.',
    ],
    80,
  ),
};

/** Each synonym group of BASE with one of its words only. */
const SINGLE = {
  en: document(['We met the residents of the town in the spring and talked about their letters.', 'Two nonprofit providers gave debt advice to the families.', 'A nonprofit bank joined; the advice was free.', 'Reemployment rates rose in the region.'], 80),
  nl: document(['Wij spraken in het voorjaar met de bewoners van de stad over hun brieven.', 'De reïntegratie van de cliënt duurde lang.', 'De reïntegratie ging sneller, zeiden de inwoners.', 'Burgers vonden het traject goed.'], 80),
};

const PIECES = {
  en: ['extra ', 'nonprofit ', 'non-profit ', 'not-for-profit ', 'reemployment ', '"nonprofit" ', 'debt counselling ', '\n\n', 'prior to '],
  nl: ['extra ', 'reïntegratie ', 're-integratie ', '"reïntegratie" ', 'klant ', 'burger ', '\n\n', 'indien '],
};

describe('mixed-terms: synonym uses gathered per run and per group, after edits equal to a fresh check', function () {
  this.timeout(120000);
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: a spelling group is reported, a near-synonym group is not`, () => {
      const r = engineFor().engine.lint(BASE[language], { path: `mixed-base-${language}.md` });
      const groups = new Set(r.findings.filter((f) => f.ruleId === RULE).map((f) => (f.data as { groupId: string }).groupId));
      assert.ok(groups.has(language === 'en' ? 'non-profit-terms' : 're-integratie-spelling'), [...groups].join(' '));
      assert.ok(!groups.has(language === 'en' ? 'debt-advice-terms' : 'client-aanduiding'), [...groups].join(' '));
    });

    it(`${language}: random edits that add, remove and quote variants`, () => {
      assertWarmEditsMatchFresh(BASE[language], { path: `mixed-runs-${language}.md`, edits: editsOf(PIECES[language]), project: findings, cacheSize: 1000, numRuns: 30, seed: language === 'nl' ? 2311 : 2312 });
    });

    // The words each group uses are counted per document and corrected by the runs an edit changed (a check of a
    // document whose groups each use one word gathers nothing): from one word per group to two and back.
    it(`${language}: random edits on a document of one word per group, that add and remove the other words`, () => {
      assertWarmEditsMatchFresh(SINGLE[language], { path: `mixed-single-${language}.md`, edits: editsOf(PIECES[language], 120), project: findings, cacheSize: 1000, numRuns: 30, seed: language === 'nl' ? 3311 : 3312 });
    });

    it(`${language}: a variant added, then removed again, in a document of one word per group`, () => {
      const warm = engineFor().engine;
      const path = `mixed-single-steps-${language}.md`;
      const fresh = (text: string) => findings(engineFor().engine.lint(text, { path: 'fresh.md' }));
      const base = SINGLE[language];
      assert.deepEqual(findings(warm.lint(base, { path })), []);
      const at = base.indexOf('\n\n', Math.floor(base.length / 2));
      const variant = language === 'en' ? 'A non-profit group came too.' : 'De re-integratie ging snel.';
      const texts = [base.slice(0, at) + `\n\n${variant}` + base.slice(at), base, `${base}\n\n${variant}\n`, base, `# Report\n\n${variant}\n\n${base.slice('# Report\n\n'.length)}`, base];
      for (const text of texts) {
        const got = findings(warm.lint(text, { path }));
        assert.deepEqual(got, fresh(text));
        assert.equal(got.length > 0, text !== base, text === base ? 'one word per group: no finding' : 'two words in a group: a finding');
      }
    });
  }
});
