import type { LintResult } from '../engine/engine.js';
import type { Language } from '../engine/types.js';
import type { ClientPerspective } from '../engine/rules/client/analysis.js';
import type { PracticeFit } from '../engine/practice/types.js';
import { practiceFitJson } from '../engine/practice/json.js';
import { READABLE } from '../engine/practice/analysis.js';
import { LineIndex } from '../engine/offsets.js';
import type { ReportFile } from './html.js';

const MAX_CONTEXT = 240;

/** The report data of one checked file: plain values, in the document's language. */
export function reportFileOf(path: string, text: string, result: LintResult, language: Language = result.language): ReportFile {
  const lines = new LineIndex(text);
  const sourceLines = text.split(/\r\n|\r|\n/);
  const m = result.metrics;
  const file: ReportFile = {
    path,
    language,
    words: m.words,
    sentences: m.sentences,
    score: m.score,
    band: m.band[language],
    scoreName: result.language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease',
    target: READABLE[result.language].good,
    sections: result.sections.filter((s, i) => !(i === 0 && s.role === 'title' && result.sections.length > 1)).map((s) => ({ title: s.title, level: s.level, line: s.line, words: s.metrics.words, score: s.metrics.score })),
    findings: result.findings.map((f) => {
      const line = lines.position(f.offset).line + 1;
      const ctx = (sourceLines[line - 1] ?? '').trim();
      return { ruleId: f.ruleId, severity: f.severity, message: f.message[language], line, ...(ctx ? { context: ctx.length > MAX_CONTEXT ? `${ctx.slice(0, MAX_CONTEXT)}…` : ctx } : {}) };
    }),
  };
  const fit = result.analyses.practiceFit as PracticeFit | undefined;
  if (fit) file.practiceFit = practiceFitJson(fit, language);
  const cp = result.analyses.clientPerspective as ClientPerspective | undefined;
  if (cp) {
    const evidence = [...cp.quotes, ...cp.statements, ...cp.involvement]
      .sort((a, b) => a.line - b.line)
      .slice(0, 10)
      .map((e) => ({ line: e.line, text: e.text.length > 200 ? `${e.text.slice(0, 199)}…` : e.text }));
    file.client = { verdict: cp.verdict, summary: cp.summary[language], evidence };
  }
  return file;
}
