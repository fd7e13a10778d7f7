/**
 * Renders the report data that the server returns for `brug.report` as HTML for a webview.
 * The data's exact shape belongs to the server, so everything here reads it defensively:
 * unknown or missing fields are skipped, never trusted, and all text is escaped.
 * The chart is inline SVG styled by the page's own (nonce'd) style sheet: no network, no remote code.
 * No `vscode` import: tests render reports outside VS Code.
 */
import { type Lang, languageName, pick, severityName, t, verdictName } from './messages';
import { CARD_STYLE, renderPracticeCard } from '../../server/src/report/html';
import type { ReportPracticeFit } from '../../server/src/report/html';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = (v: unknown, lang: Lang): string => escapeHtml(pick(v, lang) ?? '');

function fmt(n: number, lang: Lang, digits = 1): string {
  const r = Math.round(n * 10 ** digits) / 10 ** digits;
  return lang === 'nl' ? String(r).replace('.', ',') : String(r);
}
function pct(n: number, lang: Lang): string {
  const p = n <= 1 ? n * 100 : n;
  return `${fmt(p, lang, 0)}%`;
}

/** 1-based line of something the server reports: `line` (1-based) or an LSP `range`/`position` (0-based). */
export function lineOf(v: unknown): number | undefined {
  if (!isObj(v)) return undefined;
  const l = num(v.line);
  if (l !== undefined) return l;
  const range = isObj(v.range) ? v.range : undefined;
  const start = range && isObj(range.start) ? range.start : isObj(v.start) ? v.start : isObj(v.position) ? v.position : undefined;
  const sl = start ? num(start.line) : undefined;
  return sl !== undefined ? sl + 1 : undefined;
}
function characterOf(v: unknown): number {
  if (!isObj(v)) return 0;
  const c = num(v.column);
  if (c !== undefined) return Math.max(0, c - 1);
  const range = isObj(v.range) ? v.range : undefined;
  const start = range && isObj(range.start) ? range.start : undefined;
  return (start && num(start.character)) || 0;
}
function lineLink(v: unknown, lang: Lang): string {
  const line = lineOf(v);
  if (line === undefined) return '';
  return `<a href="#" class="line" data-line="${line - 1}" data-character="${characterOf(v)}">${escapeHtml(t(lang, 'line', line))}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Metrics

function scoreOf(m: unknown): number | undefined {
  if (!isObj(m)) return num(m);
  return num(m.score) ?? num(m.fleschDouma) ?? num(m.fleschReadingEase);
}

function scoreName(language: unknown): string {
  return language === 'en' ? 'Flesch Reading Ease' : language === 'nl' ? 'Flesch-Douma' : '';
}

function renderMetrics(report: Obj, lang: Lang): string {
  const m = isObj(report.metrics) ? report.metrics : {};
  const rows: Array<[string, string]> = [];
  if (typeof report.language === 'string') rows.push([t(lang, 'language'), languageName(lang, report.language)]);
  const score = scoreOf(m);
  if (score !== undefined) {
    const band = pick(report.band, lang) ?? pick(m.band, lang);
    const name = typeof report.scoreName === 'string' ? report.scoreName : scoreName(report.language);
    rows.push([t(lang, 'readability'), `${fmt(score, lang)}${band ? ` (${band})` : ''}${name ? ` · ${name}` : ''}`]);
  }
  const known: Array<[string, keyof Obj, (n: number) => string]> = [
    [t(lang, 'words'), 'words', (n) => fmt(n, lang, 0)],
    [t(lang, 'sentences'), 'sentences', (n) => fmt(n, lang, 0)],
    [t(lang, 'wordsPerSentence'), 'averageSentenceLength', (n) => fmt(n, lang)],
    [t(lang, 'longSentenceShare'), 'longSentenceShare', (n) => pct(n, lang)],
    [t(lang, 'passiveShare'), 'passiveShare', (n) => pct(n, lang)],
  ];
  for (const [label, key, f] of known) {
    const v = num(m[key]);
    if (v !== undefined) rows.push([label, f(v)]);
  }
  const shown = new Set(['words', 'sentences', 'averageSentenceLength', 'longSentenceShare', 'passiveShare', 'score', 'band']);
  const others = Object.entries(m).filter(([k, v]) => !shown.has(k) && num(v) !== undefined);
  const cards = rows
    .map(([k, v]) => `<div class="metric"><div class="metric-label">${escapeHtml(k)}</div><div class="metric-value">${escapeHtml(v)}</div></div>`)
    .join('');
  const details = others.length
    ? `<details class="all-metrics" data-key="metrics"><summary>${escapeHtml(t(lang, 'moreMeasures', others.length))}</summary><table>${others
        .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${escapeHtml(fmt(v as number, lang))}</td></tr>`)
        .join('')}</table></details>`
    : '';
  return `<section id="metrics"><h2>${escapeHtml(t(lang, 'metrics'))}</h2><div class="metrics">${cards}</div>${details}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Sections: a bar per section, in SVG

interface SectionRow {
  title: string;
  level: number;
  score?: number;
  band?: string;
  target?: number;
  words?: number;
  line?: number;
  mentions?: number;
  raw: unknown;
}

function sectionRows(report: Obj, lang: Lang): SectionRow[] {
  const list = arr(report.sections);
  const targets = sectionTargets(report);
  return list.filter(isObj).map((s, i) => {
    const m = isObj(s.metrics) ? s.metrics : s;
    const line = lineOf(s);
    const target = num(s.target) ?? (isObj(s.metrics) ? num(s.metrics.target) : undefined) ?? (line !== undefined ? targets.get(line) : undefined);
    return {
      title: pick(s.title, lang) ?? pick(s.name, lang) ?? `#${i + 1}`,
      level: num(s.level) ?? 1,
      score: scoreOf(m),
      band: pick(s.band, lang) ?? pick(isObj(m) ? m.band : undefined, lang),
      mentions: num(s.clientMentions),
      target,
      words: isObj(m) ? num(m.words) : undefined,
      line,
      raw: s,
    };
  });
}

/** Targets the section-score rule reported, by line, when sections do not carry their own. */
function sectionTargets(report: Obj): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of allFindings(report)) {
    if (f.ruleId !== 'readability/section-score') continue;
    const target = isObj(f.raw) && isObj(f.raw.data) ? num(f.raw.data.target) : undefined;
    const line = lineOf(f.raw);
    if (target !== undefined && line !== undefined) out.set(line, target);
  }
  return out;
}

function bandClass(score: number, target: number | undefined): string {
  if (target !== undefined) return score >= target ? 'good' : score >= target - 15 ? 'fair' : 'poor';
  return score >= 50 ? 'good' : score >= 30 ? 'fair' : 'poor';
}

function renderSections(report: Obj, lang: Lang): string {
  const rows = sectionRows(report, lang).filter((r) => r.score !== undefined);
  const head = `<h2>${escapeHtml(t(lang, 'sections'))}</h2>`;
  if (!rows.length) return `<section id="sections">${head}<p class="empty">${escapeHtml(t(lang, 'sectionsNone'))}</p></section>`;
  const W = 100; // the bar's scale: scores clamp to 0..100
  const anyMentions = rows.some((r) => r.mentions !== undefined);
  const body = rows
    .map((r) => {
      const score = r.score!;
      const empty = r.words === 0;
      const w = empty ? 0 : Math.max(0.5, Math.min(W, score));
      const cls = bandClass(score, r.target);
      const target =
        r.target !== undefined
          ? `<line class="target" x1="${Math.min(W, Math.max(0, r.target))}" x2="${Math.min(W, Math.max(0, r.target))}" y1="0" y2="14"><title>${escapeHtml(`${t(lang, 'target')}: ${r.target}`)}</title></line>`
          : '';
      const label = `${r.title}: ${fmt(score, lang)}${r.band ? ` (${r.band})` : ''}`;
      const indent = Math.max(0, Math.min(5, r.level - 1));
      const title = r.line !== undefined ? `<a href="#" data-line="${r.line - 1}" data-character="0">${escapeHtml(r.title)}</a>` : escapeHtml(r.title);
      return `<tr class="section-row level-${r.level}">
  <td class="section-title indent-${indent}">${title}</td>
  <td class="section-bar-cell"><svg class="section-bar" viewBox="0 0 ${W} 14" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title><rect class="track" x="0" y="2" width="${W}" height="10"/><rect class="fill ${cls}" x="0" y="2" width="${fmt(w, 'en')}" height="10"/>${target}</svg></td>
  <td class="num score ${empty ? '' : cls}">${empty ? '–' : escapeHtml(fmt(score, lang, 0))}</td>
  <td class="band">${escapeHtml(r.band ?? '')}</td>${anyMentions ? `\n  <td class="num mentions" title="${escapeHtml(t(lang, 'clientMentions'))}">${r.mentions !== undefined ? `<span class="count">${r.mentions}</span>` : ''}</td>` : ''}
</tr>`;
    })
    .join('\n');
  const thead = `<thead><tr><th>${escapeHtml(t(lang, 'sectionColumn'))}</th><th>${escapeHtml(t(lang, 'readability'))}</th><th></th><th></th>${anyMentions ? `<th class="num" title="${escapeHtml(t(lang, 'clientMentions'))}">${escapeHtml(t(lang, 'clientColumn'))}</th>` : ''}</tr></thead>`;
  const cols = `<colgroup><col class="c-title"><col class="c-bar"><col class="c-score"><col class="c-band">${anyMentions ? '<col class="c-mentions">' : ''}</colgroup>`;
  const help = t(lang, rows.some((r) => r.target !== undefined) ? 'sectionScoreHelp' : 'sectionScoreHelpNoTarget');
  return `<section id="sections">${head}<p class="help">${escapeHtml(help)}</p><table class="sections">${cols}${thead}<tbody>${body}</tbody></table></section>`;
}

// ---------------------------------------------------------------------------------------------
// Findings per rule

interface FindingRow {
  ruleId: string;
  severity?: string;
  message?: string;
  raw: unknown;
}

function allFindings(report: Obj): FindingRow[] {
  const out: FindingRow[] = [];
  const add = (f: unknown, ruleFallback?: string) => {
    if (!isObj(f)) return;
    const ruleId = (typeof f.ruleId === 'string' && f.ruleId) || (typeof f.code === 'string' && f.code) || (typeof f.rule === 'string' && f.rule) || ruleFallback || '?';
    out.push({ ruleId, severity: typeof f.severity === 'string' ? f.severity : undefined, message: undefined, raw: f });
  };
  const fs = findingSource(report);
  if (Array.isArray(fs)) {
    for (const f of fs) {
      // Either findings, or groups {ruleId, findings: [...]}
      if (isObj(f) && Array.isArray(f.findings)) for (const g of f.findings) add(g, String(f.ruleId ?? f.id ?? '?'));
      else add(f);
    }
  } else if (isObj(fs)) {
    for (const [rule, v] of Object.entries(fs)) {
      if (Array.isArray(v)) for (const g of v) add(g, rule);
      else if (isObj(v) && Array.isArray(v.findings)) for (const g of v.findings) add(g, rule);
    }
  }
  return out;
}

/** `findings` (a list, or a map by rule) or else `rules` (groups of findings per rule). */
function findingSource(report: Obj): unknown {
  return Array.isArray(report.findings) || isObj(report.findings) ? report.findings : report.rules;
}

/** Description and documentation link per rule, when the server sends groups with them. */
function ruleInfo(report: Obj): Map<string, { description?: string; docs?: string }> {
  const out = new Map<string, { description?: string; docs?: string }>();
  const fs = findingSource(report);
  const add = (id: string, g: Obj) => out.set(id, { description: typeof g.description === 'string' ? g.description : undefined, docs: typeof g.docs === 'string' && g.docs ? g.docs : undefined });
  if (Array.isArray(fs)) for (const g of fs) if (isObj(g) && Array.isArray(g.findings)) add(String(g.ruleId ?? g.id), g);
  if (isObj(fs)) for (const [id, g] of Object.entries(fs)) if (isObj(g)) add(id, g);
  return out;
}

function ruleCounts(report: Obj): Map<string, number> {
  // Some servers send counts per rule instead of (or besides) the findings themselves.
  const out = new Map<string, number>();
  const fs = findingSource(report);
  if (isObj(fs)) for (const [rule, v] of Object.entries(fs)) if (isObj(v) && num(v.count) !== undefined) out.set(rule, num(v.count)!);
  if (Array.isArray(fs)) for (const g of fs) if (isObj(g) && Array.isArray(g.findings) && num(g.count) !== undefined) out.set(String(g.ruleId ?? g.id), num(g.count)!);
  return out;
}

const SEVERITY_ORDER = ['error', 'warning', 'info', 'information', 'hint'];

function renderFindings(report: Obj, lang: Lang): string {
  const findings = allFindings(report);
  const counts = ruleCounts(report);
  const info = ruleInfo(report);
  const head = `<h2>${escapeHtml(t(lang, 'findings'))}</h2>`;
  if (!findings.length && !counts.size) return `<section id="findings">${head}<p class="empty">${escapeHtml(t(lang, 'findingsNone'))}</p></section>`;
  const groups = new Map<string, FindingRow[]>();
  for (const f of findings) {
    const g = groups.get(f.ruleId) ?? [];
    g.push(f);
    groups.set(f.ruleId, g);
  }
  for (const rule of counts.keys()) if (!groups.has(rule)) groups.set(rule, []);
  const sevRank = (g: FindingRow[]) => Math.min(...g.map((f) => (f.severity ? SEVERITY_ORDER.indexOf(f.severity) : 9)).map((i) => (i < 0 ? 9 : i)), 9);
  const ordered = [...groups.entries()].sort((a, b) => sevRank(a[1]) - sevRank(b[1]) || (counts.get(b[0]) ?? b[1].length) - (counts.get(a[0]) ?? a[1].length) || a[0].localeCompare(b[0]));
  const LIMIT = 25;
  const body = ordered
    .map(([rule, list]) => {
      const count = counts.get(rule) ?? list.length;
      const sev = list.find((f) => f.severity)?.severity ?? '';
      const items = list
        .slice(0, LIMIT)
        .map((f) => {
          const raw = f.raw as Obj;
          const msg = e(raw.message, lang);
          const quote = typeof raw.text === 'string' ? `<q>${escapeHtml(raw.text.length > 120 ? raw.text.slice(0, 117) + '…' : raw.text)}</q> ` : '';
          return `<li>${lineLink(raw, lang)} ${quote}<span class="message">${msg}</span></li>`;
        })
        .join('');
      const more = list.length > LIMIT ? `<li class="more">${escapeHtml(t(lang, 'more', list.length - LIMIT))}</li>` : '';
      const about = info.get(rule);
      const description = about?.description && about.description !== rule ? about.description : '';
      const desc = about?.docs ? `<p class="rule-docs"><a href="#" class="docs" data-docs="${escapeHtml(about.docs)}">${escapeHtml(t(lang, 'aboutRule'))}</a></p>` : '';
      return `<details class="rule" data-key="rule:${escapeHtml(rule)}" ${ordered.length <= 4 ? 'open' : ''}><summary><span class="sev sev-${escapeHtml(sev)}">${escapeHtml(severityName(lang, sev))}</span> <code class="rule-id">${escapeHtml(rule)}</code> <span class="count">${count}</span>${description ? ` <span class="rule-description">${escapeHtml(description)}</span>` : ''}</summary>${desc}<ul>${items}${more}</ul></details>`;
    })
    .join('\n');
  return `<section id="findings">${head}${body}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Client perspective

const CLIENT_KEYS = ['clientPerspective', 'client', 'clientperspective', 'client-perspective'];

function clientData(report: Obj): unknown {
  for (const k of CLIENT_KEYS) if (report[k] !== undefined && report[k] !== null) return report[k];
  if (isObj(report.analyses)) for (const k of CLIENT_KEYS) if (report.analyses[k] !== undefined) return report.analyses[k];
  return undefined;
}

/** Renders any value as readable HTML, to a limited depth: the shape is the server's to choose. */
function renderValue(v: unknown, lang: Lang, depth = 0): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return escapeHtml(fmt(v, lang, 2));
  if (typeof v === 'string' || typeof v === 'boolean') return escapeHtml(String(v));
  if (depth > 3) return '…';
  if (Array.isArray(v)) {
    if (!v.length) return '–';
    if (v.every((x) => typeof x !== 'object' || x === null)) return escapeHtml(v.map(String).join(', '));
    const items = v.slice(0, 30).map((x) => `<li>${renderEvidence(x, lang, depth + 1)}</li>`).join('');
    return `<ul>${items}${v.length > 30 ? `<li class="more">${escapeHtml(t(lang, 'more', v.length - 30))}</li>` : ''}</ul>`;
  }
  if (isObj(v)) {
    if (typeof v.nl === 'string' || typeof v.en === 'string') return e(v, lang);
    const rows = Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== null)
      .map(([k, x]) => `<tr><th>${escapeHtml(humanKey(k))}</th><td>${renderValue(x, lang, depth + 1)}</td></tr>`)
      .join('');
    return `<table class="kv">${rows}</table>`;
  }
  return '';
}

function renderEvidence(x: unknown, lang: Lang, depth: number): string {
  if (!isObj(x)) return renderValue(x, lang, depth);
  const text = pick(x.message, lang) ?? pick(x.text, lang) ?? pick(x.quote, lang) ?? pick(x.term, lang) ?? pick(x.label, lang) ?? pick(x.title, lang);
  if (text === undefined) return renderValue(x, lang, depth);
  const kind = pick(x.kind, lang) ?? pick(x.type, lang) ?? pick(x.signal, lang);
  const count = num(x.count);
  return `${lineLink(x, lang)} ${kind ? `<span class="tag">${escapeHtml(kind)}</span> ` : ''}${escapeHtml(text)}${count !== undefined ? ` <span class="count">${count}</span>` : ''}`;
}

function humanKey(k: string): string {
  const s = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** Evidence items (text + line) as a list with links into the document; at most `limit`. */
function evidenceList(items: unknown, lang: Lang, limit = 10, tag?: (x: Obj) => string | undefined): string {
  const list = arr(items).filter(isObj);
  if (!list.length) return '';
  const li = list
    .slice(0, limit)
    .map((x) => {
      const text = pick(x.text, lang) ?? pick(x.title, lang) ?? pick(x.term, lang) ?? '';
      const extra = tag?.(x);
      const attribution = typeof x.attribution === 'string' && x.attribution ? ` <span class="attribution">— ${escapeHtml(x.attribution)}</span>` : '';
      return `<li>${lineLink(x, lang)} ${extra ? `<span class="tag">${escapeHtml(extra)}</span> ` : ''}<q>${escapeHtml(text.length > 160 ? text.slice(0, 157) + '…' : text)}</q>${attribution}</li>`;
    })
    .join('');
  const more = list.length > limit ? `<li class="more">${escapeHtml(t(lang, 'more', list.length - limit))}</li>` : '';
  return `<ul class="evidence">${li}${more}</ul>`;
}

function termsText(v: unknown, lang: Lang): string | undefined {
  const terms = arr(v).filter(isObj).filter((x) => typeof x.term === 'string');
  if (!terms.length) return undefined;
  return terms
    .slice(0, 8)
    .map((x) => `${x.term as string}${num(x.count) !== undefined ? ` ${fmt(num(x.count)!, lang, 0)}` : ''}`)
    .join(', ');
}

function ratio(r: number, lang: Lang): string {
  if (r >= 1) return `${fmt(r, lang)} : 1`;
  if (r <= 0) return '0 : 1';
  return `1 : ${fmt(1 / r, lang)}`;
}

function renderClient(report: Obj, lang: Lang): string {
  const c = clientData(report);
  const head = `<h2>${escapeHtml(t(lang, 'clientHeading'))}</h2>`;
  if (c === undefined) return `<section id="client">${head}<p class="empty">${escapeHtml(t(lang, 'clientNone'))}</p></section>`;
  if (!isObj(c)) return `<section id="client">${head}<p>${renderValue(c, lang)}</p></section>`;
  const verdict = verdictName(lang, c.verdict) ?? pick(c.label, lang);
  const verdictClass = typeof c.verdict === 'string' ? `verdict-${c.verdict}` : '';
  const top = verdict ? `<p class="verdict ${escapeHtml(verdictClass)}"><strong>${escapeHtml(verdict)}</strong></p>` : '';
  const summary = pick(c.summary, lang) ?? pick(c.explanation, lang) ?? pick(c.message, lang);
  const summaryHtml = summary && summary !== verdict ? `<p class="summary">${escapeHtml(summary)}</p>` : '';
  const reasons = arr(c.reasons).map((r) => pick(r, lang)).filter((r): r is string => !!r && r !== summary);
  const reasonsHtml = reasons.length ? `<ul class="reasons">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '';

  // Key figures.
  const cards: Array<[string, string]> = [];
  const per1000 = num(c.clientMentionsPer1000);
  if (per1000 !== undefined) cards.push([t(lang, 'cpPer1000'), fmt(per1000, lang)]);
  const r = num(c.clientToProfessionalRatio);
  if (r !== undefined) cards.push([t(lang, 'cpRatio'), ratio(r, lang)]);
  else if (c.clientToProfessionalRatio === null) cards.push([t(lang, 'cpRatio'), t(lang, 'cpNoProfessionals')]);
  const cq = num(c.clientQuotes);
  if (cq !== undefined) cards.push([t(lang, 'cpQuotes'), `${fmt(cq, lang, 0)}${num(c.professionalQuotes) !== undefined ? ` / ${fmt(num(c.professionalQuotes)!, lang, 0)}` : ''}`]);
  const voice = num(c.voiceStatements);
  const exp = num(c.experienceStatements);
  if (voice !== undefined || exp !== undefined) cards.push([t(lang, 'cpStatements'), fmt((voice ?? 0) + (exp ?? 0), lang, 0)]);
  const method = isObj(c.method) ? c.method : undefined;
  if (method && typeof method.involvesClients === 'boolean') cards.push([t(lang, 'cpMethod'), t(lang, method.involvesClients ? 'yes' : 'no')]);
  const cardsHtml = cards.length
    ? `<div class="metrics">${cards.map(([k, v]) => `<div class="metric"><div class="metric-label">${escapeHtml(k)}</div><div class="metric-value">${escapeHtml(v)}</div></div>`).join('')}</div>`
    : '';
  const clientTerms = termsText(c.clientTerms, lang);
  const proTerms = termsText(c.professionalTerms, lang);
  const termsHtml =
    clientTerms || proTerms
      ? `<table class="kv">${clientTerms ? `<tr><th>${escapeHtml(t(lang, 'cpClientTerms'))}</th><td>${escapeHtml(clientTerms)}</td></tr>` : ''}${proTerms ? `<tr><th>${escapeHtml(t(lang, 'cpProfessionalTerms'))}</th><td>${escapeHtml(proTerms)}</td></tr>` : ''}</table>`
      : '';

  // Evidence, each kind under its own heading.
  const blocks: string[] = [];
  const add = (title: string, html: string) => {
    if (html) blocks.push(`<h3>${escapeHtml(title)}</h3>${html}`);
  };
  add(t(lang, 'cpQuotesList'), evidenceList(c.quotes, lang));
  add(t(lang, 'cpStatementsList'), evidenceList(c.statements, lang, 10, (x) => (x.kind === 'voice' ? t(lang, 'cpVoice') : x.kind === 'experience' ? t(lang, 'cpExperience') : undefined)));
  if (method) {
    add(t(lang, 'cpClientSources'), evidenceList(method.clientSources, lang));
    add(t(lang, 'cpNotInvolved'), evidenceList(method.notInvolved, lang));
    add(t(lang, 'cpPlanned'), evidenceList(method.planned, lang));
  }
  add(t(lang, 'cpInvolvement'), evidenceList(c.involvement, lang, 10, (x) => pick(x.cue, lang)));
  const key = arr(c.keySections).filter(isObj);
  if (key.length) {
    add(
      t(lang, 'cpKeySections'),
      `<ul class="evidence">${key
        .map((k) => `<li>${lineLink(k, lang)} ${escapeHtml(pick(k.title, lang) ?? '')} — ${escapeHtml(t(lang, k.mentionsClients === true ? 'cpNamesClients' : 'cpNoClients'))}</li>`)
        .join('')}</ul>`,
    );
  }
  // A generic `evidence` list, when the analysis has one.
  if (Array.isArray(c.evidence)) add(t(lang, 'evidence'), renderValue(c.evidence, lang, 1));

  const known = top || summaryHtml || cardsHtml || blocks.length;
  const fallback = known ? '' : renderValue(c, lang, 1);
  return `<section id="client">${head}${top}${summaryHtml}${reasonsHtml}${cardsHtml}${termsHtml}${blocks.join('')}${fallback}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Page

/** The part of the page that changes with the document. */
export function renderReportBody(data: unknown, lang: Lang, documentName: string, now = new Date()): string {
  const header = (l: Lang) =>
    `<header><h1>${escapeHtml(t(l, 'reportHeading'))}: ${escapeHtml(documentName)}</h1><p class="updated">${escapeHtml(
      t(l, 'updated', now.toLocaleTimeString(l === 'nl' ? 'nl-NL' : 'en-GB')),
    )}</p></header>`;
  if (!isObj(data)) return `${header(lang)}<p class="empty">${escapeHtml(t(lang, 'reportEmpty'))}</p>`;
  // Some servers wrap the report: {report: {...}} or {files: [{...}]}.
  let report: Obj = data;
  if (isObj(data.report)) report = data.report;
  else if (Array.isArray(data.files) && isObj(data.files[0])) report = data.files[0];
  // The server says in which language its texts are: speak the same.
  if (report.messages === 'nl' || report.messages === 'en') lang = report.messages;
  return `${header(lang)}${renderMetrics(report, lang)}${renderCard(report, lang)}${renderSections(report, lang)}${renderClient(report, lang)}${renderFindings(report, lang)}`;
}

/** The practice-fit card (twelve insights), rendered by the shared report module. */
function renderCard(report: Obj, lang: Lang): string {
  const fit = report.practiceFit;
  if (!isObj(fit) || !Array.isArray(fit.items)) return '';
  const items = fit.items.filter((i): i is ReportPracticeFit['items'][number] => isObj(i) && typeof i.insight === 'number' && typeof i.title === 'string' && typeof i.status === 'string' && Array.isArray(i.evidence) && typeof i.advice === 'string');
  return renderPracticeCard({ items, found: num(fit.found) ?? 0, applicable: num(fit.applicable) ?? items.length, ...(isObj(fit.handles) ? { handles: fit.handles as NonNullable<ReportPracticeFit['handles']> } : {}) }, lang);
}

/** The language the report's texts are in, when the server says so. */
export function reportLanguage(data: unknown): Lang | undefined {
  if (!isObj(data)) return undefined;
  const r = isObj(data.report) ? data.report : data;
  return r.messages === 'nl' || r.messages === 'en' ? r.messages : r.language === 'nl' || r.language === 'en' ? r.language : undefined;
}

export function renderMessage(text: string, documentName: string, lang: Lang): string {
  return `<header><h1>${escapeHtml(t(lang, 'reportHeading'))}: ${escapeHtml(documentName)}</h1></header><p class="empty">${escapeHtml(text)}</p>`;
}

/** The whole page: strict CSP (no network, only this page's nonce'd style and script). */
export function renderPage(body: string, lang: Lang, nonce: string, cspSource: string, focusLine?: number): string {
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Brug</title>
<style nonce="${nonce}">${STYLE}${CARD_STYLE}</style>
</head>
<body>
<main id="root"${focusLine !== undefined ? ` data-focus="${focusLine}"` : ''}>${body}</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  // The section the reader came for (a code lens click): its row stays highlighted through updates.
  let highlighted;
  let pendingFocus;
  function rowOf(line) {
    const a = root.querySelector('#sections [data-line="' + line + '"]');
    return a ? a.closest('tr') || a : null;
  }
  function highlight() {
    root.querySelectorAll('.focused').forEach(function (e) { e.classList.remove('focused'); });
    const tr = highlighted === undefined ? null : rowOf(highlighted);
    if (tr) tr.classList.add('focused');
    return tr;
  }
  function focusSection(line) {
    if (!rowOf(line)) return false;
    highlighted = line;
    highlight().scrollIntoView({ block: 'center' });
    return true;
  }
  // Opened from a section's code lens: show that section's row.
  if (root.dataset.focus !== undefined && !focusSection(Number(root.dataset.focus))) pendingFocus = Number(root.dataset.focus);
  window.addEventListener('message', function (event) {
    const m = event.data;
    if (m && m.type === 'focus' && typeof m.line === 'number') {
      if (focusSection(m.line)) pendingFocus = undefined;
      else pendingFocus = m.line;
      return;
    }
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    // Keep what the reader opened or closed.
    const state = {};
    root.querySelectorAll('details[data-key]').forEach(function (d) { state[d.dataset.key] = d.open; });
    root.innerHTML = m.html;
    root.querySelectorAll('details[data-key]').forEach(function (d) {
      if (Object.prototype.hasOwnProperty.call(state, d.dataset.key)) d.open = state[d.dataset.key];
    });
    // The new content has no highlight yet: put it back (the scroll position stays), or show the
    // section that was asked for before its row was there.
    if (pendingFocus !== undefined && focusSection(pendingFocus)) pendingFocus = undefined;
    else highlight();
  });
  document.addEventListener('click', function (event) {
    const el = event.target && event.target.closest ? event.target : null;
    const docs = el ? el.closest('[data-docs]') : null;
    if (docs) {
      event.preventDefault();
      vscode.postMessage({ type: 'docs', href: docs.dataset.docs });
      return;
    }
    const a = el ? el.closest('[data-line]') : null;
    if (!a) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(a.dataset.line), character: Number(a.dataset.character || 0) });
  });
})();
`;

const STYLE = `
tr.focused td { background: var(--vscode-editor-findMatchHighlightBackground, rgba(255, 200, 0, 0.25)); }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; line-height: 1.45; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 2px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding-bottom: 4px; }
h3 { font-size: 1em; font-weight: 600; margin: 12px 0 4px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
.updated, .help, .empty { color: var(--vscode-descriptionForeground); margin: 2px 0 8px; }
.metrics { display: flex; flex-wrap: wrap; gap: 8px; }
.metric { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); border-radius: 4px; padding: 6px 10px; min-width: 110px; }
.metric-label { color: var(--vscode-descriptionForeground); font-size: .9em; }
.metric-value { font-size: 1.15em; font-weight: 600; }
details.all-metrics { margin-top: 8px; }
table { border-collapse: collapse; }
td, th { padding: 2px 8px 2px 0; vertical-align: top; text-align: left; }
th { font-weight: normal; color: var(--vscode-descriptionForeground); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.sections thead th { font-size: .85em; padding-bottom: 4px; }
table.sections { width: 100%; max-width: 960px; table-layout: fixed; }
col.c-title { width: 34%; } col.c-bar { width: auto; } col.c-score { width: 3.2em; } col.c-band { width: 9em; } col.c-mentions { width: 3em; }
.section-title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.band { overflow: hidden; text-overflow: ellipsis; }
.indent-1 { padding-left: 14px; } .indent-2 { padding-left: 28px; } .indent-3 { padding-left: 42px; } .indent-4 { padding-left: 56px; } .indent-5 { padding-left: 70px; }
svg.section-bar { width: 100%; height: 14px; display: block; }
svg.section-bar .track { fill: var(--vscode-editorWidget-background, rgba(128,128,128,.15)); }
svg.section-bar .fill.good { fill: var(--vscode-charts-green, #388a34); }
svg.section-bar .fill.fair { fill: var(--vscode-charts-yellow, #bf8803); }
svg.section-bar .fill.poor { fill: var(--vscode-charts-red, #e51400); }
svg.section-bar .target { stroke: var(--vscode-foreground); stroke-width: 1; vector-effect: non-scaling-stroke; }
.score.poor { color: var(--vscode-charts-red, #e51400); }
.band { color: var(--vscode-descriptionForeground); white-space: nowrap; }
details.rule { margin: 4px 0; }
details.rule summary { cursor: pointer; }
details.rule ul { margin: 4px 0 8px; padding-left: 22px; }
details.rule li { margin: 2px 0; }
.count { display: inline-block; min-width: 1.4em; padding: 0 6px; border-radius: 9px; text-align: center; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); font-size: .85em; }
.sev { font-size: .8em; text-transform: uppercase; color: var(--vscode-descriptionForeground); display: inline-block; min-width: 9.5em; }
.sev-error { color: var(--vscode-errorForeground); }
.sev-warning { color: var(--vscode-editorWarning-foreground, #bf8803); }
.sev-info, .sev-information { color: var(--vscode-editorInfo-foreground, #1a85ff); }
code.rule-id { font-family: var(--vscode-editor-font-family); }
q { font-style: italic; color: var(--vscode-descriptionForeground); }
a.line { font-size: .9em; margin-right: 4px; white-space: nowrap; }
.verdict { font-size: 1.1em; }
.verdict-absent strong { color: var(--vscode-charts-red, #e51400); }
.verdict-partial strong { color: var(--vscode-charts-yellow, #bf8803); }
.verdict-present strong { color: var(--vscode-charts-green, #388a34); }
ul.evidence, ul.reasons { margin: 4px 0 8px; padding-left: 22px; }
.attribution { color: var(--vscode-descriptionForeground); }
.summary { margin: 4px 0; }
.rule-description { color: var(--vscode-descriptionForeground); }
.rule-docs { margin: 4px 0 0 22px; }
.tag { font-size: .85em; padding: 0 5px; border-radius: 3px; border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
table.kv th { white-space: nowrap; }
`;
