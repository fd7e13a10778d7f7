/** The data of the report view and of the status bar, from one check. */
import type { CheckOutcome } from './checker.js';
import { clientMentionsOf } from './code-lens.js';
import { rangeOf, ruleDocs } from './diagnostics.js';
import type { Positions } from './diagnostics.js';
import { scoreName } from './messages.js';
import type { PracticeFit } from '../engine/practice/types.js';
import { practiceFitJson } from '../engine/practice/json.js';
import { compareWords } from '../engine/text/order.js';
import type { DocumentStatus, ReportData, ReportRule } from './protocol.js';

const VERDICTS = new Set(['present', 'partial', 'absent', 'not-applicable']);

export function verdictOf(outcome: CheckOutcome): DocumentStatus['verdict'] {
  const cp = outcome.result.analyses?.clientPerspective as { verdict?: unknown } | undefined;
  const v = cp && typeof cp === 'object' ? cp.verdict : undefined;
  return typeof v === 'string' && VERDICTS.has(v) ? (v as DocumentStatus['verdict']) : undefined;
}

export function documentStatus(outcome: CheckOutcome): DocumentStatus {
  const { result, ui } = outcome;
  const status: DocumentStatus = {
    uri: outcome.uri,
    enabled: true,
    language: result.language,
    score: result.metrics.score,
    band: result.metrics.band[ui],
    findings: result.findings.length,
  };
  const verdict = verdictOf(outcome);
  if (verdict) status.verdict = verdict;
  const fit = result.analyses?.practiceFit as PracticeFit | undefined;
  if (fit) status.practice = { found: fit.found, applicable: fit.applicable };
  return status;
}

export function reportData(outcome: CheckOutcome, doc: Positions): ReportData {
  const { result, ui } = outcome;
  const byRule = new Map<string, ReportRule>();
  for (const f of result.findings) {
    let r = byRule.get(f.ruleId);
    if (!r) {
      const rule = outcome.engine.rule(f.ruleId);
      r = { ruleId: f.ruleId, description: rule ? rule.meta.description[ui] : f.ruleId, docs: ruleDocs(f.ruleId) ?? '', count: 0, findings: [] };
      byRule.set(f.ruleId, r);
    }
    r.count++;
    r.findings.push({ message: f.message[ui] || f.message.en, severity: f.severity, range: rangeOf(doc, f.offset, f.endOffset) });
  }
  const cp = result.analyses?.clientPerspective;
  const data: ReportData = {
    uri: outcome.uri,
    language: result.language,
    format: result.format,
    messages: ui,
    metrics: result.metrics,
    band: result.metrics.band[ui],
    scoreName: scoreName(result.language),
    sections: result.sections.map((s, i) => {
      const mentions = clientMentionsOf(cp, s, i);
      return {
        title: s.title,
        level: s.level,
        role: s.role,
        line: s.line,
        language: s.language,
        metrics: s.metrics,
        band: s.metrics.band[ui],
        ...(mentions !== undefined ? { clientMentions: mentions } : {}),
      };
    }),
    rules: [...byRule.values()].sort((a, b) => b.count - a.count || compareWords(a.ruleId, b.ruleId)),
    findings: result.findings.length,
  };
  if (cp !== undefined) data.clientPerspective = cp;
  const fit = result.analyses?.practiceFit as PracticeFit | undefined;
  if (fit) (data as ReportData & { practiceFit?: unknown }).practiceFit = practiceFitJson(fit, ui);
  return data;
}
