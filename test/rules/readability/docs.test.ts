import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Engine } from '../../../server/src/index.js';
import { REPO, readRepo } from '../../engine/helpers.js';

/** The rule pages in docs/rules/readability/ say what the code does: option names, defaults per audience, severity. */
describe('docs/rules/readability pages match the rules', () => {
  const rules = new Engine().rules.filter((r) => r.meta.id.startsWith('readability/'));

  it('there is a page for every readability rule', () => {
    assert.equal(rules.length, 7);
    for (const r of rules) assert.ok(existsSync(resolve(REPO, `docs/rules/${r.meta.id}.md`)), r.meta.id);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const page = existsSync(resolve(REPO, `docs/rules/${id}.md`)) ? readRepo(`docs/rules/${id}.md`) : '';
      const [en, nl] = page.split(/^## Nederlands$/m);

      it('names its default severity', () => {
        assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.meta.defaultSeverity}\\b`));
      });

      it('documents every option by its real name, in both languages', () => {
        for (const name of Object.keys(rule.meta.options.practitioner)) {
          assert.ok(en!.includes(`\`${name}\``), `English part: ${name}`);
          assert.ok(nl!.includes(`\`${name}\``), `Dutch part: ${name}`);
        }
      });

      it('gives the default of every option for every audience', () => {
        for (const [name] of Object.entries(rule.meta.options.practitioner)) {
          const values = (['practitioner', 'academic', 'general'] as const).map((a) => String(rule.meta.options[a][name]));
          // A table row "| `name` | practitioner | academic | general | …" in the English part.
          const row = new RegExp(`^\\|\\s*\`${name}\`\\s*\\|\\s*${values[0]}\\s*\\|\\s*${values[1]}\\s*\\|\\s*${values[2]}\\s*\\|`, 'm');
          assert.match(en!, row, `${name}: ${values.join(' / ')}`);
          for (const v of new Set(values)) assert.ok(nl!.includes(v), `Dutch part mentions ${name} = ${v}`);
        }
      });

      it('YAML examples name only real options', () => {
        const names = new Set(Object.keys(rule.meta.options.practitioner));
        for (const m of page.matchAll(/options:\s*\{?\s*\n?\s*([a-zA-Z]+):/g)) assert.ok(names.has(m[1]!), `unknown option ${m[1]} in an example`);
      });
    });
  }
});
