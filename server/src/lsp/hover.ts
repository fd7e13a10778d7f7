/**
 * Hover: on a finding, its message and why the rule exists; on any paragraph, its numbers
 * and what makes it hard; on a sentence, its length; on a heading, its section's numbers.
 */
import { MarkupKind } from 'vscode-languageserver/node';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { DocumentBlock } from '../engine/rules/types.js';
import type { Language, Metrics } from '../engine/types.js';
import type { Paragraph } from '../engine/engine.js';
import type { CheckOutcome } from './checker.js';
import { clientAnalysis, clientMentionsOf } from './code-lens.js';
import { ruleDocs } from './diagnostics.js';
import type { Positions } from './diagnostics.js';
import { fmt, messages, say, scoreName } from './messages.js';

/** Escapes text for Markdown hovers (terms like *x* or [x] stay literal). */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}

/** The block whose range holds `offset` (blocks are in document order). */
export function blockAt(blocks: DocumentBlock[], offset: number): DocumentBlock | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.analysed.block.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Nested blocks (a list item inside a quote) can overlap: look back a little.
  for (let i = found; i >= 0 && i > found - 4; i--) {
    const b = blocks[i]!.analysed.block;
    if (b.start <= offset && offset <= b.end) return blocks[i];
  }
  return undefined;
}

function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (offset < p.offset) hi = mid - 1;
    else if (offset > p.endOffset) lo = mid + 1;
    else return p;
  }
  return undefined;
}

function metricsLine(m: Metrics, language: Language, ui: Language, md: boolean): string {
  // The score within its scale; the formula's own value beside it when it went past an end.
  const raw = m.rawScore !== undefined ? ` ${say(messages.rawScore(fmt(m.rawScore, 1, ui)), ui)}` : '';
  const parts = [
    say(messages.words(m.words), ui),
    say(messages.sentences(m.sentences), ui),
    say(messages.averageSentence(m.averageSentenceLength), ui),
    say(messages.syllablesPerWord(m.averageSyllablesPerWord), ui),
    `${scoreName(language)} ${fmt(m.score, 0, ui)}${raw} (${m.band[ui]})`,
    `LIX ${fmt(m.lix, 0, ui)}`,
  ];
  return parts.map((p) => (md ? escapeMarkdown(p) : p)).join(' · ');
}

/** The long-sentence limit that applies to this document (audience profile, then .brug.yml / settings). */
function longSentenceLimit(outcome: CheckOutcome): number {
  const rule = outcome.engine.rule('readability/long-sentence');
  const fromConfig = outcome.config.rules['readability/long-sentence']?.options?.maxWords;
  const fromProfile = rule?.meta.options[outcome.config.audience]?.maxWords;
  const n = Number(fromConfig ?? fromProfile ?? 25);
  return Number.isFinite(n) && n > 0 ? n : 25;
}

/** What makes a paragraph hard: its long sentences and its long words, with examples. */
function hardParts(blocks: DocumentBlock[], m: Metrics, language: Language, outcome: CheckOutcome): string[] {
  const ui = outcome.ui;
  const max = longSentenceLimit(outcome);
  const out: string[] = [];
  let long = 0;
  let longest = 0;
  let sentences = 0;
  const words = new Map<string, number>();
  for (const b of blocks) {
    b.analysed.sentences.forEach((s, si) => {
      if (s.words.length === 0) return;
      sentences++;
      if (s.words.length > max) long++;
      longest = Math.max(longest, s.words.length);
      s.words.forEach((w, wi) => {
        if (w.isNumber || w.isAcronym || w.letters <= 6) return;
        const syl = b.analysed.syllables[si]?.[wi] ?? 0;
        const key = w.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if (key && !words.has(key)) words.set(key, syl * 100 + w.letters);
      });
    });
  }
  if (long > 0) out.push(say(messages.longSentences(long, sentences, max, longest), ui));
  const share = m.words > 0 ? m.longWords / m.words : 0;
  // Around a quarter of the words of ordinary prose have more than six letters; Dutch
  // compounds push that up, so the bar is a little higher there.
  if (share >= (language === 'nl' ? 0.3 : 0.25)) {
    const examples = [...words.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w);
    out.push(say(messages.longWords(share, examples), ui));
  }
  const syl = m.averageSyllablesPerWord;
  if (syl >= (language === 'nl' ? 1.75 : 1.6) && out.length < 2) out.push(say(messages.manySyllables(syl), ui));
  return out;
}

export function hoverAt(outcome: CheckOutcome, doc: Positions, offset: number, markdown: boolean): Hover | null {
  const { result, ui } = outcome;
  const md = markdown;
  const esc = (s: string) => (md ? escapeMarkdown(s) : s);
  const bold = (s: string) => (md ? `**${esc(s)}**` : s);
  const parts: string[] = [];
  let rangeStart = -1;
  let rangeEnd = -1;

  // Findings under the cursor.
  for (const f of result.findings) {
    if (f.offset > offset) break;
    if (offset > f.endOffset) continue;
    const rule = outcome.engine.rule(f.ruleId);
    // The editor shows the finding's message itself (the diagnostic); the hover adds what it does
    // not: the rule, why it exists, and its page.
    const lines = [bold(f.ruleId)];
    if (rule) lines.push(md ? `*${esc(say(messages.why, ui))}:* ${esc(rule.meta.rationale[ui])}` : `${say(messages.why, ui)}: ${rule.meta.rationale[ui]}`);
    const href = ruleDocs(f.ruleId);
    if (href) lines.push(md ? `[${esc(say(messages.readMore, ui))}](${href})` : `${say(messages.readMore, ui)}: ${href}`);
    parts.push(lines.join('\n\n'));
    if (rangeStart < 0 || f.offset < rangeStart) rangeStart = f.offset;
    rangeEnd = Math.max(rangeEnd, f.endOffset);
  }

  // The paragraph (or heading) under the cursor.
  const block = blockAt(result.blocks, offset);
  const paragraph = paragraphAt(result.paragraphs, offset);
  if (paragraph) {
    const blocks = result.blocks.filter((b) => b.analysed.block.start >= paragraph.offset && b.analysed.block.end <= paragraph.endOffset);
    const lines = [`${bold(say(messages.paragraph, ui))}: ${metricsLine(paragraph.metrics, paragraph.language, ui, md)}`];
    const hard = hardParts(blocks, paragraph.metrics, paragraph.language, outcome);
    lines.push(`${md ? `*${esc(say(messages.hardBecause, ui))}:*` : `${say(messages.hardBecause, ui)}:`} ${esc(hard.length ? hard.join('; ') : say(messages.nothingHard, ui))}.`);
    if (block) {
      for (const s of block.analysed.sentences) {
        const r = block.toDocument(s.start, s.end);
        if (r.offset <= offset && offset <= r.endOffset && s.words.length > 0) {
          lines.push(esc(say(messages.sentence(s.words.length), ui)));
          break;
        }
      }
    }
    parts.push(lines.join('\n\n'));
    if (rangeStart < 0) {
      rangeStart = paragraph.offset;
      rangeEnd = paragraph.endOffset;
    }
  } else if (block?.analysed.block.kind === 'heading') {
    const index = result.sections.findIndex((s) => s.offset <= offset && offset <= s.endOffset);
    const section = result.sections[index];
    if (section && section.metrics.words > 0) {
      const lines = [`${bold(`${say(messages.section, ui)} “${section.title}”`)}: ${metricsLine(section.metrics, section.language, ui, md)}`];
      const cp = clientAnalysis(outcome);
      const mentions = clientMentionsOf(cp, section, index);
      if (mentions !== undefined) lines.push(esc(say(messages.sectionClients(mentions), ui)));
      // The document's first heading also carries the verdict on the client perspective.
      const summary = (cp as { summary?: { nl?: unknown; en?: unknown } } | undefined)?.summary?.[ui];
      if (index === 0 && typeof summary === 'string') lines.push(esc(summary));
      parts.push(lines.join('\n\n'));
      if (rangeStart < 0) {
        rangeStart = section.offset;
        rangeEnd = section.endOffset;
      }
    }
  }

  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value: parts.join(md ? '\n\n---\n\n' : '\n\n') };
  return { contents, range: { start: doc.positionAt(rangeStart), end: doc.positionAt(Math.max(rangeStart, rangeEnd)) } };
}
