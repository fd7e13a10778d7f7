/**
 * Per-key validation of a .brug.yml. One mistake costs one setting: an unknown key is named
 * (with "did you mean" when a known key is close) and ignored; a bad value falls back to that
 * setting's default with a message naming the key, the value and what is allowed; every valid
 * setting still applies. YAML problems of any kind (syntax, duplicate keys, alias bombs) are
 * one-line problems on the setting they are in, never an exception.
 */
import AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';

// ajv is CommonJS; its default export sits on .default under ESM.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (o: object) => {
  compile: (schema: object) => ValidateFunction;
};

export interface ConfigProblem {
  /** 1-based line and column. */
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  /** The message in English (the command line prints this one). */
  message: string;
  /** The same message in Dutch. */
  nl: string;
  /** The setting it concerns (audience, rules.readability/long-sentence, …), when there is one. */
  key?: string;
}

/** What Brug knows about a rule, to check rule ids and options in .brug.yml. */
export interface RuleCatalogEntry {
  id: string;
  /** Option names with an example value (the audience defaults): its type is the expected type. */
  options: Record<string, unknown>;
}

export interface CheckedConfig {
  /** The valid settings, as plain values (merge them with mergeConfig). */
  raw: Record<string, unknown>;
  problems: ConfigProblem[];
  /** Settings the file names; valid: those that passed. When names > 0 and valid = 0, nothing of the file is used. */
  names: number;
  valid: number;
  /** The file could not be used at all (not a map of settings). */
  unusable: boolean;
}

/** Aliases beyond this count are an attack (a "billion laughs" file), not a configuration. */
const MAX_ALIASES = 100;

const validators = new WeakMap<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false }).compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  return best !== undefined && bestD <= limit ? best : undefined;
}

const show = (v: unknown): string => {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

interface Allowed {
  en: string;
  nl: string;
}

/** What a schema allows, in words. */
function allowedBy(schema: Record<string, unknown>): Allowed {
  if (Array.isArray(schema.enum)) {
    const list = schema.enum.map(String).join(', ');
    return { en: `one of ${list}`, nl: `een van ${list}` };
  }
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const parts = ((schema.oneOf ?? schema.anyOf) as Array<Record<string, unknown>>).map(allowedBy);
    return { en: parts.map((p) => p.en).join(', or '), nl: parts.map((p) => p.nl).join(', of ') };
  }
  const type = schema.type;
  if (type === 'array') {
    const items = (schema.items ?? {}) as Record<string, unknown>;
    if (items.type === 'string') return { en: 'a list of texts', nl: 'een lijst van teksten' };
    return { en: 'a list', nl: 'een lijst' };
  }
  if (type === 'object') {
    const props = schema.properties ? Object.keys(schema.properties as object) : [];
    if (props.length) return { en: `a map with ${props.join(', ')}`, nl: `een map met ${props.join(', ')}` };
    return { en: 'a map (name: value)', nl: 'een map (naam: waarde)' };
  }
  if (type === 'boolean') return { en: 'true or false', nl: 'true of false' };
  if (type === 'string') return { en: 'a text', nl: 'een tekst' };
  if (type === 'number' || type === 'integer') return { en: 'a number', nl: 'een getal' };
  if (Array.isArray(type)) return { en: type.join(' or '), nl: type.join(' of ') };
  return { en: 'a valid value', nl: 'een geldige waarde' };
}

function typeName(example: unknown): { en: string; nl: string; fits: (v: unknown) => unknown } {
  if (typeof example === 'number') {
    return {
      en: 'a number',
      nl: 'een getal',
      fits: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined),
    };
  }
  if (typeof example === 'boolean') return { en: 'true or false', nl: 'true of false', fits: (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined) };
  if (typeof example === 'string') return { en: 'a text', nl: 'een tekst', fits: (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined) };
  if (Array.isArray(example)) return { en: 'a list', nl: 'een lijst', fits: (v) => (Array.isArray(v) ? v : undefined) };
  return { en: 'a value', nl: 'een waarde', fits: (v) => (v === null || typeof v === 'object' ? undefined : v) };
}

class Checker {
  readonly problems: ConfigProblem[] = [];
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly rules: RuleCatalogEntry[] | undefined,
  ) {}

  problem(node: YamlNode | null | undefined, en: string, nl: string, key?: string): void {
    const range = node?.range ?? [0, 0, 0];
    const p = this.lines.linePos(range[0]);
    this.problems.push({ line: p.line, column: p.col, offset: range[0], endOffset: range[1], message: en, nl, ...(key ? { key } : {}) });
  }

  /** A node's plain value; undefined (with a problem) when it cannot be had safely. */
  value(node: YamlNode | null | undefined, key: string): { ok: boolean; value?: unknown } {
    if (!node) return { ok: true, value: null };
    try {
      return { ok: true, value: (node as YamlNode & { toJS: (d: Document, o: object) => unknown }).toJS(this.doc, { maxAliasCount: MAX_ALIASES }) };
    } catch (err) {
      const reason = /alias/i.test((err as Error).message) ? 'too many aliases (*name) in this value' : (err as Error).message.split('\n')[0]!;
      const reasonNl = /alias/i.test((err as Error).message) ? 'te veel aliassen (*naam) in deze waarde' : reason;
      this.problem(node, `${key}: ${reason}; this setting is ignored`, `${key}: ${reasonNl}; deze instelling wordt genegeerd`, key);
      return { ok: false };
    }
  }

  unknownKey(keyNode: YamlNode, path: string, name: string, known: string[]): void {
    const guess = closest(name, known);
    const where = path ? `${path}: ` : '';
    this.problem(
      keyNode,
      `${where}unknown setting "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; ignored. Known: ${known.join(', ')}`,
      `${where}onbekende instelling "${name}"${guess ? ` (bedoelt u "${guess}"?)` : ''}; genegeerd. Bekend: ${known.join(', ')}`,
      path ? `${path}.${name}` : name,
    );
  }

  badValue(node: YamlNode | null | undefined, key: string, value: unknown, schema: Record<string, unknown>): void {
    const allowed = allowedBy(schema);
    const def = schema.default !== undefined ? ` (${show(schema.default)})` : '';
    this.problem(
      node,
      `${key}: ${show(value)} is not allowed; allowed: ${allowed.en}. Using the default${def}`,
      `${key}: ${show(value)} is niet toegestaan; toegestaan: ${allowed.nl}. De standaardwaarde${def} geldt`,
      key,
    );
  }

  /** A setting against its schema: the value, or undefined when it is not valid (and a problem said why). */
  leaf(node: YamlNode | null | undefined, key: string, schema: Record<string, unknown>): unknown {
    const v = this.value(node, key);
    if (!v.ok) return undefined;
    if (!validatorFor(schema)(v.value)) {
      this.badValue(node, key, v.value, schema);
      return undefined;
    }
    return v.value;
  }

  /** A section of named settings (vocabulary, latex): each entry on its own. */
  section(node: YamlNode | null | undefined, key: string, schema: Record<string, unknown>): Record<string, unknown> | undefined {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    if (!isMap(node)) {
      const v = this.value(node, key);
      if (v.ok && v.value !== null && v.value !== undefined) this.badValue(node, key, v.value, schema);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const name = keyName(pair);
      if (name === undefined) {
        this.problem(pair.key as YamlNode, `${key}: a setting name must be a word`, `${key}: de naam van een instelling moet een woord zijn`, key);
        continue;
      }
      const sub = props[name];
      if (!sub) {
        this.unknownKey(pair.key as YamlNode, key, name, Object.keys(props));
        continue;
      }
      const v = this.leaf(pair.value as YamlNode, `${key}.${name}`, sub);
      if (v !== undefined && v !== null) out[name] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** rules: each rule id and its setting on its own; unknown ids and options are named. */
  ruleSection(node: YamlNode | null | undefined, schema: Record<string, unknown>): Record<string, unknown> | undefined {
    if (!isMap(node)) {
      const v = this.value(node, 'rules');
      if (v.ok && v.value !== null && v.value !== undefined) this.badValue(node, 'rules', v.value, schema);
      return undefined;
    }
    const entrySchema = schema.additionalProperties as Record<string, unknown>;
    const idPattern = new RegExp(((schema.propertyNames as { pattern?: string } | undefined)?.pattern) ?? '.*');
    const catalog = this.rules ? new Map(this.rules.map((r) => [r.id, r])) : undefined;
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const id = keyName(pair);
      const keyNode = pair.key as YamlNode;
      if (id === undefined || (!idPattern.test(id) && !catalog?.has(id))) {
        const guess = id && catalog ? closest(id, catalog.keys()) : undefined;
        this.problem(
          keyNode,
          `rules: "${id ?? '?'}" is not a rule id (area/name, for example readability/long-sentence)${guess ? `; did you mean "${guess}"?` : ''}; ignored`,
          `rules: "${id ?? '?'}" is geen regel-id (gebied/naam, bijvoorbeeld readability/long-sentence)${guess ? `; bedoelt u "${guess}"?` : ''}; genegeerd`,
          `rules.${id ?? '?'}`,
        );
        continue;
      }
      const rule = catalog?.get(id);
      if (catalog && !rule) {
        const full = guessRule(id, [...catalog.keys()]);
        this.problem(
          keyNode,
          `rules: unknown rule "${id}"${full ? ` (did you mean "${full}"?)` : ''}; ignored. brug rules lists the rules`,
          `rules: onbekende regel "${id}"${full ? ` (bedoelt u "${full}"?)` : ''}; genegeerd. brug rules toont de regels`,
          `rules.${id}`,
        );
        continue;
      }
      const value = this.ruleSetting(pair.value as YamlNode, id, entrySchema, rule);
      if (value !== undefined) out[id] = value;
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** One rule's setting: a severity, or { severity, options }, each part on its own. */
  ruleSetting(node: YamlNode | null | undefined, id: string, entrySchema: Record<string, unknown>, rule: RuleCatalogEntry | undefined): unknown {
    const key = `rules.${id}`;
    const branches = ((entrySchema.oneOf ?? entrySchema.anyOf ?? []) as Array<Record<string, unknown>>);
    const severitySchema = branches.find((b) => Array.isArray(b.enum)) ?? { enum: ['off', 'hint', 'info', 'warning', 'error'] };
    const objectSchema = branches.find((b) => b.type === 'object') ?? { type: 'object', properties: { severity: severitySchema, options: { type: 'object' } } };
    if (!isMap(node)) {
      const v = this.value(node, key);
      if (!v.ok) return undefined;
      if (v.value === null || v.value === undefined) return undefined;
      if (validatorFor(severitySchema)(v.value)) return v.value;
      this.badValue(node, key, v.value, { anyOf: [severitySchema, { type: 'object', properties: { severity: {}, options: {} } }] });
      return undefined;
    }
    const props = (objectSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const name = keyName(pair);
      if (name === 'severity') {
        const v = this.leaf(pair.value as YamlNode, `${key}.severity`, severitySchema);
        if (v !== undefined && v !== null) out.severity = v;
      } else if (name === 'options') {
        const optionsNode = pair.value as YamlNode;
        const v = isMap(optionsNode) ? this.value(optionsNode, `${key}.options`) : { ok: true, value: undefined };
        if (!isMap(optionsNode)) {
          const raw = this.value(optionsNode, `${key}.options`);
          if (raw.ok && raw.value !== null && raw.value !== undefined) this.badValue(optionsNode, `${key}.options`, raw.value, props.options ?? { type: 'object' });
          continue;
        }
        if (!v.ok) continue;
        const options = rule ? this.ruleOptions(node, id, v.value as Record<string, unknown>, rule) : this.genericOptions(optionsNode, key, v.value as Record<string, unknown>, props.options ?? {});
        if (options) out.options = options;
      } else {
        this.unknownKey(pair.key as YamlNode, key, name ?? '?', Object.keys(props).length ? Object.keys(props) : ['severity', 'options']);
      }
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** Options of a rule Brug does not know the options of: each checked against the schema's option types. */
  genericOptions(node: YamlNode, key: string, options: Record<string, unknown>, schema: Record<string, unknown>): Record<string, unknown> | undefined {
    const valueSchema = (schema.additionalProperties ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(options)) {
      const at = isMap(node) ? ((node.items.find((p) => keyName(p) === name)?.value as YamlNode | undefined) ?? node) : node;
      if (validatorFor(valueSchema)(v)) out[name] = v;
      else this.badValue(at, `${key}.options.${name}`, v, valueSchema);
    }
    return Object.keys(out).length ? out : undefined;
  }

  ruleOptions(node: YamlNode, id: string, options: Record<string, unknown>, rule: RuleCatalogEntry): Record<string, unknown> | undefined {
    const optionsNode = isMap(node) ? (node.items.find((p) => keyName(p) === 'options')?.value as YamlNode | undefined) : undefined;
    const at = (name: string): YamlNode | undefined => (isMap(optionsNode) ? ((optionsNode.items.find((p) => keyName(p) === name) as Pair<YamlNode, YamlNode> | undefined)?.key ?? undefined) : undefined);
    const known = Object.keys(rule.options);
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(options)) {
      if (!(name in rule.options)) {
        if (known.length === 0) {
          this.problem(at(name) ?? node, `rules.${id}: this rule has no options; "${name}" is ignored`, `rules.${id}: deze regel heeft geen opties; "${name}" wordt genegeerd`, `rules.${id}.options.${name}`);
        } else this.unknownKey(at(name) ?? node, `rules.${id}.options`, name, known);
        continue;
      }
      const t = typeName(rule.options[name]);
      const fitted = t.fits(v);
      if (fitted === undefined) {
        this.problem(
          at(name) ?? node,
          `rules.${id}.options.${name}: ${show(v)} is not allowed; allowed: ${t.en}. Using the default (${show(rule.options[name])})`,
          `rules.${id}.options.${name}: ${show(v)} is niet toegestaan; toegestaan: ${t.nl}. De standaardwaarde (${show(rule.options[name])}) geldt`,
          `rules.${id}.options.${name}`,
        );
        continue;
      }
      out[name] = fitted;
    }
    return Object.keys(out).length ? out : undefined;
  }
}

/** A known rule id close to `id`: the whole id, or the name part in another area. */
function guessRule(id: string, known: string[]): string | undefined {
  const whole = closest(id, known);
  if (whole) return whole;
  const name = id.split('/').pop() ?? id;
  const part = closest(name, known.map((k) => k.split('/').pop()!));
  return part ? known.find((k) => k.endsWith(`/${part}`)) : undefined;
}

function keyName(pair: Pair): string | undefined {
  const k = pair.key as YamlNode | null;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

/**
 * Checks the text of a .brug.yml against the configuration schema, setting by setting.
 * `rules`, when given, is the list of known rules: unknown ids and options are then named too.
 */
export function checkConfigText(text: string, schema: Record<string, unknown>, rules?: RuleCatalogEntry[]): CheckedConfig {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, maxAliasCount: MAX_ALIASES } as never) as Document;
  } catch (err) {
    const first = (err as Error).message.split('\n')[0]!;
    return {
      raw: {},
      problems: [{ line: 1, column: 1, offset: 0, endOffset: 0, message: `not readable as YAML (${first}); using the defaults`, nl: `niet leesbaar als YAML (${first}); de standaardinstellingen gelden` }],
      names: 0,
      valid: 0,
      unusable: true,
    };
  }
  const c = new Checker(doc, lines, rules);
  const errors = doc.errors.map((e) => ({ at: e.pos[0], end: e.pos[1], text: e.message.split('\n')[0]! }));
  const contents = doc.contents as YamlNode | null;
  const raw: Record<string, unknown> = {};
  const empty = contents === null || (isScalar(contents) && (contents.value === null || contents.value === undefined || contents.value === ''));
  if (empty) {
    for (const e of errors) c.problem({ range: [e.at, e.end, e.end] } as YamlNode, `YAML syntax: ${e.text}`, `YAML-syntaxis: ${e.text}`);
    return { raw, problems: c.problems, names: 0, valid: 0, unusable: errors.length > 0 };
  }
  if (!isMap(contents)) {
    c.problem(contents, 'the file must be a map of settings (audience: …, rules: …); using the defaults', 'het bestand moet een map van instellingen zijn (audience: …, rules: …); de standaardinstellingen gelden');
    return { raw, problems: c.problems, names: 0, valid: 0, unusable: true };
  }
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const used = new Set<number>();
  let names = 0;
  let valid = 0;
  // Each YAML error belongs to the last setting that starts at or before it.
  const starts = contents.items.map((pair) => ((pair.key as YamlNode | null)?.range?.[0] ?? (pair.value as YamlNode | null)?.range?.[0] ?? 0));
  const owner = errors.map((e) => {
    let o = -1;
    starts.forEach((st, i) => {
      if (st <= e.at) o = i;
    });
    return o;
  });
  for (const [index, pair] of contents.items.entries()) {
    const keyNode = pair.key as YamlNode | null;
    const valueNode = pair.value as YamlNode | null;
    const name = keyName(pair);
    names++;
    const inside = errors.filter((_, i) => owner[i] === index && used.add(i));
    if (inside.length) {
      const shown = name ?? 'a setting';
      for (const e of inside) {
        c.problem({ range: [e.at, e.end, e.end] } as YamlNode, `YAML syntax in ${shown}: ${e.text}; this setting is ignored`, `YAML-syntaxis in ${shown}: ${e.text}; deze instelling wordt genegeerd`, name);
      }
      continue;
    }
    if (name === undefined) {
      c.problem(keyNode, 'a setting name must be a word; ignored', 'de naam van een instelling moet een woord zijn; genegeerd');
      continue;
    }
    const sub = props[name];
    if (!sub) {
      c.unknownKey(keyNode!, '', name, Object.keys(props));
      continue;
    }
    const before = c.problems.length;
    let value: unknown;
    if (name === 'rules') value = c.ruleSection(valueNode, sub);
    else if (sub.type === 'object' && sub.properties) value = c.section(valueNode, name, sub);
    else value = c.leaf(valueNode, name, sub);
    if (value !== undefined && value !== null) {
      raw[name] = value;
      valid++;
    } else if (c.problems.length === before && (valueNode === null || (isScalar(valueNode) && valueNode.value === null) || isMap(valueNode))) valid++; // An empty setting is not a mistake.
  }
  errors.forEach((e, i) => {
    if (!used.has(i)) c.problem({ range: [e.at, e.end, e.end] } as YamlNode, `YAML syntax: ${e.text}`, `YAML-syntaxis: ${e.text}`);
  });
  c.problems.sort((a, b) => a.offset - b.offset);
  return { raw, problems: c.problems, names, valid, unusable: names > 0 && valid === 0 && c.problems.length > 0 };
}
