/**
 * Rule metadata in one place: every rule has its page, the derived files (docs index, the
 * .brug.yml schema's rule list, the VS Code setting) are up to date with the rules' metadata,
 * and each page's examples do what the page says: the bad example produces the rule, the good
 * one does not.
 *
 * Examples on a page are either quoted list items —
 *   - Bad: "…"      / - Slecht: "…"
 *   - Better: "…"   / - Beter: "…"
 * — checked as one paragraph in the page's language, or fenced documents for rules that need a
 * whole document (sections, headings): ```markdown brug-bad``` and ```markdown brug-good```.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultConfig, lint, mergeConfig } from '../../server/src/index.js';
import type { Language } from '../../server/src/index.js';
import { outputs, ruleMetas } from '../../scripts/rules-index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Example {
  kind: 'bad' | 'good';
  language: Language;
  text: string;
  /** A whole document (fenced) rather than one paragraph. */
  document: boolean;
}

function examplesOf(page: string): Example[] {
  const nl = page.indexOf('\n## Nederlands');
  const languageAt = (offset: number): Language => (nl >= 0 && offset > nl ? 'nl' : 'en');
  const found: Example[] = [];
  for (const m of page.matchAll(/^\s*-?\s*\**(Bad|Better|Slecht|Beter)\**:\s*"(.+)"\s*$/gm)) {
    found.push({ kind: /^(Bad|Slecht)$/.test(m[1]!) ? 'bad' : 'good', language: languageAt(m.index!), text: m[2]!, document: false });
  }
  for (const m of page.matchAll(/^```(?:markdown|md) brug-(bad|good)\n([\s\S]*?)\n```$/gm)) {
    found.push({ kind: m[1] as 'bad' | 'good', language: languageAt(m.index!), text: m[2]!, document: true });
  }
  return found;
}

// Rules whose quoted examples are one sentence out of a whole report (a method section, a
// conclusions chapter, a section score): they are checked only through fenced documents.
const NEEDS_DOCUMENT = /^(client\/|practice\/|readability\/section-score$|readability\/long-paragraph$)/;

// Rules off by default except for the general audience: their examples are checked with audience general.
const OFF_BY_DEFAULT = /^readability\/passive-voice$/;

describe('rules: metadata, pages and their examples', () => {
  const metas = ruleMetas();

  it('knows every rule of the engine', () => {
    assert.ok(metas.length >= 13, `${metas.length} rules`);
    assert.equal(new Set(metas.map((m) => m.id)).size, metas.length, 'rule ids are unique');
  });

  it('the docs index, the .brug.yml schema and the VS Code setting are derived from the rules (npm run rules-index)', () => {
    for (const o of outputs()) {
      const now = existsSync(o.path) ? readFileSync(o.path, 'utf8') : '';
      assert.ok(now === o.content, `${o.path.slice(ROOT.length + 1)} is out of date: run npm run rules-index`);
    }
  });

  for (const meta of metas) {
    describe(meta.id, () => {
      const path = join(ROOT, 'docs/rules', `${meta.id}.md`);

      it('has a page in English and Dutch that names the rule', () => {
        assert.ok(existsSync(path), `docs/rules/${meta.id}.md is missing`);
        const page = readFileSync(path, 'utf8');
        assert.match(page, new RegExp(`^# ${meta.id.replace('/', '\\/')}`, 'm'));
        assert.match(page, /^## English/m);
        assert.match(page, /^## Nederlands/m);
        assert.ok(meta.description.en && meta.description.nl && meta.rationale.en && meta.rationale.nl, 'description and rationale in both languages');
      });

      it('its examples do what the page says, in both languages', () => {
        if (!existsSync(path)) return;
        const examples = examplesOf(readFileSync(path, 'utf8')).filter((e) => e.document || !NEEDS_DOCUMENT.test(meta.id));
        if (!NEEDS_DOCUMENT.test(meta.id)) {
          for (const language of ['en', 'nl'] as const) assert.ok(examples.some((e) => e.kind === 'bad' && e.language === language), `no bad example in ${language}`);
        }
        for (const e of examples) {
          const text = e.document ? `${e.text}\n` : `# ${e.language === 'nl' ? 'Resultaten' : 'Results'}\n\n${e.text}\n`;
          // A rule that is off by default for practitioners (passive voice: on for audience general) is shown as its page says.
          const r = lint(text, { path: 'example.md', language: e.language, ...(OFF_BY_DEFAULT.test(meta.id) ? { config: mergeConfig(defaultConfig(), { audience: 'general' }) } : {}) });
          const hits = r.findings.filter((f) => f.ruleId === meta.id);
          if (e.kind === 'bad') assert.ok(hits.length > 0, `${e.language} bad example gives no ${meta.id}: ${e.text.slice(0, 80)}`);
          else assert.deepEqual(hits.map((f) => f.message.en), [], `${e.language} good example gives ${meta.id}: ${e.text.slice(0, 80)}`);
        }
      });
    });
  }
});
