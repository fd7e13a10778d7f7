import type { LintResult } from '../engine/engine.js';
import type { Language, Message } from '../engine/types.js';
import type { ClientPerspective } from '../engine/rules/client/analysis.js';
import type { PracticeFit } from '../engine/practice/types.js';
import { practiceFitJson } from '../engine/practice/json.js';

/**
 * Per-file output that document analyses add. The client perspective gives a JSON block
 * (verdict, the numbers behind it, and per-section mentions) and the text output's closing
 * one-line verdict with its evidence.
 */
export function fileExtras(result: LintResult, _language: Language): { json: Record<string, unknown>; lines: Message[] } {
  const cp = result.analyses.clientPerspective as ClientPerspective | undefined;
  const fit = result.analyses.practiceFit as PracticeFit | undefined;
  const practice = fit ? { practiceFit: practiceFitJson(fit) } : {};
  if (!cp) return { json: practice, lines: [] };
  return {
    json: {
      ...practice,
      clientPerspective: {
        verdict: cp.verdict,
        clientMentionsPer1000: cp.clientMentionsPer1000,
        clientToProfessionalRatio: cp.clientToProfessionalRatio,
        clientQuotes: cp.clientQuotes,
        experienceStatements: cp.voiceStatements + cp.experienceStatements,
        methodInvolvesClients: cp.method.involvesClients,
        evidence: cp.evidence,
        sections: cp.sections.map((s) => ({ title: s.title, line: s.line, role: s.role, clientMentions: s.clientMentions, professionalMentions: s.professionalMentions })),
      },
    },
    lines: [cp.summary],
  };
}
