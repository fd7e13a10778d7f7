/** section-score's findings in the warm-edit tests: every section with running text reported, compared as plain data. */
import { defaultConfig } from '../../server/src/engine/config/config.js';
import type { BrugConfig } from '../../server/src/engine/config/config.js';
import type { LintResult } from '../../server/src/engine/engine.js';

/** Every section with running text reported, with its counts in the data. */
export function reportAll(): BrugConfig {
  const config = defaultConfig();
  config.rules['readability/section-score'] = {
    options: { summaryTarget: 1000, bodyTarget: 1000, minWords: 0, minAverageSentenceWords: 0, summaryMinAverageSentenceWords: 0, minProseShare: 0 },
  };
  return config;
}

/** A result's section-score findings: place, severity and data. */
export function scores(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'readability/section-score').map((f) => JSON.stringify({ offset: f.offset, endOffset: f.endOffset, severity: f.severity, data: f.data }));
}
