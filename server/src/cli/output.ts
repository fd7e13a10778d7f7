import type { Finding, Language, Message, Metrics, Section, Severity } from '../engine/types.js';
import { LineIndex } from '../engine/offsets.js';
import { countText, numberText } from '../engine/text/numbers.js';

export { VERSION } from '../workspace/version.js';
import { VERSION } from '../workspace/version.js';
import { ruleHelp } from '../workspace/resources.js';

export interface FileReport {
  /** Path as shown (relative to the working folder). */
  path: string;
  text: string;
  language: Language;
  format: string;
  metrics: Metrics;
  sections: Section[];
  findings: Finding[];
  /** Language of messages for this file. */
  messages: Language;
  /** Extra per-file output keys (clientPerspective, …). */
  extra: Record<string, unknown>;
  /** One-line summaries to print after the metrics (the client-perspective verdict). */
  summaryLines: Message[];
  /**
   * Where a finding is for a file without lines (a Word document): its paragraph number and a
   * snippet of the text. Without it, findings are placed by line and column.
   */
  locate?: (offset: number, endOffset: number) => { paragraph: number; snippet: string };
}

const pick = (m: Message, l: Language) => m[l];

export function position(lines: LineIndex, offset: number) {
  const p = lines.position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

function round(x: number | undefined): number | undefined {
  return x === undefined ? undefined : Math.round(x * 10) / 10;
}

export function metricsJson(m: Metrics): Record<string, number> {
  const out: Record<string, number> = {
    words: m.words,
    sentences: m.sentences,
    syllables: m.syllables,
    longWords: m.longWords,
    averageSentenceLength: m.averageSentenceLength,
    averageSyllablesPerWord: m.averageSyllablesPerWord,
    longSentenceShare: m.longSentenceShare,
    passiveShare: m.passiveShare,
    lix: m.lix,
  };
  const extra: Array<[string, number | undefined]> = [
    ['fleschDouma', m.fleschDouma], ['brouwer', m.brouwer], ['fleschReadingEase', m.fleschReadingEase], ['fleschKincaidGrade', m.fleschKincaidGrade],
    ['gunningFog', m.gunningFog], ['smog', m.smog], ['colemanLiau', m.colemanLiau], ['automatedReadability', m.automatedReadability],
  ];
  for (const [k, v] of extra) if (v !== undefined) out[k] = round(v)!;
  return out;
}

export function findingJson(f: Finding, lines: LineIndex, language: Language, locate?: FileReport['locate']) {
  const s = position(lines, f.offset);
  const e = position(lines, f.endOffset);
  return {
    ...(locate ? locate(f.offset, f.endOffset) : {}),
    ruleId: f.ruleId,
    severity: f.severity,
    message: pick(f.message, language),
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    offset: f.offset,
    endOffset: f.endOffset,
    fixes: f.fixes.map((x) => ({ title: pick(x.title, language), preferred: x.preferred, kind: x.kind ?? 'suggestion', edits: x.edits.map((ed) => ({ offset: ed.offset, endOffset: ed.endOffset, newText: ed.newText })) })),
    data: f.data ?? {},
  };
}

export function toJson(reports: FileReport[]): string {
  return JSON.stringify(
    {
      tool: { name: 'brug', version: VERSION },
      files: reports.map((r) => {
        const lines = new LineIndex(r.text);
        return {
          path: r.path,
          language: r.language,
          format: r.format,
          positions: r.locate ? 'paragraphs' : 'lines',
          metrics: metricsJson(r.metrics),
          sections: r.sections.map((s) => ({ title: s.title, level: s.level, role: s.role, line: s.line, metrics: metricsJson(s.metrics) })),
          findings: r.findings.map((f) => findingJson(f, lines, r.messages, r.locate)),
          ...r.extra,
        };
      }),
    },
    null,
    2,
  );
}

const LABELS = {
  en: { word: 'word', words: 'words', sentence: 'sentence', sentences: 'sentences', perSentence: 'words per sentence', long: 'long sentences', passive: 'passive', language: 'language', sections: 'Sections', nothing: 'no findings' },
  nl: { word: 'woord', words: 'woorden', sentence: 'zin', sentences: 'zinnen', perSentence: 'woorden per zin', long: 'lange zinnen', passive: 'lijdende vorm', language: 'taal', sections: 'Hoofdstukken', nothing: 'geen meldingen' },
};

function scoreText(m: Metrics, language: Language, ui: Language): string {
  const name = language === 'nl' ? 'Flesch-Douma' : 'Flesch Reading Ease';
  return `${name} ${numberText(m.score, ui)} (${m.band[ui]})`;
}

/** line:column, or ¶paragraph "snippet" for a file without lines. */
function whereText(r: FileReport, lines: LineIndex, f: Finding): string {
  if (r.locate) {
    const at = r.locate(f.offset, f.endOffset);
    return `¶${at.paragraph} "${at.snippet}"`;
  }
  const p = position(lines, f.offset);
  return `${p.line}:${p.column}`;
}

export function toText(reports: FileReport[], quiet: boolean): string {
  const out: string[] = [];
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    const ui = r.messages;
    for (const f of r.findings) {
      out.push(`${r.path}:${whereText(r, lines, f)} ${f.severity} ${pick(f.message, ui)} [${f.ruleId}]`);
    }
    if (quiet) continue;
    const L = LABELS[ui];
    const m = r.metrics;
    if (r.findings.length === 0) out.push(`${r.path}: ${L.nothing}`);
    out.push(
      `  ${L.language}: ${r.language} · ${countText(m.words, ui, L.word, L.words)} · ${countText(m.sentences, ui, L.sentence, L.sentences)} · ${numberText(m.averageSentenceLength, ui)} ${L.perSentence} · ${scoreText(m, r.language, ui)} · LIX ${numberText(m.lix, ui)} · ${L.long} ${Math.round(m.longSentenceShare * 100)}% · ${L.passive} ${Math.round(m.passiveShare * 100)}%`,
    );
    const shown = r.sections.filter((s) => s.metrics.words > 0 && s.role !== 'title');
    if (shown.length) {
      out.push(`  ${L.sections}:`);
      for (const s of shown) {
        out.push(`    ${'  '.repeat(Math.max(0, s.level - 2))}${s.title} (${s.role}) — ${countText(s.metrics.words, ui, L.word, L.words)}, ${scoreText(s.metrics, s.language, ui)}`);
      }
    }
    for (const line of r.summaryLines) out.push(`  ${pick(line, ui)}`);
    out.push('');
  }
  return out.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(reports: FileReport[], rules: Array<{ id: string; description: Message; helpUri: string }>): string {
  const used = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const ruleList = rules.filter((r) => used.has(r.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'brug',
              version: VERSION,
              // The rule's explanation travels with the report; a link to a file on the machine
              // that ran the check would not (only web addresses are kept).
              rules: ruleList.map((r) => {
                const help = ruleHelp(r.id);
                return {
                  id: r.id,
                  shortDescription: { text: r.description.en },
                  fullDescription: { text: `${r.description.en} — ${r.description.nl}` },
                  ...(help ? { help } : {}),
                  ...(/^https?:/.test(r.helpUri) ? { helpUri: r.helpUri } : {}),
                };
              }),
            },
          },
          results: reports.flatMap((r) => {
            const lines = new LineIndex(r.text);
            return r.findings.map((f) => {
              const s = position(lines, f.offset);
              const e = position(lines, f.endOffset);
              const result: Record<string, unknown> = {
                ruleId: f.ruleId,
                level: SARIF_LEVEL[f.severity],
                message: { text: pick(f.message, r.messages) },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: r.path.split('\\').join('/') },
                      // A Word document has no lines: the paragraph and snippet go in the properties.
                      ...(r.locate ? {} : { region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: f.offset, charLength: f.endOffset - f.offset } }),
                    },
                  },
                ],
                ...(r.locate ? { properties: r.locate(f.offset, f.endOffset) } : {}),
              };
              const ri = index.get(f.ruleId);
              if (ri !== undefined) result.ruleIndex = ri;
              return result;
            });
          }),
        },
      ],
    },
    null,
    2,
  );
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toGithub(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    for (const f of r.findings) {
      const s = position(lines, f.offset);
      const e = position(lines, f.endOffset);
      if (r.locate) {
        const at = r.locate(f.offset, f.endOffset);
        out.push(`::${GITHUB_LEVEL[f.severity]} file=${escapeProperty(r.path)},title=${escapeProperty(`${f.ruleId} (¶${at.paragraph})`)}::${escapeData(`${pick(f.message, r.messages)} “${at.snippet}”`)}`);
        continue;
      }
      out.push(`::${GITHUB_LEVEL[f.severity]} file=${escapeProperty(r.path)},line=${s.line},col=${s.column},endLine=${e.line},endColumn=${e.column},title=${escapeProperty(f.ruleId)}::${escapeData(pick(f.message, r.messages))}`);
    }
  }
  return out.join('\n');
}
