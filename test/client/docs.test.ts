import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../server/src/index.js';
import { repo } from './helpers.js';

/** docs/rules/client pages say what the code does: severity, options and their defaults, in both languages. */
describe('client: rule pages in docs/rules/client', () => {
  const rules = new Engine().rules.filter((r) => r.meta.id.startsWith('client/'));

  it('there is a page for each of the three client rules', () => {
    assert.deepEqual(rules.map((r) => r.meta.id).sort(), ['client/missing-perspective', 'client/no-involvement', 'client/section-without-client']);
    for (const r of rules) assert.ok(existsSync(join(repo, 'docs', 'rules', `${r.meta.id}.md`)), r.meta.id);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = join(repo, 'docs', 'rules', `${id}.md`);
      const page = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const [en, nl] = page.split(/^## Nederlands$/m);

      it('is English first, then "## Nederlands", with the same parts', () => {
        assert.ok(page.startsWith(`# ${id}\n`));
        assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.meta.defaultSeverity}\\b`));
        for (const h of ['### What it finds', '### The evidence Brug uses', '### Why it matters', '### How to fix it', '### Example', '### Options']) assert.ok(en!.includes(h), h);
        for (const h of ['### Wat Brug zoekt', '### Het bewijs dat Brug gebruikt', '### Waarom dit telt', '### Zo los je het op', '### Voorbeeld', '### Instellen']) assert.ok(nl!.includes(h), h);
        assert.match(en!, /- Bad: .*\n- Better: /);
        assert.match(nl!, /- Slecht: .*\n- Beter: /);
        assert.ok(en!.includes('Vraagtafels') && nl!.includes('Vraagtafels'), 'ties the rule to the practice insight');
        assert.ok(page.includes(`${id}: off`), 'says how to turn it off');
      });

      it('documents every option with its default for every audience, in both languages', () => {
        for (const name of Object.keys(rule.meta.options.practitioner)) {
          const values = (['practitioner', 'academic', 'general'] as const).map((a) => String(rule.meta.options[a][name]));
          const row = new RegExp(`^\\|\\s*\`${name}\`\\s*\\|\\s*${values[0]}\\s*\\|\\s*${values[1]}\\s*\\|\\s*${values[2]}\\s*\\|`, 'm');
          assert.match(en!, row, `${name}: ${values.join(' / ')}`);
          assert.ok(nl!.includes(`\`${name}\``), `Dutch part: ${name}`);
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
