import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder that holds Brug's data (dictionaries/, docs/, server/schema/): the repository
 * root when run from source, the extension folder when bundled. Found by walking up from
 * this module until dictionaries/schema.json is there. BRUG_HOME overrides it.
 */
export function resourceRoot(): string {
  if (root) return root;
  const env = process.env.BRUG_HOME;
  if (env && existsSync(join(env, 'dictionaries', 'schema.json'))) return (root = resolve(env));
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'dictionaries', 'schema.json'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('Brug cannot find its dictionaries folder; set BRUG_HOME to the folder that holds dictionaries/.');
}

/** Link to a rule's documentation page (a file in the package: it works offline). */
export function docsUrl(ruleId: string): string {
  const file = join(resourceRoot(), 'docs', 'rules', `${ruleId}.md`);
  return `file://${file.split('\\').join('/')}`;
}

const helpCache = new Map<string, { text: string; markdown: string } | undefined>();

/**
 * A rule's explanation for reports that travel (SARIF): the English part of its page, without
 * the examples' directive comments. Undefined when the page is missing.
 */
export function ruleHelp(ruleId: string): { text: string; markdown: string } | undefined {
  if (helpCache.has(ruleId)) return helpCache.get(ruleId);
  let help: { text: string; markdown: string } | undefined;
  try {
    const page = readFileSync(join(resourceRoot(), 'docs', 'rules', `${ruleId}.md`), 'utf8');
    const start = page.indexOf('## English');
    const end = page.indexOf('\n## Nederlands');
    const english = (start >= 0 ? page.slice(start + '## English'.length, end > start ? end : undefined) : page)
      .replace(/<!--[\s\S]*?-->\n?/g, '')
      .replace(/^###/gm, '##')
      .trim();
    help = { markdown: english, text: english.replace(/[*`_]/g, '').replace(/^#+\s*/gm, '') };
  } catch {
    help = undefined;
  }
  helpCache.set(ruleId, help);
  return help;
}
