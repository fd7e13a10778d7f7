/**
 * The Brug report as one standalone HTML page: no network, no scripts, no external fonts; inline
 * CSS and SVG, print-friendly. Used by `brug report` and (for the practice card) by the editor's
 * report view. Everything it shows is escaped; the input is plain data.
 */
import type { ReportLang } from './labels.js';
import { labels } from './labels.js';
import { numberText } from '../engine/text/numbers.js';

export interface ReportEvidence {
  line: number;
  text: string;
}

export interface ReportPracticeItem {
  id: string;
  insight: number;
  title: string;
  status: string;
  evidence: ReportEvidence[];
  advice: string;
}

export interface ReportPracticeFit {
  items: ReportPracticeItem[];
  found: number;
  applicable: number;
  handles?: { recommendations: number; withActor: number; forResearch: number };
}

export interface ReportSection {
  title: string;
  level: number;
  line: number;
  words: number;
  score: number;
}

export interface ReportFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  /** The source line the finding is on. */
  context?: string;
}

export interface ReportClient {
  verdict: string;
  summary?: string;
  evidence: Array<ReportEvidence & { kind?: string }>;
}

export interface ReportFile {
  path: string;
  language: ReportLang;
  words: number;
  sentences: number;
  score: number;
  band?: string;
  scoreName: string;
  /** The readability target for practitioners on this score's scale. */
  target: number;
  sections: ReportSection[];
  findings: ReportFinding[];
  practiceFit?: ReportPracticeFit;
  client?: ReportClient;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const h = escapeHtml;

// (Rounded, then written as the language writes it: engine/text/numbers.ts, as the messages and `brug check` do.)
const fmt = (n: number, lang: ReportLang, digits = 0) => numberText(Math.round(n * 10 ** digits) / 10 ** digits, lang);

/** Horizontal bars, one per section with words, scaled 0–100, with the target as a dashed line. */
export function renderReadabilityChart(sections: ReportSection[], target: number, lang: ReportLang): string {
  const L = labels(lang);
  const rows = sections.filter((s) => s.words > 0).slice(0, 40);
  if (!rows.length) return '';
  const rowH = 22;
  const labelW = 260;
  const barW = 360;
  const height = rows.length * rowH + 24;
  const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * barW;
  const bars = rows
    .map((s, i) => {
      const y = i * rowH + 4;
      const cls = s.score >= target ? 'ok' : s.score >= target - 15 ? 'fair' : 'hard';
      const title = s.title.length > 38 ? `${s.title.slice(0, 37)}…` : s.title;
      const indent = Math.min(3, Math.max(0, s.level - 1)) * 10;
      return `<g class="bar ${cls}"><text x="${indent}" y="${y + 14}" class="label">${h(title)}</text><rect x="${labelW}" y="${y + 3}" width="${Math.max(1, x(s.score) - labelW).toFixed(1)}" height="${rowH - 8}" rx="2"/><text x="${(x(s.score) + 4).toFixed(1)}" y="${y + 14}" class="value">${fmt(s.score, lang)}</text><title>${h(`${s.title} · ${L.line} ${s.line} · ${fmt(s.words, lang)} ${L.words}`)}</title></g>`;
    })
    .join('');
  const tx = x(target).toFixed(1);
  return `<figure class="chart"><svg role="img" aria-label="${h(L.chart)}" viewBox="0 0 ${labelW + barW + 40} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${bars}<line x1="${tx}" y1="0" x2="${tx}" y2="${height - 18}" class="target"/><text x="${tx}" y="${height - 4}" class="target-label">${h(L.target)} ${fmt(target, lang)}</text></svg><figcaption>${h(L.chartNote)}</figcaption></figure>`;
}

/** The practice-fit card: one element per insight with data-insight="N", its status, evidence and advice. */
export function renderPracticeCard(fit: ReportPracticeFit, lang: ReportLang): string {
  const L = labels(lang);
  const items = fit.items
    .map((i) => {
      const ev = i.evidence.length
        ? `<ul class="evidence">${i.evidence.map((e) => `<li><span class="ln">${h(L.line)} ${e.line}</span> ${h(e.text)}</li>`).join('')}</ul>`
        : `<p class="none">${h(L.noEvidence)}</p>`;
      return `<li class="insight ${h(i.status)}" data-insight="${i.insight}" data-id="${h(i.id)}" data-status="${h(i.status)}"><div class="head"><span class="num">${i.insight}</span><span class="name">${h(i.title)}</span><span class="status">${h(L.status[i.status] ?? i.status)}</span></div>${ev}<p class="advice"><strong>${h(L.advice)}:</strong> ${h(i.advice)}</p></li>`;
    })
    .join('');
  const handles = fit.handles
    ? `<p class="handles"><strong>${h(L.handles)}:</strong> ${h(fit.handles.recommendations ? L.recs(fit.handles.withActor, fit.handles.recommendations) : L.noRecs)}</p>`
    : '';
  return `<section class="card" aria-labelledby="card-title"><h2 id="card-title">${h(L.card)} <span class="count">${fit.found}/${fit.applicable} ${h(L.found)}</span></h2><p class="note">${h(L.cardNote)}</p>${handles}<ol class="insights">${items}</ol></section>`;
}

function renderClient(c: ReportClient | undefined, lang: ReportLang): string {
  if (!c) return '';
  const L = labels(lang);
  const ev = c.evidence.length
    ? `<ul class="evidence">${c.evidence.map((e) => `<li><span class="ln">${h(L.line)} ${e.line}</span> ${h(e.text)}</li>`).join('')}</ul>`
    : `<p class="none">${h(L.noClient)}</p>`;
  return `<section class="client"><h2>${h(L.client)}</h2><p><strong>${h(L.verdict)}:</strong> <span class="verdict ${h(c.verdict)}">${h(L.status[c.verdict] ?? c.verdict)}</span>${c.summary ? ` — ${h(c.summary)}` : ''}</p>${ev}</section>`;
}

function renderFindings(f: ReportFile, lang: ReportLang): string {
  const L = labels(lang);
  if (!f.findings.length) return `<section class="findings"><h2>${h(L.bySection)}</h2><p class="none">${h(L.noFindings)}</p></section>`;
  const groups: Array<{ title: string; line: number; items: ReportFinding[] }> = [];
  const sections = [...f.sections].sort((a, b) => a.line - b.line);
  for (const x of [...f.findings].sort((a, b) => a.line - b.line)) {
    let s: ReportSection | undefined;
    for (const c of sections) if (c.line <= x.line) s = c;
    const title = s ? s.title : L.beforeFirst;
    const line = s ? s.line : 0;
    let g = groups.find((y) => y.title === title && y.line === line);
    if (!g) groups.push((g = { title, line, items: [] }));
    g.items.push(x);
  }
  const body = groups
    .map(
      (g) =>
        `<section class="group"><h3>${h(g.title)}${g.line ? ` <span class="ln">${h(L.line)} ${g.line}</span>` : ''}</h3><ul>${g.items
          .map(
            (x) =>
              `<li class="finding ${h(x.severity)}"><span class="ln">${h(L.line)} ${x.line}</span> <span class="sev">${h(L.severity[x.severity] ?? x.severity)}</span> ${h(x.message)} <code>${h(x.ruleId)}</code>${x.context ? `<blockquote>${h(x.context)}</blockquote>` : ''}</li>`,
          )
          .join('')}</ul></section>`,
    )
    .join('');
  return `<section class="findings"><h2>${h(L.bySection)} <span class="count">${f.findings.length}</span></h2>${body}</section>`;
}

function renderFile(f: ReportFile, lang: ReportLang): string {
  const L = labels(lang);
  const facts = `${fmt(f.words, lang)} ${L.words} · ${fmt(f.sentences, lang)} ${L.sentences} · ${L.score} ${fmt(f.score, lang)}${f.band ? ` (${f.band})` : ''} · ${f.scoreName} · ${L.findings} ${f.findings.length}`;
  return `<article class="file" lang="${f.language}"><header><h1>${h(f.path)}</h1><p class="facts">${h(facts)}</p></header>${f.practiceFit ? renderPracticeCard(f.practiceFit, lang) : ''}<section class="readability"><h2>${h(L.chart)}</h2>${renderReadabilityChart(f.sections, f.target, lang)}</section>${renderClient(f.client, lang)}${renderFindings(f, lang)}</article>`;
}

/** The whole page. The page language is the first document's. */
export function renderHtmlReport(files: ReportFile[], now = new Date()): string {
  const lang: ReportLang = files[0]?.language ?? 'en';
  const L = labels(lang);
  const title = files.length === 1 ? `${L.title} · ${files[0]!.path}` : L.title;
  const date = now.toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${files.map((f) => renderFile(f, lang)).join('\n')}
<footer><p>${h(L.generated)} ${date}.</p></footer>
</body>
</html>
`;
}

/** The card's own rules, for pages that bring their own base style (the editor's report view). */
export const CARD_STYLE = `
ol.insights{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:8px}
li.insight{border:1px solid rgba(128,128,128,.35);border-left:6px solid #7a8a8f;border-radius:6px;padding:6px 10px}
li.insight.present{border-left-color:#2e7d4f}li.insight.partial{border-left-color:#b7791f}li.insight.absent{border-left-color:#b83232}
.insight .head{display:flex;gap:8px;align-items:baseline}.insight .num{font-weight:700}.insight .name{font-weight:600;flex:1}
.insight .status{font-size:.8em;padding:0 6px;border-radius:8px;border:1px solid rgba(128,128,128,.5)}
.insight ul.evidence{margin:4px 0;padding:0;list-style:none;font-size:.9em}.insight .ln{opacity:.7;margin-right:4px}.insight .advice{margin:4px 0 0;font-size:.9em}.insight .none{opacity:.7;font-style:italic}
`;

export const STYLE = `
:root{--ink:#1d2b30;--muted:#5b6b70;--line:#d8e0e2;--ok:#2e7d4f;--fair:#b7791f;--hard:#b83232;--na:#7a8a8f;--bg:#fff;--accent:#16414a}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:980px;padding:24px}
h1{font-size:1.5rem;margin:0 0 4px;color:var(--accent);word-break:break-all}
h2{font-size:1.15rem;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:1rem;margin:16px 0 6px}
.facts,.note,figcaption,footer{color:var(--muted);font-size:.9rem}
.count{font-weight:normal;color:var(--muted);font-size:.9rem}
.ln{display:inline-block;min-width:4.5em;color:var(--muted);font-variant-numeric:tabular-nums;font-size:.85rem}
ol.insights{list-style:none;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:10px}
li.insight{border:1px solid var(--line);border-left:6px solid var(--na);border-radius:6px;padding:8px 10px;break-inside:avoid}
li.insight.present{border-left-color:var(--ok)}li.insight.partial{border-left-color:var(--fair)}li.insight.absent{border-left-color:var(--hard)}
.insight .head{display:flex;gap:8px;align-items:baseline}
.insight .num{font-weight:700;color:var(--accent)}.insight .name{font-weight:600;flex:1}
.status{font-size:.8rem;padding:1px 8px;border-radius:10px;background:#eef2f3;white-space:nowrap}
.present .status,.verdict.present{background:#e3f3e9;color:var(--ok)}.partial .status,.verdict.partial{background:#fbf0dc;color:#8a5a10}.absent .status,.verdict.absent{background:#f8e1e1;color:var(--hard)}
ul.evidence{margin:6px 0;padding-left:0;list-style:none;font-size:.88rem}
ul.evidence li{margin:2px 0}
.advice{margin:6px 0 0;font-size:.88rem}
.none{color:var(--muted);font-style:italic;font-size:.88rem}
.chart svg{max-width:100%;height:auto}
.chart .label{font-size:12px;fill:var(--ink)}.chart .value{font-size:11px;fill:var(--muted)}
.chart .ok rect{fill:var(--ok)}.chart .fair rect{fill:var(--fair)}.chart .hard rect{fill:var(--hard)}
.chart .target{stroke:var(--accent);stroke-dasharray:4 3;stroke-width:1.5}.chart .target-label{font-size:11px;fill:var(--accent)}
.findings ul{list-style:none;padding:0}
li.finding{margin:6px 0;padding:6px 8px;border-left:3px solid var(--line);break-inside:avoid}
li.finding.error{border-left-color:var(--hard)}li.finding.warning{border-left-color:var(--fair)}li.finding.info{border-left-color:#3d7ea6}
.sev{font-size:.78rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
code{font-size:.8rem;color:var(--muted)}
blockquote{margin:4px 0 0;padding:2px 8px;border-left:2px solid var(--line);color:var(--muted);font-size:.85rem;white-space:pre-wrap;word-break:break-word}
article.file+article.file{margin-top:48px;border-top:4px solid var(--accent);padding-top:16px}
@media (max-width:700px){ol.insights{grid-template-columns:1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}article.file+article.file{break-before:page}a{color:inherit;text-decoration:none}.status{border:1px solid #999}}
`;
