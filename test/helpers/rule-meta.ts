/**
 * The metadata of a rule made for a test (both languages, the same options for every audience): what the engine needs
 * to run it, so that a test's rule is written as its `check` alone.
 */
import type { Message, Severity } from '../../server/src/engine/types.js';
import type { RuleMeta, RuleOptions } from '../../server/src/engine/rules/types.js';

export function testRuleMeta(id: string, more: { severity?: Severity; description?: Message; rationale?: Message; options?: RuleOptions } = {}): RuleMeta {
  const options = more.options ?? {};
  return {
    id,
    languages: ['nl', 'en'],
    defaultSeverity: more.severity ?? 'warning',
    description: more.description ?? { en: 'Test', nl: 'Test' },
    rationale: more.rationale ?? { en: 'Test', nl: 'Test' },
    options: { practitioner: options, academic: options, general: options },
  };
}
