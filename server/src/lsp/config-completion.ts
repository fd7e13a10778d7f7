/**
 * Completion in `.brug.yml`, from Brug's own JSON schema (server/schema/brug.schema.json, whose
 * rule entries scripts/rules-index.ts derives from the rules): keys where a key goes, allowed
 * values after `key: `. It needs no YAML extension in the editor, so every LSP client gets it.
 *
 * The YAML is read line by line with indentation, which is what a writer types; flow style
 * (`{ … }`) and multi-line strings get no completion, and are never misread as keys.
 */
import { readFileSync } from 'node:fs';
import { CompletionItemKind } from 'vscode-languageserver/node';
import type { CompletionItem } from 'vscode-languageserver/node';
import { join } from 'node:path';
import { resourceRoot } from '../workspace/resources.js';

export interface ConfigCompletion {
  label: string;
  /** 'key' inserts `label: `; 'value' inserts the label. */
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
  /**
   * The characters on the line that the completion replaces: what the writer has typed of the key
   * or value so far (and the rest of it after the cursor). Without it an editor replaces only its own
   * "word", and `readability/long` + `readability/long-sentence` would become
   * `readability/readability/long-sentence`.
   */
  replace: { start: number; end: number };
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
  const whole = lines[line] ?? '';
  const current = whole.slice(0, character);
  // The typed token runs on after the cursor up to a space, colon or comment.
  const end = character + (/^[^\s:#]*/.exec(whole.slice(character))?.[0].length ?? 0);
  if (/#/.test(current) || /[{[]/.test(current)) return [];

  // After `key:` on the same line: the key's allowed values.
  const valueAt = /^(\s*)(?:- )?([^\s#:][^:#]*?):\s+\S*$/.exec(current) ?? /^(\s*)(?:- )?([^\s#:][^:#]*?):$/.exec(current);
  if (valueAt) {
    let node: SchemaNode | undefined = root;
    for (const key of [...pathAbove(lines, line, valueAt[1]!.length), valueAt[2]!.trim()]) node = node && child(node, key);
    if (!node) return [];
    const values = [...new Set(variants(node).flatMap((v) => v.enum ?? []))].filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    const replace = { start: character - (/\S*$/.exec(current)?.[0].length ?? 0), end };
    return values.map((v) => ({ label: String(v), kind: 'value' as const, detail: node === undefined ? undefined : describe(node), replace }));
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
  const replace = { start: character - keyAt[2]!.length, end };
  const out: ConfigCompletion[] = [];
  for (const v of variants(node)) {
    for (const [key, sub] of Object.entries(v.properties ?? {})) {
      if (present.has(key) || out.some((o) => o.label === key)) continue;
      out.push({ label: key, kind: 'key', detail: describe(sub)?.split(' — ')[0], documentation: describe(sub), replace });
    }
  }
  return out;
}

/**
 * The LSP completion items at a position of a .brug.yml text: a key inserts `key: `, a value itself,
 * each replacing what the writer typed of it.
 */
export function configCompletionItems(text: string, line: number, character: number): CompletionItem[] {
  return completeConfig(text, line, character).map((c) => ({
    label: c.label,
    kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    textEdit: { range: { start: { line, character: c.replace.start }, end: { line, character: c.replace.end } }, newText: c.kind === 'key' ? `${c.label}: ` : c.label },
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: c.documentation } : {}),
  }));
}
