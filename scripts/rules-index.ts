/**
 * One place for rule metadata: each rule module declares its id, languages, severity, options per
 * audience and reasons; this script writes what is derived from them.
 *
 *   - docs/rules/README.md                the index of the rule pages
 *   - server/schema/brug.schema.json      `rules:` in .brug.yml: one property per rule, with its
 *                                         description and typed options (completion, validation)
 *   - package.json                        the `brug.rules` setting of the VS Code extension, the same
 *
 *   node --import tsx scripts/rules-index.ts           write them
 *   node --import tsx scripts/rules-index.ts --check   exit 1 and name what is out of date (the tests run this)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineFor } from '../server/src/workspace/engine.js';
import type { RuleMeta } from '../server/src/engine/rules/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const AUDIENCES = ['practitioner', 'academic', 'general'] as const;

export function ruleMetas(): RuleMeta[] {
  return engineFor().engine.rules.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
}

function optionSchema(meta: RuleMeta): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const names = [...new Set(AUDIENCES.flatMap((a) => Object.keys(meta.options[a] ?? {})))].sort();
  for (const name of names) {
    const values = AUDIENCES.map((a) => meta.options[a]?.[name]);
    const sample = values.find((v) => v !== undefined);
    const type = Array.isArray(sample) ? 'array' : typeof sample === 'number' ? 'number' : typeof sample === 'boolean' ? 'boolean' : 'string';
    const defaults = AUDIENCES.map((a, i) => `${a}: ${JSON.stringify(values[i])}`).join(', ');
    properties[name] = {
      type,
      ...(type === 'array' ? { items: { type: 'string' } } : {}),
      default: meta.options.practitioner?.[name] ?? sample,
      description: `Default per audience — ${defaults}.`,
    };
  }
  return { type: 'object', additionalProperties: false, properties };
}

function ruleSchema(meta: RuleMeta): Record<string, unknown> {
  return {
    description: `${meta.description.en} (${meta.defaultSeverity} by default) — ${meta.description.nl}`,
    anyOf: [
      { enum: SEVERITIES },
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity: { enum: SEVERITIES }, options: optionSchema(meta) },
      },
    ],
  };
}

function docsIndex(metas: RuleMeta[]): string {
  const areas = [...new Set(metas.map((m) => m.id.split('/')[0]!))];
  const lines = [
    '# Brug\'s rules',
    '',
    '<!-- Written by scripts/rules-index.ts from the rules\' own metadata; edit the rule modules, not this file. -->',
    '',
    'Each rule has a page with what it finds, why it matters for practice, how to fix it, examples in',
    'English and Dutch, and its options. Turn a rule off or change it in `.brug.yml` under `rules:`.',
    '',
    'Elke regel heeft een pagina met wat hij vindt, waarom dat telt in de praktijk, hoe u het oplost,',
    'voorbeelden in het Engels en het Nederlands, en de instellingen.',
    '',
  ];
  for (const area of areas) {
    lines.push(`## ${area}`, '', '| rule | finds | wat | default | languages |', '|---|---|---|---|---|');
    for (const m of metas.filter((x) => x.id.startsWith(`${area}/`))) {
      const page = `${m.id.slice(area.length + 1)}.md`;
      lines.push(`| [\`${m.id}\`](${area}/${page}) | ${m.description.en} | ${m.description.nl} | ${m.defaultSeverity} | ${m.languages.join(', ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

interface Output {
  path: string;
  content: string;
}

export function outputs(): Output[] {
  const metas = ruleMetas();
  const rulesProperties = Object.fromEntries(metas.map((m) => [m.id, ruleSchema(m)]));

  const schemaPath = join(ROOT, 'server/schema/brug.schema.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: { rules: Record<string, unknown> } };
  schema.properties.rules = { ...schema.properties.rules, properties: rulesProperties };

  const pkgPath = join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  pkg.contributes.configuration.properties['brug.rules'] = { ...pkg.contributes.configuration.properties['brug.rules'], properties: rulesProperties };

  return [
    { path: join(ROOT, 'docs/rules/README.md'), content: docsIndex(metas) },
    { path: schemaPath, content: `${JSON.stringify(schema, null, 2)}\n` },
    { path: pkgPath, content: `${JSON.stringify(pkg, null, 2)}\n` },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const o of outputs()) {
    const now = existsSync(o.path) ? readFileSync(o.path, 'utf8') : '';
    if (now === o.content) continue;
    if (check) stale.push(o.path.slice(ROOT.length + 1));
    else writeFileSync(o.path, o.content);
  }
  if (check && stale.length) {
    process.stderr.write(`Out of date with the rules' metadata: ${stale.join(', ')}. Run: npm run rules-index\n`);
    process.exit(1);
  }
}
