/**
 * Editor settings (brug.*) and how they layer over .brug.yml: defaults ← .brug.yml ← editor.
 * An editor setting only overrides the project when it says something specific: "auto" and
 * an empty audience leave the project's choice in force, so a client's contributed defaults
 * never silently beat a team's .brug.yml.
 */
import type { Audience } from '../engine/types.js';
import type { BrugConfig } from '../engine/config/config.js';
import { mergeConfig } from '../engine/config/config.js';
import { closest } from '../engine/config/check.js';

export interface BrugSettings {
  enable: boolean;
  audience?: Audience;
  language: 'auto' | 'nl' | 'en';
  messages: 'auto' | 'nl' | 'en';
  rules: Record<string, unknown>;
  codeLens: boolean;
  debounceMs: number;
  maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: BrugSettings = {
  enable: true,
  language: 'auto',
  messages: 'auto',
  rules: {},
  codeLens: true,
  debounceMs: 250,
  maxDocumentSize: 5 * 1024 * 1024,
};

const AUDIENCES = new Set(['practitioner', 'academic', 'general']);
const LANGUAGES = new Set(['auto', 'nl', 'en']);
const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/**
 * Reads what the client sent for the section "brug". Anything malformed falls back to the
 * default for that one setting and is named in `problems` (for the log), never thrown.
 */
export function normalizeSettings(raw: unknown, known?: ReadonlySet<string>): { settings: BrugSettings; problems: string[] } {
  const s: BrugSettings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: s, problems: ['brug: the settings are not an object'] };
  const r = raw as Record<string, unknown>;
  const bool = (key: 'enable' | 'codeLens') => {
    const v = r[key];
    if (v === undefined || v === null) return;
    if (typeof v === 'boolean') s[key] = v;
    else problems.push(`brug.${key} must be true or false`);
  };
  bool('enable');
  bool('codeLens');
  if (typeof r.audience === 'string' && AUDIENCES.has(r.audience)) s.audience = r.audience as Audience;
  else if (r.audience !== undefined && r.audience !== null && r.audience !== '' && r.audience !== 'auto') problems.push('brug.audience must be practitioner, academic or general');
  for (const key of ['language', 'messages'] as const) {
    const v = r[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string' && LANGUAGES.has(v)) s[key] = v as BrugSettings['language'];
    else problems.push(`brug.${key} must be auto, nl or en`);
  }
  for (const key of ['debounceMs', 'maxDocumentSize'] as const) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) s[key] = Math.floor(v);
    else problems.push(`brug.${key} must be a number of 0 or more`);
  }
  const rules = r.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
      if (!RULE_ID.test(id)) {
        problems.push(`brug.rules: "${id}" is not a rule id (area/name)`);
        continue;
      }
      if (known && !known.has(id)) {
        const guess = closest(id, known);
        problems.push(`brug.rules: unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; ignored`);
        continue;
      }
      if (typeof v === 'string' && SEVERITIES.has(v)) s.rules[id] = v;
      else if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        const entry: Record<string, unknown> = {};
        if (typeof o.severity === 'string' && SEVERITIES.has(o.severity)) entry.severity = o.severity;
        else if (o.severity !== undefined) problems.push(`brug.rules.${id}.severity must be off, hint, info, warning or error`);
        if (o.options && typeof o.options === 'object' && !Array.isArray(o.options)) entry.options = o.options;
        s.rules[id] = entry;
      } else problems.push(`brug.rules.${id} must be a severity or { severity, options }`);
    }
  } else if (rules !== undefined && rules !== null) problems.push('brug.rules must be an object of rule ids');
  return { settings: s, problems };
}

/** The editor settings as a layer over the project configuration. */
export function applySettings(base: BrugConfig, s: BrugSettings): BrugConfig {
  const raw: Record<string, unknown> = {};
  if (s.audience) raw.audience = s.audience;
  if (s.language !== 'auto') raw.language = s.language;
  if (s.messages !== 'auto') raw.messages = s.messages;
  if (Object.keys(s.rules).length) raw.rules = s.rules;
  return Object.keys(raw).length ? mergeConfig(base, raw) : base;
}
