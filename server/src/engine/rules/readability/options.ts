import type { RuleContext, RuleMeta } from '../types.js';

/**
 * A numeric option of a rule. A value from .brug.yml that is not a number ("x", a list) falls
 * back on the audience default instead of turning every comparison into NaN (which would flag
 * every sentence, or none).
 */
export function numberOption(meta: RuleMeta, ctx: RuleContext, name: string): number {
  const given = ctx.options[name];
  const v = typeof given === 'number' || typeof given === 'string' ? Number(given) : NaN;
  if (typeof given === 'string' && given.trim() === '') return Number(meta.options[ctx.audience][name]);
  return Number.isFinite(v) ? v : Number(meta.options[ctx.audience][name]);
}

/** A yes/no option: true and "true" are yes; anything else is no. */
export function booleanOption(ctx: RuleContext, name: string): boolean {
  const v = ctx.options[name];
  return v === true || v === 'true';
}
