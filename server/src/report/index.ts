export type { ReportFile, ReportPracticeFit, ReportPracticeItem, ReportSection, ReportFinding, ReportClient, ReportEvidence } from './html.js';
export { renderHtmlReport, renderPracticeCard, renderReadabilityChart, escapeHtml, STYLE } from './html.js';
export type { ReportLang } from './labels.js';
