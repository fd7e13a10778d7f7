import type { DocumentBlock, DocumentFinding, DocumentModel, DocumentRule } from '../types.js';
import { message } from '../types.js';
import type { Fix, FixKind, RelatedLocation, TextEdit } from '../../types.js';
import { matchCase, sentenceCase } from '../../text/case.js';
import { memberForm } from '../../vocabulary/compile.js';
import { normalizeWord, possessiveSuffix } from '../../vocabulary/lexicon.js';
import type { SynonymGroup } from '../../vocabulary/dictionary.js';
import type { SynonymUse, TermUse, VocabularyFacts } from './analyzer.js';
import { RunSlots, splicedRuns } from '../block-runs.js';
import { sameChoices } from './term-rule.js';
import type { Run } from '../../runs.js';

/** A run's uses the rule reads: the terms other rules flag, per block, and the synonyms it counts, per group (block-text offsets). */
interface RunUses {
  /** Per block with terms (its index in the run). */
  terms: Array<{ k: number; terms: TermUse[] }>;
  /**
   * The synonyms per group, the groups in the order of their first use in the run, each group's uses in order (speed
   * only, vocab23: a check reads the uses of the groups it may report, not every block's).
   */
  groups: Array<{ group: SynonymGroup; uses: Array<{ k: number; use: SynonymUse }> }>;
}
const RUNS = new RunSlots<RunUses>();
const NO_TERMS: RunUses['terms'] = [];
const NO_GROUPS: RunUses['groups'] = [];

function runUses(doc: DocumentModel, from: number, to: number, termAccept: Set<string>, ruleOn: (kind: string) => boolean): RunUses {
  let terms = NO_TERMS;
  let groups = NO_GROUPS;
  let byGroup: Map<SynonymGroup, Array<{ k: number; use: SynonymUse }>> | undefined;
  for (let i = from; i < to; i++) {
    const facts = doc.blocks[i]!.facts.vocabulary as VocabularyFacts | undefined;
    if (!facts) continue;
    const flagged = facts.terms.filter((t) => ruleOn(t.hit.kind) && !termAccept.has(normalizeWord(t.hit.entry.term)) && !termAccept.has(normalizeWord(t.text)));
    if (flagged.length) (terms === NO_TERMS ? (terms = []) : terms).push({ k: i - from, terms: flagged });
    for (const s of facts.synonyms) {
      // A quoted term keeps its source's spelling: neither counted nor flagged.
      if (s.quoted) continue;
      byGroup ??= new Map();
      let list = byGroup.get(s.hit.group);
      if (!list) {
        byGroup.set(s.hit.group, (list = []));
        (groups === NO_GROUPS ? (groups = []) : groups).push({ group: s.hit.group, uses: list });
      }
      list.push({ k: i - from, use: s });
    }
  }
  return { terms, groups };
}

/**
 * The synonym groups of which the document uses more than one member, from how often it uses each member of each group:
 * kept from the last check (the runs it read) and corrected by the runs an edit removed and added (RunSlots.change),
 * else counted over every run. Only numbers per group (the groups are the dictionary's): nothing of a document's text.
 * With them, the runs that hold each group's uses (runsOf).
 */
function mixedGroups(runs: ReadonlyArray<Run<RunUses>>): MemberCounts {
  const change = RUNS.change();
  let counts = COUNTS;
  if (counts !== undefined && change !== undefined && change.previous === counts.runs) {
    const prev = change.previous;
    const to = prev.length - change.after;
    for (let r = change.before; r < to; r++) countUses(counts, prev[r]!.value, -1);
    for (let r = change.before; r < runs.length - change.after; r++) countUses(counts, runs[r]!.value, 1);
    // Each group's runs: those in the edited stretch went, the stretch's new runs came, and the runs after it moved by
    // the change in number (every group's list when that is not 0).
    const came = new Map<SynonymGroup, number[]>();
    for (let r = change.before; r < prev.length - change.after; r++) for (const { group } of prev[r]!.value.groups) if (!came.has(group)) came.set(group, []);
    for (let r = change.before; r < runs.length - change.after; r++) {
      for (const { group } of runs[r]!.value.groups) {
        const list = came.get(group);
        if (list === undefined) came.set(group, [r]);
        else if (list[list.length - 1] !== r) list.push(r);
      }
    }
    const shift = runs.length - prev.length;
    const runsOf = counts.runsOf;
    const splice = (list: number[], group: SynonymGroup) => {
      splicedRuns(list, change.before, to, came.get(group) ?? NO_RUNS, shift);
      if (list.length === 0) runsOf.delete(group);
    };
    if (shift !== 0) runsOf.forEach(splice);
    came.forEach((list, group) => {
      const held = runsOf.get(group);
      if (held === undefined) {
        if (list.length > 0) runsOf.set(group, list.slice());
      } else if (shift === 0) splice(held, group);
    });
  } else {
    counts = { runs, byGroup: new Map(), mixed: new Set(), runsOf: new Map() };
    const runsOf = counts.runsOf;
    for (let r = 0; r < runs.length; r++) {
      const v = runs[r]!.value;
      countUses(counts, v, 1);
      for (const { group } of v.groups) {
        const list = runsOf.get(group);
        if (list === undefined) runsOf.set(group, [r]);
        else list.push(r);
      }
    }
  }
  counts.runs = runs;
  COUNTS = counts;
  return counts;
}
const NO_RUNS: number[] = [];

/** Per group, the uses of each member (by its index) and how many members are used; the groups with more than one. */
interface MemberCounts {
  runs: ReadonlyArray<Run<RunUses>>;
  byGroup: Map<SynonymGroup, { uses: number[]; members: number }>;
  mixed: Set<SynonymGroup>;
  /**
   * Per group, the places of the runs that hold its uses, in order (a group is once in a run's list): the same lists as
   * gathering them from every run (speed only, s31: a check reads the runs of the groups it reports, not every run).
   */
  runsOf: Map<SynonymGroup, number[]>;
}
let COUNTS: MemberCounts | undefined;

/** Adds (sign 1) or takes away (-1) a run's uses to the counts. */
function countUses(counts: MemberCounts, v: RunUses, sign: 1 | -1): void {
  const groups = v.groups;
  for (let gi = 0; gi < groups.length; gi++) {
    const { group, uses } = groups[gi]!;
    let c = counts.byGroup.get(group);
    if (!c) counts.byGroup.set(group, (c = { uses: [], members: 0 }));
    for (let u = 0; u < uses.length; u++) {
      const m = uses[u]!.use.hit.member;
      const was = c.uses[m] ?? 0;
      c.uses[m] = was + sign;
      if (was === 0) c.members++;
      else if (was + sign === 0) c.members--;
    }
    if (c.members > 1) counts.mixed.add(group);
    else counts.mixed.delete(group);
  }
}

interface Use {
  use: SynonymUse;
  /** Its index among its group's uses. */
  i: number;
  offset: number;
  endOffset: number;
  /** The terms other rules flag in the use's block (block-text offsets), if any. */
  terms: TermUse[] | undefined;
}

/** The flagged terms of a run's block `k` (the run's list is in block order). */
function termsAt(list: RunUses['terms'], k: number): TermUse[] | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid]!.k;
    if (at === k) return list[mid]!.terms;
    if (at < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export const mixedTerms: DocumentRule = {
  scope: 'document',
  meta: {
    id: 'vocabulary/mixed-terms',
    languages: ['nl', 'en'],
    defaultSeverity: 'warning',
    description: message('Several words for one thing in one document.', 'Meerdere woorden voor één ding in één document.'),
    rationale: message(
      'Readers from practice take a new word for a new thing. A report that says client, customer and resident for the same people makes them wonder who is meant; one word per thing keeps it clear.',
      'Lezers uit de praktijk denken bij een ander woord aan iets anders. Een rapport dat klant, cliënt en inwoner door elkaar gebruikt voor dezelfde mensen, laat ze twijfelen wie er bedoeld is. Eén woord per ding houdt het helder.',
    ),
    // nearSynonyms: also report different words for one thing (client, customer, resident), not only
    // spelling variants (healthcare, health care) and the project's own `prefer:` choices. Off by
    // default: a report often uses near-synonyms on purpose (a cited typology, a reframing, a
    // method's own label), and readers are not confused by them; a project turns it on in .brug.yml.
    options: { practitioner: { nearSynonyms: false }, academic: { nearSynonyms: false }, general: { nearSynonyms: false } },
  },
  check(doc, ctx) {
    const nearSynonyms = ctx.options.nearSynonyms === true || ctx.options.nearSynonyms === 'true';
    const accept = new Set(doc.config.vocabulary.accept.map(normalizeWord));
    // What the term rules accept (they also take the project's preferred words), and whether they run at all.
    const termAccept = new Set([...accept, ...Object.values(doc.config.vocabulary.prefer).map(normalizeWord)]);
    const ruleOn = (kind: string) => doc.config.rules[`vocabulary/${kind}`]?.severity !== 'off';
    const byGroup = new Map<SynonymGroup, Array<{ use: SynonymUse; block: DocumentBlock; terms: TermUse[] | undefined }>>();
    // Speed only (lsp10c): each block's term and synonym uses, gathered per run of blocks (block-runs.ts) so that an
    // edit asks only the runs around it; they are placed in the document only where a group needs them.
    const runs = RUNS.runs(doc, (from, to) => runUses(doc, from, to, termAccept, ruleOn), `${[...termAccept].join('\u0000')}\u0001${Object.keys(doc.config.rules).filter((id) => id.startsWith('vocabulary/') && !ruleOn(id.slice(11))).join(' ')}`);
    const prefer = doc.config.vocabulary.prefer;
    // Different words for one thing only when the group says readers confuse them, when asked for, or when the project chose one of them.
    const projectGroup = (group: SynonymGroup) => Object.keys(prefer).some((k) => group.members.some((m) => normalizeWord(m.term) === normalizeWord(k)));
    const reported = new Map<SynonymGroup, boolean>();
    const mayReport = (group: SynonymGroup): boolean => {
      let may = reported.get(group);
      if (may === undefined) reported.set(group, (may = group.spelling || group.confusing || nearSynonyms || projectGroup(group)));
      return may;
    };
    // A group of one word throughout has no finding: with no group of more than one word that may be reported, there is
    // nothing to gather (speed only, doc33: the words each group uses are counted per document and corrected by the runs
    // an edit changed; a report's near-synonyms, mixed but not reported by default, are not gathered either).
    const counts = mixedGroups(runs);
    // The groups to gather, each with the first run that holds it and its place in that run's list: gathered in the order
    // of a pass over every run (their first uses' order). Speed only (s31): only the runs that hold them are read (the
    // same uses in the same order as a pass over every run and group; a group that cannot be reported is not gathered).
    const gather: Array<{ group: SynonymGroup; runs: number[]; first: number; at: number }> = [];
    for (const group of counts.mixed) {
      if (!mayReport(group)) continue;
      const held = counts.runsOf.get(group)!;
      const first = held[0]!;
      gather.push({ group, runs: held, first, at: runs[first]!.value.groups.findIndex((g) => g.group === group) });
    }
    if (gather.length === 0) return [];
    if (gather.length > 1) gather.sort((a, b) => a.first - b.first || a.at - b.at);
    for (const { group, runs: held } of gather) {
      const list: Array<{ use: SynonymUse; block: DocumentBlock; terms: TermUse[] | undefined }> = [];
      byGroup.set(group, list);
      for (let h = 0; h < held.length; h++) {
        const run = runs[held[h]!]!;
        const { uses } = run.value.groups.find((g) => g.group === group)!;
        for (let u = 0; u < uses.length; u++) {
          const k = uses[u]!.k;
          list.push({ use: uses[u]!.use, block: doc.blocks[run.from + k]!, terms: termsAt(run.value.terms, k) });
        }
      }
    }
    // Occurrences other term rules already flag are left to them: a flagged term that starts where the use starts, in
    // the use's block (blocks do not overlap in the document). Speed only (session 27): the places of every flagged term
    // of the document were made at every check (~0.25 ms per edit of a 31,000-word thesis with 292 of them).
    const isFlagged = (u: Use): boolean => {
      if (!u.terms) return false;
      for (const t of u.terms) if (t.start === u.use.start) return true;
      return false;
    };
    const out: DocumentFinding[] = [];
    // Speed only (s31): each group's findings of the last check, handed out again (moved with their blocks) while the
    // group has the same uses in blocks with the same source maps, with the same flagged terms, project choices and
    // language (groupFindings reads nothing else).
    const acceptKey = [...accept].join('\u0000');
    const last = GROUP_MEMOS;
    const next = (GROUP_MEMOS = new Map<SynonymGroup, GroupMemo>());
    for (const [group, found] of byGroup) {
      let m = last.get(group);
      if (!m || m.language !== doc.language || m.accept !== acceptKey || !sameChoices(m.prefer, prefer) || !sameFound(m, found)) {
        const made = groupFindings(doc, group, found, prefer, accept, isFlagged);
        m = { uses: found.map((f) => f.use), maps: found.map((f) => f.block.source.map), terms: found.map((f) => f.terms), starts: found.map((f) => f.block.start), language: doc.language, accept: acceptKey, prefer, ...made, out: undefined, outStarts: undefined };
      }
      next.set(group, m);
      const found0 = handOut(m, found);
      for (let k = 0; k < found0.length; k++) out.push(found0[k]!);
    }
    return out;
  },
};

/** A use of a synonym as the rule gathers it: the use, its block, the terms other rules flag in the block. */
interface Found {
  use: SynonymUse;
  block: DocumentBlock;
  terms: TermUse[] | undefined;
}

/** A group's findings as made, with the use (its index among the group's uses) whose place each offset is at. */
interface GroupMade {
  made: DocumentFinding[];
  /** Per finding, the use it stands at (and its single replacement's edit). */
  mains: number[];
  /** Per finding, the use of each related place. */
  related: number[][];
  /** The use of each edit of the fix that replaces every minority word (one fix shared by the group's findings). */
  everywhere: number[];
}
const NO_MADE: GroupMade = { made: [], mains: [], related: [], everywhere: [] };

/** A group's findings (groupFindings) with what they were made from, and the copies handed out last (handOut). */
interface GroupMemo extends GroupMade {
  uses: SynonymUse[];
  maps: object[];
  terms: Array<TermUse[] | undefined>;
  /** The uses' blocks' starts when made. */
  starts: number[];
  language: string;
  accept: string;
  prefer: Record<string, string>;
  out: DocumentFinding[] | undefined;
  outStarts: number[] | undefined;
}
let GROUP_MEMOS = new Map<SynonymGroup, GroupMemo>();

/** Whether a group's uses are those a memo was made from: the same uses, in blocks with the same source maps, with the same flagged terms. */
function sameFound(m: GroupMemo, found: Found[]): boolean {
  if (m.uses.length !== found.length) return false;
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (f.use !== m.uses[i] || f.terms !== m.terms[i] || f.block.source.map !== m.maps[i]) return false;
  }
  return true;
}

/**
 * A memo's findings for the group's uses now: those handed out last when every use's block starts where it did then
 * (the same objects: the engine takes them as they were), else copies of the findings as made, each offset moved by its
 * use's block's shift. A use in a block with the same source map is at the same distance from the block's start (a
 * source map is the parser's for a block's source, the same object while that source is the same), so the copies are
 * what groupFindings makes now; the engine may have snapped or guarded the copies handed out in place, by the text at
 * and around them in their blocks, which is the same, so it would do so again to a new copy. The findings as made are
 * never handed out.
 */
function handOut(m: GroupMemo, found: Found[]): DocumentFinding[] {
  const t = m.made;
  if (t.length === 0) return t;
  const starts: number[] = new Array(found.length);
  let same = m.outStarts !== undefined;
  for (let i = 0; i < found.length; i++) {
    starts[i] = found[i]!.block.start;
    if (same && starts[i] !== m.outStarts![i]) same = false;
  }
  if (same && m.out !== undefined) return m.out;
  const d = (i: number) => starts[i]! - m.starts[i]!;
  const all = t[0]!.fixes![1]!;
  const everywhere: Fix = { ...all, edits: all.edits.map((e, k) => moveEdit(e, d(m.everywhere[k]!))) };
  const out: DocumentFinding[] = new Array(t.length);
  for (let j = 0; j < t.length; j++) {
    const f = t[j]!;
    const x = d(m.mains[j]!);
    const one = f.fixes![0]!;
    const rel = m.related[j]!;
    out[j] = {
      ...f,
      offset: f.offset + x,
      endOffset: f.endOffset + x,
      fixes: [{ ...one, edits: [moveEdit(one.edits[0]!, x)] }, everywhere],
      related: f.related!.map((r, k) => {
        const y = d(rel[k]!);
        return { ...r, offset: r.offset + y, endOffset: r.endOffset + y };
      }),
    };
  }
  m.out = out;
  m.outStarts = starts;
  return out;
}

function moveEdit(e: TextEdit, x: number): TextEdit {
  return { ...e, offset: e.offset + x, endOffset: e.endOffset + x };
}

/** A group's findings: one per minority word, where it first appears (see mixedTerms). */
function groupFindings(doc: DocumentModel, group: SynonymGroup, found: Found[], prefer: Record<string, string>, accept: Set<string>, isFlagged: (u: Use) => boolean): GroupMade {
  // One word of the group throughout: nothing to report (no counts made).
  const one = found[0]!.use.hit.member;
  let mixed = false;
  for (let u = 1; u < found.length && !mixed; u++) if (found[u]!.use.hit.member !== one) mixed = true;
  if (!mixed) return NO_MADE;
  // (At least two members here: the check above said so.)
  const counts = new Map<number, number>();
  for (const u of found) counts.set(u.use.hit.member, (counts.get(u.use.hit.member) ?? 0) + 1);
  const uses: Use[] = found.map(({ use, block, terms }, i) => ({ use, terms, i, ...block.toDocument(use.start, use.end) }));
  // Preferred: the project's choice, else the report's own majority; a tie goes to the
  // dictionary's preferred member when it is among the most used, else to the member listed first.
  const byTerm = (t: string | undefined) => (t === undefined ? -1 : group.members.findIndex((m) => normalizeWord(m.term) === normalizeWord(t)));
  const projectChoice = Object.entries(prefer).find(([k]) => group.members.some((m) => normalizeWord(m.term) === normalizeWord(k)));
  let preferred = projectChoice ? byTerm(projectChoice[1]) : -1;
  if (preferred < 0) {
    const most = Math.max(...counts.values());
    const tied = [...counts.entries()].filter(([, c]) => c === most).map(([m]) => m);
    const dict = byTerm(group.preferred);
    preferred = tied.includes(dict) ? dict : Math.min(...tied);
  }
  const preferredTerm = group.members[preferred]!.term;
  const minority = uses.filter((u) => u.use.hit.member !== preferred && !accept.has(normalizeWord(group.members[u.use.hit.member]!.term)));
  if (minority.length === 0) return NO_MADE;
  const replacement = (u: Use) => {
    const own = memberForm(group, u.use.hit.member, u.use.hit.form);
    return sentenceCase(u.use.text, matchCase(u.use.text, memberForm(group, preferred, u.use.hit.form), own), u.use.sentenceStart) + possessiveSuffix(u.use.text, own);
  };
  // A spelling variant toward the chosen spelling keeps meaning and grammar: safe. Another word is a suggestion.
  const kind: FixKind = group.spelling ? 'safe' : 'suggestion';
  const everywhere: Fix = {
    title: message(`Use "${preferredTerm}" everywhere`, `Gebruik overal "${preferredTerm}"`),
    // Preferred: one --fix makes the document consistent, and a second one has nothing left to do.
    preferred: true,
    kind,
    edits: minority.map((u) => ({ offset: u.offset, endOffset: u.endOffset, newText: replacement(u) })),
  };
  // The other words of the group the document uses: never the flagged word itself.
  const usedTerms = (member: number) => [...counts.keys()].filter((m) => m !== member).map((m) => `"${group.members[m]!.term}" (${counts.get(m)}×)`).join(', ');
  // One finding per minority word, where it first appears; its other places are related information.
  const reported = new Set<number>();
  const out: DocumentFinding[] = [];
  const mains: number[] = [];
  const relatedUses: number[][] = [];
  for (const u of minority) {
    if (reported.has(u.use.hit.member) || isFlagged(u)) continue;
    reported.add(u.use.hit.member);
    const newText = replacement(u);
    const same = minority.filter((x) => x !== u && x.use.hit.member === u.use.hit.member);
    const others = uses.filter((x) => x.use.hit.member !== u.use.hit.member);
    const related: RelatedLocation[] = [
      ...same.slice(0, 10).map((x) => ({ offset: x.offset, endOffset: x.endOffset, message: message(`"${x.use.text}" again`, `Weer "${x.use.text}"`), sameUse: true })),
      ...others.slice(0, 10).map((x) => ({ offset: x.offset, endOffset: x.endOffset, message: message(`"${x.use.text}" used here`, `Hier staat "${x.use.text}"`) })),
    ];
    mains.push(u.i);
    relatedUses.push([...same.slice(0, 10), ...others.slice(0, 10)].map((x) => x.i));
    out.push({
      offset: u.offset,
      endOffset: u.endOffset,
      message: message(
        `"${u.use.text}": this document also says ${usedTerms(u.use.hit.member)} for the same thing. Use one word: "${preferredTerm}". ${doc.language === 'en' ? group.reason : ''}`.trim(),
        `"${u.use.text}": dit document gebruikt voor hetzelfde ook ${usedTerms(u.use.hit.member)}. Kies één woord: "${preferredTerm}". ${doc.language === 'nl' ? group.reason : ''}`.trim(),
      ),
      fixes: [
        { title: message(`Replace with "${newText}"`, `Vervang door "${newText}"`), preferred: false, kind, edits: [{ offset: u.offset, endOffset: u.endOffset, newText }] },
        everywhere,
      ],
      related,
      data: { groupId: group.id, preferred: preferredTerm, used: Object.fromEntries([...counts.entries()].map(([m, c]) => [group.members[m]!.term, c])), ...(same.length ? { count: same.length + 1 } : {}) },
    });
  }
  return { made: out, mains, related: relatedUses, everywhere: minority.map((u) => u.i) };
}
