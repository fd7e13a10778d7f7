/**
 * Completion in `.brug.yml`, from Brug's own JSON schema (server/schema/brug.schema.json, whose
 * rule entries scripts/rules-index.ts derives from the rules): keys where a key goes, allowed
 * values after `key: `. It needs no YAML extension in the editor, so every LSP client gets it.
 *
 * The YAML is read line by line with indentation, which is what a writer types; flow style
 * (`{ … }`) and multi-line strings get no completion, and are never misread as keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceRoot } from '../workspace/resources.js';

export interface ConfigCompletion {
  label: string;
  /** 'key' inserts `label: `; 'value' inserts the label. */
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
}

interface SchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  default?: unknown;
}

let schema: SchemaNode | undefined;

function loadSchema(): SchemaNode {
  schema ??= JSON.parse(readFileSync(join(resourceRoot(), 'server', 'schema', 'brug.schema.json'), 'utf8')) as SchemaNode;
  return schema;
}

/** The alternatives of a node (anyOf / oneOf flattened), the node itself first. */
function variants(node: SchemaNode): SchemaNode[] {
  return [node, ...(node.anyOf ?? []).flatMap(variants), ...(node.oneOf ?? []).flatMap(variants)];
}

/** The schema node of a key below `node` (declared property, or any key's schema). */
function child(node: SchemaNode, key: string): SchemaNode | undefined {
  for (const v of variants(node)) {
    if (v.properties?.[key]) return v.properties[key];
  }
  for (const v of variants(node)) {
    if (v.items) return child(v.items, key);
    if (v.additionalProperties && typeof v.additionalProperties === 'object') return v.additionalProperties;
  }
  return undefined;
}

/** The keys of `path` above the cursor line, from indentation (list items count as one level). */
function pathAbove(lines: string[], line: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    const m = /^(\s*)(?:- )?([^\s#:][^:#]*?):\s*(?:#.*)?$/.exec(lines[i]!);
    if (!m) continue;
    const ind = m[1]!.length;
    if (ind < limit) {
      path.unshift(m[2]!.trim().replace(/^['"]|['"]$/g, ''));
      limit = ind;
    }
  }
  return path;
}

function describe(node: SchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  return variants(node).find((v) => v.description)?.description;
}

/** Completions at a position (0-based line, UTF-16 character) of a .brug.yml text. */
export function completeConfig(text: string, line: number, character: number, root: SchemaNode = loadSchema()): ConfigCompletion[] {
  const lines = text.split(/\r?\n/);
  const current = (lines[line] ?? '').slice(0, character);
  if (/#/.test(current) || /[{[]/.test(current)) return [];

  // After `key:` on the same line: the key's allowed values.
  const valueAt = /^(\s*)(?:- )?([^\s#:][^:#]*?):\s+\S*$/.exec(current) ?? /^(\s*)(?:- )?([^\s#:][^:#]*?):$/.exec(current);
  if (valueAt) {
    let node: SchemaNode | undefined = root;
    for (const key of [...pathAbove(lines, line, valueAt[1]!.length), valueAt[2]!.trim()]) node = node && child(node, key);
    if (!node) return [];
    const values = [...new Set(variants(node).flatMap((v) => v.enum ?? []))].filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    return values.map((v) => ({ label: String(v), kind: 'value' as const, detail: node === undefined ? undefined : describe(node) }));
  }

  // Where a key goes: the keys the schema declares at this level, minus those already there.
  const keyAt = /^(\s*)(?:- )?([^\s:#]*)$/.exec(current);
  if (!keyAt) return [];
  const indent = keyAt[1]!.length;
  let node: SchemaNode | undefined = root;
  for (const key of pathAbove(lines, line, indent)) node = node && child(node, key);
  if (!node) return [];
  const present = new Set(
    lines
      .map((l, i) => (i === line ? undefined : new RegExp(`^\\s{${indent}}([^\\s:#]+):`).exec(l)?.[1]))
      .filter((k): k is string => k !== undefined),
  );
  const out: ConfigCompletion[] = [];
  for (const v of variants(node)) {
    for (const [key, sub] of Object.entries(v.properties ?? {})) {
      if (present.has(key) || out.some((o) => o.label === key)) continue;
      out.push({ label: key, kind: 'key', detail: describe(sub)?.split(' — ')[0], documentation: describe(sub) });
    }
  }
  return out;
}
