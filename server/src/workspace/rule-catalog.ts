/**
 * The rules Brug has, with their options, so that .brug.yml can be checked against them: an
 * unknown rule id or option is named instead of silently doing nothing.
 */
import type { RuleCatalogEntry } from '../engine/config/check.js';
import { engineFor } from './engine.js';

let catalog: RuleCatalogEntry[] | undefined;

export function ruleCatalog(): RuleCatalogEntry[] {
  if (!catalog) {
    const { engine } = engineFor();
    catalog = engine.rules.map((r) => {
      const options: Record<string, unknown> = {};
      for (const audience of Object.values(r.meta.options ?? {})) {
        for (const [name, value] of Object.entries(audience ?? {})) if (!(name in options)) options[name] = value;
      }
      return { id: r.meta.id, options };
    });
  }
  return catalog;
}
