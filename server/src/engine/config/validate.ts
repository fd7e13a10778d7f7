import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseDocument, isMap, isSeq, isScalar, LineCounter } from 'yaml';
import type { Node as YamlNode } from 'yaml';

// ajv is CommonJS; its default export sits on .default under ESM.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (o: object) => {
  compile: (schema: object) => ValidateFunction;
};

export interface YamlProblem {
  /** 1-based line and column. */
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  message: string;
}

export interface YamlResult<T> {
  value?: T;
  problems: YamlProblem[];
}

const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    validators.set(schema, v);
  }
  return v;
}

function nodeAt(root: YamlNode | null | undefined, path: string[]): { node: YamlNode | null | undefined; keyNode?: YamlNode } {
  let node = root;
  let keyNode: YamlNode | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return { node, ...(keyNode ? { keyNode } : {}) };
      keyNode = pair.key as YamlNode;
      node = pair.value as YamlNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { node };
      node = item as YamlNode;
      keyNode = undefined;
    } else {
      break;
    }
  }
  return { node, ...(keyNode ? { keyNode } : {}) };
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') : 'the file';
  switch (e.keyword) {
    case 'enum':
      return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'additionalProperties':
      return `${where}: unknown setting "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'type': {
      const t = String((e.params as { type: string }).type);
      return `${where}: must be ${t === 'array' ? 'a list' : t === 'object' ? 'a map of settings' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`}`;
    }
    case 'required':
      return `${where}: "${(e.params as { missingProperty: string }).missingProperty}" is missing`;
    case 'propertyNames':
      return `${where}: "${(e.params as { propertyName: string }).propertyName}" is not a valid name here`;
    case 'pattern':
      return `${where}: "${String(e.data)}" does not have the expected form`;
    case 'minItems':
    case 'minLength':
      return `${where}: is empty or too short`;
    default:
      return `${where}: ${e.message ?? 'is not valid'}`;
  }
}

/**
 * Parses YAML text and validates it against a JSON schema. Problems carry the line and column
 * of the offending key or value, so a writer can go straight to it.
 */
export function parseYamlWithSchema<T>(text: string, schema: object): YamlResult<T> {
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return { problems: [{ line: 1, column: 1, offset: 0, endOffset: 0, message: `not readable as YAML: ${(err as Error).message}` }] };
  }
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) {
    const offset = e.pos[0];
    problems.push({ ...at(offset), offset, endOffset: e.pos[1], message: `YAML syntax: ${e.message.split('\n')[0]}` });
  }
  if (problems.length) return { problems };
  let value: unknown;
  try {
    value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  } catch (err) {
    const reason = /alias/i.test((err as Error).message) ? 'too many aliases (*name): the file is not used' : (err as Error).message.split('\n')[0];
    return { problems: [{ line: 1, column: 1, offset: 0, endOffset: 0, message: `not readable as YAML: ${reason}` }] };
  }
  const validate = validatorFor(schema);
  if (!validate(value)) {
    const seen = new Set<string>();
    const errors = validate.errors ?? [];
    // With oneOf (a severity string or an object), a wrong string fails both branches; the
    // enum message says what is wrong, the other branch's "must be an object" only confuses.
    const withEnum = new Set(errors.filter((e) => e.keyword === 'enum' && (e.data === null || typeof e.data !== 'object')).map((e) => e.instancePath));
    // A bad key name fails its pattern and propertyNames: one message is enough.
    const withNames = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
    for (const e of errors) {
      // oneOf/if-then noise: keep the most specific messages.
      if (e.keyword === 'oneOf' || e.keyword === 'if' || e.keyword === 'not') continue;
      if (e.keyword === 'type' && withEnum.has(e.instancePath)) continue;
      if (e.keyword === 'pattern' && (e.data === undefined || withNames.has(e.instancePath))) continue;
      // An object against a list of words: the other branch (the object's own keys) says what is wrong.
      if (e.keyword === 'enum' && e.data !== null && typeof e.data === 'object') continue;
      const message = describe(e);
      if (seen.has(message)) continue;
      seen.add(message);
      const path = e.instancePath ? e.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
      if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
      const { node, keyNode } = nodeAt(doc.contents as YamlNode, path);
      const range = (e.keyword === 'additionalProperties' ? keyNode : node)?.range ?? keyNode?.range ?? [0, 0, 0];
      problems.push({ ...at(range[0]), offset: range[0], endOffset: range[1], message });
    }
    return { problems };
  }
  return { value: value as T, problems };
}
