/** A code lens above each heading: the section's words, its score and band, and client mentions. */
import type { CodeLens } from 'vscode-languageserver/node';
import type { Language, Section } from '../engine/types.js';
import type { CheckOutcome } from './checker.js';
import type { PracticeFit } from '../engine/practice/types.js';
import type { Positions } from './diagnostics.js';
import { messages, say, scoreName } from './messages.js';

/**
 * Client mentions of a section, read defensively from the client-perspective analysis: a
 * `sections` list whose entries carry the section's offset, line or title (or stand in the
 * same order) and a count.
 */
export function clientMentionsOf(analysis: unknown, section: Section, index: number): number | undefined {
  if (!analysis || typeof analysis !== 'object') return undefined;
  const list = (analysis as { sections?: unknown }).sections;
  if (!Array.isArray(list)) return undefined;
  const match = (e: unknown): e is Record<string, unknown> => !!e && typeof e === 'object';
  let entry = list.find((e) => match(e) && ((e.offset === section.offset) || (e.line === section.line && (e.title === undefined || e.title === section.title))));
  if (entry === undefined && list.length > index && match(list[index]) && (list[index] as Record<string, unknown>).title === section.title) entry = list[index];
  if (!match(entry)) return undefined;
  for (const key of ['clientMentions', 'mentions', 'count']) {
    const v = entry[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

export function lensTitle(section: Section, ui: Language, mentions: number | undefined): string {
  const m = section.metrics;
  const parts = [say(messages.lensWords(m.words), ui)];
  if (m.words > 0 && m.sentences > 0) parts.push(say(messages.lensScore(scoreName(section.language), m.score, m.band[ui]), ui));
  else parts.push(say(messages.lensNoText, ui));
  if (mentions !== undefined) parts.push(say(messages.lensClient(mentions), ui));
  return parts.join(' · ');
}

/** The analysis when it judges this document (a text that hardly names the people it serves gets no counts). */
export function clientAnalysis(outcome: CheckOutcome): unknown {
  const cp = outcome.result.analyses?.clientPerspective;
  if (!cp || typeof cp !== 'object') return undefined;
  return (cp as { verdict?: unknown }).verdict === 'not-applicable' ? undefined : cp;
}

/**
 * On a recommendations heading: how many of its recommendations for practice name who acts
 * ("4 of 7 recommendations name who acts"), from the practice-fit analysis.
 */
export function handlesLens(fit: PracticeFit | undefined, section: Section, ui: Language): string | undefined {
  if (!fit) return undefined;
  if (!fit.handles.sections.some((h) => h.offset === section.offset && !h.research)) return undefined;
  const recs = fit.handles.recommendations.filter((r) => r.audience === 'practice' && r.offset >= section.offset && r.offset < section.contentEnd);
  if (!recs.length) return undefined;
  const withActor = recs.filter((r) => r.actor).length;
  const one = recs.length === 1;
  return ui === 'nl'
    ? `${withActor} van ${recs.length} ${one ? 'aanbeveling noemt' : 'aanbevelingen noemen'} wie handelt`
    : `${withActor} of ${recs.length} ${one ? 'recommendation names' : 'recommendations name'} who acts`;
}

/** The client command a code lens runs: VS Code's report view, opened at the lens's section. */
export const SHOW_REPORT_COMMAND = 'brug.showReport';

export function codeLenses(outcome: CheckOutcome, doc: Positions & { uri?: string }): CodeLens[] {
  const cp = clientAnalysis(outcome);
  const fit = outcome.result.analyses?.practiceFit as PracticeFit | undefined;
  return outcome.result.sections.map((s, i) => {
    const start = doc.positionAt(s.offset);
    const handles = handlesLens(fit, s, outcome.ui);
    const title = lensTitle(s, outcome.ui, clientMentionsOf(cp, s, i));
    return {
      range: { start, end: start },
      // A click opens the report at this section (in VS Code; other editors show the title).
      command: { title: handles ? `${title} · ${handles}` : title, command: doc.uri ? SHOW_REPORT_COMMAND : '', ...(doc.uri ? { arguments: [{ uri: doc.uri, line: s.line - 1 }] } : {}) },
    };
  });
}
