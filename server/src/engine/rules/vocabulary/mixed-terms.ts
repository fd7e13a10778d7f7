import type { DocumentBlock, DocumentFinding, DocumentModel, DocumentRule } from '../types.js';
import { message } from '../types.js';
import type { Fix, FixKind, RelatedLocation } from '../../types.js';
import { matchCase, sentenceCase } from '../../text/case.js';
import { memberForm } from '../../vocabulary/compile.js';
import { normalizeWord, possessiveSuffix } from '../../vocabulary/lexicon.js';
import type { SynonymGroup } from '../../vocabulary/dictionary.js';
import type { SynonymUse, TermUse, VocabularyFacts } from './analyzer.js';
import { RunSlots } from '../block-runs.js';
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
 */
function mixedGroups(runs: ReadonlyArray<Run<RunUses>>): ReadonlySet<SynonymGroup> {
  const change = RUNS.change();
  let counts = COUNTS;
  if (counts !== undefined && change !== undefined && change.previous === counts.runs) {
    const prev = change.previous;
    for (let r = change.before; r < prev.length - change.after; r++) countUses(counts, prev[r]!.value, -1);
    for (let r = change.before; r < runs.length - change.after; r++) countUses(counts, runs[r]!.value, 1);
  } else {
    counts = { runs, byGroup: new Map(), mixed: new Set() };
    for (let r = 0; r < runs.length; r++) countUses(counts, runs[r]!.value, 1);
  }
  counts.runs = runs;
  COUNTS = counts;
  return counts.mixed;
}

/** Per group, the uses of each member (by its index) and how many members are used; the groups with more than one. */
interface MemberCounts {
  runs: ReadonlyArray<Run<RunUses>>;
  byGroup: Map<SynonymGroup, { uses: number[]; members: number }>;
  mixed: Set<SynonymGroup>;
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
    const mixed = mixedGroups(runs);
    let any = false;
    for (const group of mixed) {
      if (!mayReport(group)) continue;
      any = true;
      break;
    }
    if (!any) return [];
    // (Indexed loops over the runs and their uses: no iterator per run and group at every edit.)
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      const groups = run.value.groups;
      for (let gi = 0; gi < groups.length; gi++) {
        const { group, uses } = groups[gi]!;
        let list = byGroup.get(group);
        if (!list) {
          // A group that cannot be reported is not gathered (its uses are read for nothing else).
          if (!mixed.has(group) || !mayReport(group)) continue;
          byGroup.set(group, (list = []));
        }
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
    for (const [group, found] of byGroup) {
      // One word of the group throughout: nothing to report (no counts made).
      const one = found[0]!.use.hit.member;
      let mixed = false;
      for (let u = 1; u < found.length && !mixed; u++) if (found[u]!.use.hit.member !== one) mixed = true;
      if (!mixed) continue;
      // (At least two members here: the check above said so.)
      const counts = new Map<number, number>();
      for (const u of found) counts.set(u.use.hit.member, (counts.get(u.use.hit.member) ?? 0) + 1);
      const uses: Use[] = found.map(({ use, block, terms }) => ({ use, terms, ...block.toDocument(use.start, use.end) }));
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
      if (minority.length === 0) continue;
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
    }
    return out;
  },
};
