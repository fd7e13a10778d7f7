import type { BlockAnalyzer, DocumentFinding, DocumentModel, DocumentRule } from '../types.js';
import { RunSlots } from '../block-runs.js';
import type { RunChange } from '../block-runs.js';
import type { Run } from '../../runs.js';
import { message } from '../types.js';
import { booleanOption, numberOption } from './options.js';
import type { WellKnownAbbreviations } from './abbreviations.js';
import { textMentions } from './abbreviations.js';
import { inside } from './prose.js';
import { BlockStates, Tally } from '../../incremental.js';
import { inLegend, isWebAddressLabel } from '../../vocabulary/abbreviations.js';
import { eachWord, wordCount } from '../../text/analyse.js';
import type { Sentence } from '../../text/sentences.js';

export interface AcronymUse {
  acronym: string;
  start: number;
  end: number;
  /** The block explains it here: "Full name (ABC)" or "ABC (full name)" or "ABC: full name" in a list. */
  defines: boolean;
}

const ROMAN = /^(?:[IVXLCDM]+)$/;
/** The start that every acronym below has (it is a prefix of its word). */
const STARTS_ACRONYM = /^\p{Lu}[\p{Lu}&]/u;
/** Whether a UTF-16 code unit may start a capital (an ASCII capital, or anything beyond ASCII): a cheap test before the expressions. */
const mayBeCapital = (c: number): boolean => (c >= 65 && c <= 90) || c > 127;

/** Acronyms in a block and whether the block explains them. */
export const acronymAnalyzer: BlockAnalyzer = {
  id: 'acronyms',
  analyze(ab): AcronymUse[] {
    const uses: AcronymUse[] = [];
    const text = ab.block.text;
    // A block quote is someone else's text; quoted speech is the speaker's words.
    if (ab.block.quoted) return uses;
    for (const s of ab.sentences) {
      // A sentence in capitals (a shouted heading) is not a row of acronyms.
      if (s.words.length > 2 && acronymCount(s.words) > s.words.length / 2) continue;
      for (let i = 0; i < s.words.length; i++) {
        const w = s.words[i]!;
        const acronym = acronymOfWord(w.text);
        if (acronym === undefined) continue;
        const letters = letterCount(acronym);
        // Part of a name joined by a hyphen to a number or more capitals (SHA-1, FG-NET, ISO-9001, HIV-1): the whole
        // is the name of an algorithm, a data set or a standard, not an abbreviation to write out.
        // "NVVK-gedragscode", "DWP-funded" stay: an abbreviation in a compound.
        // A plus joined to it names a data set or a product (LFWA+, MUI+, C++): a name too.
        if (/^\+/.test(text.slice(w.end, w.end + 1)) || /^\+/.test(w.text.slice(acronym.length))) continue;
        if (/^-[\p{Lu}\d]/u.test(w.text.slice(acronym.length)) || /^-[\p{Lu}\d]/u.test(text.slice(w.end, w.end + 2)) || /[\p{Lu}\d]-$/u.test(text.slice(Math.max(0, w.start - 2), w.start))) continue;
        if (inside(w.start, w.end, ab.quotes)) continue;
        // The abbreviation alone in quotation marks is mentioned, not used: "wat 'BIC' betekende", "“SSDI” was searched 6 times".
        if (/['‘’"“”]$/.test(text.slice(0, w.start)) && /^(?:['’"”]|s['’"”])/.test(text.slice(w.start + acronym.length))) continue;
        // Initials after a surname in a reference: "James MA, et al.", "Lahr M, Allen M".
        const prev = s.words[i - 1];
        if (letters <= 3 && prev && /^\p{Lu}\p{Ll}/u.test(prev.text) && /^[,.;]/.test(text.slice(w.end, w.end + 1)) && /\bet al\b|\d{4}|,\s*\p{Lu}{1,3}[,.]/u.test(s.words.length > 3 ? text.slice(s.start, s.end) : '')) continue;
        // A source named in a citation: "(RIGO/Atlas voor gemeenten, 2016)", "(SCP, 2020)".
        if (inCitation(text, w.start, w.end)) continue;
        // Part of a reference number ("NIHR HS&DR Reference Number: 17/99/89", "ZonMw-projectnummer 10360"): it names
        // a grant or a file, not something the reader must understand (judged false in the s5 blind sample).
        if (REFERENCE_NUMBER.test(text.slice(w.end, w.end + 60))) continue;
        const before = text.slice(Math.max(0, w.start - 2), w.start);
        const after = text.slice(w.end, w.end + 3);
        let defines = false;
        if (/\($/.test(before) && (/^\)/.test(after) || /^\s\p{L}+\)/u.test(text.slice(w.end, w.end + 20)))) {
          // Also "computed tomography (CT scan)": the abbreviation and the noun it names in the brackets.
          // "Wet gemeentelijke schuldhulpverlening (Wgs)": a capitalised or matching word before.
          const lead = text.slice(Math.max(0, w.start - 120), w.start - 1).split(/\s+/).filter(Boolean).slice(-8);
          defines = lettersInLead(acronym, lead);
        } else if (/^\s*\(/.test(text.slice(w.end, w.end + 2))) {
          // "UWV (Uitvoeringsinstituut Werknemersverzekeringen)": two or more words in the brackets.
          const close = text.indexOf(')', w.end);
          const inner = close > 0 ? text.slice(text.indexOf('(', w.end) + 1, close) : '';
          defines = inner.trim().split(/\s+/).length >= 2 || inner.length > acronym.length + 4;
        } else if (i === 0 && /^\s*[:=–—-]\s+\p{L}/u.test(text.slice(w.end, w.end + 4)) && (ab.block.kind === 'listItem' || ab.block.kind === 'tableCell' || ab.block.kind === 'paragraph' || ab.block.kind === 'footnote')) {
          // A glossary line: "UWV: Uitvoeringsinstituut Werknemersverzekeringen".
          defines = true;
        } else if (/^\s*[,(]?\s*(?:of|or|oftewel|ofwel|i\.e\.|dat wil zeggen|that is|short for|kort voor|staat voor|stands for|which stands for|die staat voor|dat staat voor|een afkorting (?:die (?:verwijst|staat)|van|voor)|an abbreviation (?:of|for))\b/iu.test(text.slice(w.end, w.end + 40))) {
          // "SMS, or text message", "de WOZ, oftewel de waarde van de woning".
          defines = true;
        } else if (namedBefore(acronym, text, s.words, i)) {
          // "Truncated singular value decomposition, ofwel Truncated SVD", "the Greater North Research Council, or GNRC",
          // "computer-aided design, also known as CAD": the full form just before, then a word that links it to the abbreviation.
          defines = true;
        }
        // The finding covers the acronym only, not the rest of "NVVK-gedragscode".
        const plural = w.text.startsWith(acronym) && w.text[acronym.length] === 's' && !/^['’]/.test(w.text.slice(acronym.length));
        uses.push({ acronym, start: w.start, end: w.start + acronym.length + (plural ? 1 : 0), defines });
      }
    }
    return uses;
  },
};

/**
 * The acronym a word is, or undefined: of a possessive, a plural or a compound the acronym (UWV's, NGOs,
 * NVVK-gedragscode, DWP-funded: UWV, NGO, NVVK, DWP), of two to ten letters, in capitals (and &), no Roman number.
 */
export function acronymOfWord(text: string): string | undefined {
  // An acronym starts with a capital and a capital or &: any other word is none, without the work. (Speed only, abbr27:
  // a capital, or a surrogate, then an ASCII lower-case letter is none, the expression not asked.)
  const c = text.charCodeAt(1);
  if (!mayBeCapital(text.charCodeAt(0)) || (c >= 97 && c <= 122)) return undefined;
  // Speed only (abbr27): a word of ASCII capitals only (most acronyms) is its own acronym, its letters its length.
  if (asciiCapitals(text)) return text.length >= 2 && text.length <= 10 && !ROMAN.test(text) ? text : undefined;
  if (!STARTS_ACRONYM.test(text)) return undefined;
  // The acronym of a possessive, a plural or a compound: UWV's, NGOs, NVVK-gedragscode, DWP-funded.
  const acronym = text.replace(/['’]s$/, '').replace(/-.*$/, '').replace(/^(\p{Lu}{2,})s$/u, '$1');
  const letters = acronym.replace(/[^\p{L}]/gu, '').length;
  if (letters < 2 || letters > 10 || ROMAN.test(acronym)) return undefined;
  // Codes with digits (DR19, SEN2, FY2020, RELSY1) name an item; they are not abbreviations to write out.
  if (!/^[\p{Lu}][\p{Lu}&]+$/u.test(acronym)) return undefined;
  return acronym;
}

/** Whether a text is one or more ASCII capitals and nothing else. */
function asciiCapitals(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** The code units of an acronym's letters (`acronym.replace(/[^\p{L}]/gu, '').length`; an acronym of ASCII capitals its length). */
function letterCount(acronym: string): number {
  return asciiCapitals(acronym) ? acronym.length : acronym.replace(/[^\p{L}]/gu, '').length;
}

function acronymCount(words: ReadonlyArray<{ isAcronym?: boolean }>): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) if (words[i]!.isAcronym) n++;
  return n;
}

/**
 * A footnote that cites a source: a year, pages ("p. 12", "blz. 12", "Title, 116 (…)"), "ibid.", "et al.",
 * "available at", "see also".
 */
const REFERENCE_NOTE = /\b(?:1[5-9]|20)\d\d\b|\b(?:ibid|et al|available at|retrieved from|geraadpleegd op|see also|zie ook)\b|\b(?:pp?|blz)\.\s*\d|,\s\d{1,4}(?:[-–]\d{1,4})?\s*(?:\(|[.;]?\s*$)/i;

/** Headings of a list of abbreviations or a glossary: an acronym explained there is explained for the whole report. */
const GLOSSARY_HEADING = /^(?:lijst (?:van|met) )?(?:afkortingen|begrippen(?:lijst)?|woordenlijst|verklarende woordenlijst|begrippenkader|glossary|abbreviations?|acronyms?|list of (?:abbreviations|acronyms)|terms and abbreviations|definitions|abbreviations and acronyms)\b/i;

export function undefinedAbbreviation(wellKnown: WellKnownAbbreviations): DocumentRule {
  const rule: DocumentRule = {
    scope: 'document',
    meta: {
      id: 'readability/undefined-abbreviation',
      languages: ['nl', 'en'],
      defaultSeverity: 'info',
      description: message('Abbreviations used before or without their explanation.', 'Afkortingen die pas later of nooit worden uitgelegd.'),
      rationale: message(
        'Every field has its own abbreviations, and readers from practice do not know those of research (or of another organisation). Write an abbreviation out in full the first time.',
        'Elk vakgebied heeft zijn eigen afkortingen. Lezers uit de praktijk kennen die van het onderzoek (of van een andere organisatie) niet. Schrijf een afkorting de eerste keer voluit.',
      ),
      // minUses: an abbreviation met once is mostly a name mentioned in passing (a station, a company, a product, a
      // protocol: WJOA, UKG, MATLAB, MQTT) or one the report's readers know; of 9 single mentions judged on the dev corpus
      // (test/judged/findings.tsv, test/judged/quiet4-sample.tsv) 8 were not worth explaining. By default Brug reports the
      // abbreviations a reader meets at least twice and must carry through the text; audience general: every one.
      // neverExplained: an abbreviation the report never writes out is, far more often than not, one its own readers
      // know (the programme they run, their organisation's systems, the technical names of their trade: TANF, SEN, ROOS,
      // JSON). Judged on the dev corpus (test/judged/findings.tsv, test/judged/abbr4-sample.tsv) about one in four of
      // those findings was worth acting on, against two in three of "used before it is explained". By default they are
      // hints (in the editor, not in the Problems panel); audience general, or a severity set in .brug.yml, shows them.
      options: {
        practitioner: { minUses: 2, neverExplained: false },
        academic: { minUses: 2, neverExplained: false },
        general: { minUses: 1, neverExplained: true },
      },
    },
    check(doc, ctx) {
      // Speed only (lsp10c): each block's acronym uses and list items, summarised per run of blocks (block-runs.ts), so
      // that an edit asks only the runs around it; what depends on other blocks (a run of list items, the next table
      // cell, the section) is asked here, in the same order as a pass over every block.
      const blockRuns = RUNS.runs(doc, (from, to) => runAbbreviations(doc, from, to));
      // An acronym in capitals that the report also writes as an ordinary word ("STOP" and "stop",
      // "KENNEDY" and "Kennedy") is emphasis or small capitals, not an abbreviation.
      // Kept up to date by the blocks an edit changed (engine/incremental.ts), not rebuilt from every block; the blocks of
      // the runs an edit left as they were are not compared again (speed only, vocab23). The words whose presence the
      // update changed are noted (ORDINARY_CHANGED).
      ORDINARY_CHANGED.length = 0;
      ordinaryOverflow = false;
      ORDINARY_PENDING.clear();
      const ordinary = ORDINARY_WORDS.update(doc.blocks, (b) => b.sentences, tallyOrdinary, (b) => b.facts);
      applyOrdinary(ordinary);
      // A severity the writer set in .brug.yml is for every finding of the rule.
      const neverExplained = booleanOption(ctx, 'neverExplained') || !!ctx.config.rules[rule.meta.id]?.severity;
      const minUses = numberOption(rule.meta, ctx, 'minUses');
      const change = RUNS.change();
      const kept = KEPT !== undefined && change !== undefined && change.previous === KEPT.runs ? KEPT : undefined;
      KEPT = undefined;
      // Speed only (abbr34): an edit that changed only blocks without acronyms (no heading or footnote either) into
      // blocks of the same shape changes none of the last check's answers when what they read of the text and of the
      // changed blocks is still as it was (see keptHolds): its findings are the last ones, moved with their blocks.
      if (kept !== undefined && keptHolds(doc, kept, blockRuns, change!, ordinary, minUses, neverExplained)) {
        for (let j = 0; j < kept.findings.length; j++) {
          const place = kept.places[j]!;
          const b = doc.blocks[place.block]!;
          // (Moved, or read anew with another map: a line's CR added or taken away inside it leaves its start.)
          if (b.start === place.at && b.source.map === place.map) continue;
          const f = kept.findings[j]!;
          const range = b.toDocument(place.start, place.end);
          f.offset = range.offset;
          f.endOffset = range.endOffset;
          place.at = b.start;
          place.map = b.source.map;
        }
        kept.runs = blockRuns;
        KEPT = kept;
        return kept.findings;
      }
      const accepted = new Set(doc.config.vocabulary.accept.map((a) => a.toUpperCase()));
      const firstUse = new Map<string, { block: number; start: number; end: number; count: number }>();
      const definedAt = new Map<string, number>();
      // Explained anywhere for the whole report: in a glossary section, a footnote, a glossary table.
      const explainedEverywhere = new Set<string>();
      // Explained in the block of its first use ("In SMS: … a text message (SMS)").
      const definedInBlock = new Map<string, Set<number>>();
      const orderOfUse = new Map<string, number>();
      const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
      // Runs of list items: the initials of each ("- **Political:** …", "- **Economic:** …" spell PESTLE), and the
      // lists of names (see isFragment) as ranges of block indices.
      const runs: string[] = [];
      const fieldRanges: Array<[number, number]> = [];
      let streak: { from: number; to: number; initials: string; fragments: number } | undefined;
      const close = () => {
        if (!streak) return;
        if (streak.initials.length >= 3) runs.push(streak.initials);
        const n = streak.to - streak.from;
        if (n >= 5 && streak.fragments >= 0.8 * n) fieldRanges.push([streak.from, streak.to]);
        streak = undefined;
      };
      // (Indexed loops over the runs and their summaries: no iterator per run at every edit.)
      for (let ri = 0; ri < blockRuns.length; ri++) {
        const r = blockRuns[ri]!;
        const streaks = r.value.streaks;
        for (let si = 0; si < streaks.length; si++) {
          const x = streaks[si]!;
          const from = r.from + x.from;
          if (streak && streak.to === from) {
            streak.to = r.from + x.to;
            streak.initials += x.initials;
            streak.fragments += x.fragments;
          } else {
            close();
            streak = { from, to: r.from + x.to, initials: x.initials, fragments: x.fragments };
          }
        }
      }
      close();
      // The footnotes' sentences, per run with footnotes (the run's own list: the same while the run is).
      const notes: Sentences[][] = [];
      // Each run's uses taken together, per acronym (speed only, vocab23: kept with the run's summary for what they
      // depend on outside the run, see runAcronyms), then the runs' in order: the same as a pass over every use.
      let field = 0;
      let order = 0;
      // (Whether a section is a glossary asked once per section: its runs come one after the other.)
      let glossarySection = NaN;
      let inGlossary = false;
      // Whether each acronym alone in a cell has its next block in the same row, as asked (see sameRow and keptHolds).
      const rows: RowAnswer[] = [];
      for (let ri = 0; ri < blockRuns.length; ri++) {
        const r = blockRuns[ri]!;
        if (r.section !== glossarySection) (glossarySection = r.section), (inGlossary = glossaryHeading(doc.sections[r.section]?.title));
        if (r.value.notes.length) notes.push(r.value.notes);
        if (r.value.uses.length === 0) continue;
        // The lists of names among the run's blocks, as ranges from the run's start.
        while (field < fieldRanges.length && fieldRanges[field]![1] <= r.from) field++;
        let fields = '';
        for (let i = field; i < fieldRanges.length && fieldRanges[i]![0] < r.to; i++) fields += `${Math.max(fieldRanges[i]![0], r.from) - r.from}-${Math.min(fieldRanges[i]![1], r.to) - r.from},`;
        // The block after the run, when the run's last block is an acronym alone in a table cell (it may explain it).
        const after = r.value.tail ? doc.blocks[r.to] : undefined;
        const nextExplains = !!after && after.source.kind === 'tableCell' && words(after.source.text).length >= 2 && askRow(doc, r.to - 1, r.to, rows);
        const c = runAcronyms(doc, r, inGlossary, fields, nextExplains, aloneRows(doc, r, rows));
        for (let ai = 0; ai < c.acronyms.length; ai++) {
          const a = c.acronyms[ai]!;
          if (a.definedAt !== undefined && !definedAt.has(a.acronym)) definedAt.set(a.acronym, order + a.definedAt);
          if (a.everywhere) explainedEverywhere.add(a.acronym);
          if (a.definedIn.length) {
            let set = definedInBlock.get(a.acronym);
            if (!set) definedInBlock.set(a.acronym, (set = new Set()));
            for (const k of a.definedIn) set.add(r.from + k);
          }
          if (!a.first) continue;
          const f = firstUse.get(a.acronym);
          if (!f) {
            firstUse.set(a.acronym, { block: r.from + a.first.k, start: a.first.start, end: a.first.end, count: a.count });
            orderOfUse.set(a.acronym, order + a.first.order);
          } else f.count += a.count;
        }
        order += r.value.uses.length;
      }
      // Written out in a footnote, without brackets: "The RIAA[^4] sued …" with "[^4]: Recording Industry Association of America."
      if (notes.length) for (const acronym of firstUse.keys()) if (spelledOutInNotes(acronym, notes)) explainedEverywhere.add(acronym);
      noteFirstUses(firstUse);
      const out: DocumentFinding[] = [];
      // What the answers below read, for the next check (see keptHolds): the words asked of `ordinary`, the field's
      // words looked for in the text, the legend and web-address answers.
      const asked = new Set<string>();
      const askOrdinary = { has: (word: string) => (asked.add(word), ordinary.has(word)) };
      // Programme abbreviations known in one country's field (SNAP, PIP) count as known in a report of that field.
      // (Each field's word asked, with its answer: the next check asks them again, see keptHolds.)
      const mentioned: Array<[string, boolean]> = [];
      const textMentioned = textMentions(doc.text, doc.lines);
      const mentions = (phrase: string) => {
        const hit = textMentioned(phrase);
        mentioned.push([phrase, hit]);
        return hit;
      };
      const legends: Array<[string, boolean]> = [];
      const sites: Array<[string, boolean]> = [];
      const places: FindingPlace[] = [];
      // nameBefore's answers of the last check, when this check's runs are an edit of its runs (RunSlots.change): those
      // before the edited runs are its runs, and so are their blocks (the first `keptBlocks`).
      const lastNamed = kept?.named;
      const keptBlocks = change !== undefined && change.before > 0 ? blockRuns[change.before - 1]!.to : 0;
      // (The last check's map, its answers updated in place and those not asked again taken out: garbage only, s31, no
      // map and answer per abbreviation kept at every edit. An answer is read before it is written over.)
      const named: NamedAnswers = lastNamed ?? new Map();
      const stamp = ++NAMED_STAMP;
      // The last check's findings and their places, handed out again in order where this check makes the same finding
      // (garbage only, s31: see sameFinding).
      const lastFindings = kept?.findings;
      const lastPlaces = kept?.places;
      let reuse = 0;
      for (const [acronym, use] of firstUse) {
        if (accepted.has(acronym) || wellKnown.has(doc.language, acronym, mentions) || explainedEverywhere.has(acronym)) continue;
        if (acronym.length >= 4 && askOrdinary.has(acronym)) continue;
        // A draft's placeholder (XXX, NNN, YYY): one letter repeated is no abbreviation.
        if (/^(\p{Lu})\1+$/u.test(acronym) && acronym.length >= 3) continue;
        // A phrase in capitals ("#LINK ME", "DO NOT"): a neighbour in capitals is an ordinary word of the report.
        if (shoutedPhrase(doc.blocks[use.block]!.core, use.start, use.end, askOrdinary)) continue;
        if (definedInBlock.get(acronym)?.has(use.block)) continue;
        // The cheap tests first (each test here only drops the finding, so their order changes nothing else).
        if (use.count < minUses) continue;
        const def = definedAt.get(acronym);
        const first = orderOfUse.get(acronym)!;
        if (def !== undefined && def <= first) continue;
        // Spelled out in the paragraph of its first use, without brackets: "… all the other STEM fields. To get more
        // women in Computer Science … CS", "subjects are WEIRD: from Western, Educated, Industrialized, Rich, and Democratic societies".
        if (spelledOutIn(acronym, doc.blocks[use.block]!.sentences)) continue;
        // The paragraph lists what the letters stand for, in order, even in lower case: "een SCAMPER-methode … (substitute,
        // combine, adapt, modify, etc.)". At least four letters of a name of four or more.
        if (listsLettersIn(acronym, doc.blocks[use.block]!.core)) continue;
        // A proper name written out earlier in the report, each word capitalised ("Universiteit van Amsterdam" before "UVA").
        // The last check's answer while the first use is the same block, in the runs before the edit (speed only, doc33:
        // no pass over the runs before it per abbreviation at every edit).
        const known = lastNamed?.get(acronym);
        const namedAt = known !== undefined && known.first === use.block && use.block < keptBlocks ? known.at : namedAfterEdit(acronym, known, doc.blocks, blockRuns, use.block, keptBlocks, change);
        if (known !== undefined) (known.first = use.block), (known.at = namedAt), (known.stamp = stamp);
        else named.set(acronym, { first: use.block, at: namedAt, stamp });
        if (namedAt >= 0) continue;
        // A list of items whose first words spell it, anywhere in the report: the letters explained one by one.
        if (acronym.length >= 4 && runs.some((r) => r.includes(acronym))) continue;
        // Explained in a legend or a list of abbreviations ("`PD` persoon met dementie", "MZ: mantelzorger"), which
        // the prose does not show (inline code is not prose).
        const legend = inLegend(doc.text, acronym, doc.lines);
        legends.push([acronym, legend]);
        if (legend) continue;
        // The name of a website's owner (acf.hhs.gov, mui.com, uva.nl): an organisation or a product known by that name.
        if (def === undefined) {
          const site = isWebAddressLabel(doc.text, acronym, doc.lines);
          sites.push([acronym, site]);
          if (site) continue;
        }
        const b = doc.blocks[use.block]!;
        const range = b.toDocument(use.start, use.end);
        const later = def !== undefined;
        const quiet = !later && !neverExplained;
        const j = lastFindings !== undefined ? sameFinding(lastFindings, reuse, acronym, later, quiet) : -1;
        if (j >= 0) {
          reuse = j + 1;
          const f = lastFindings![j]!;
          f.offset = range.offset;
          f.endOffset = range.endOffset;
          out.push(f);
          const place = lastPlaces![j]!;
          place.block = use.block;
          place.start = use.start;
          place.end = use.end;
          place.at = b.start;
          place.map = b.source.map;
          places.push(place);
          continue;
        }
        places.push({ block: use.block, start: use.start, end: use.end, at: b.start, map: b.source.map });
        out.push({
          ...range,
          ...(quiet ? { severity: 'hint' as const } : {}),
          message: later
            ? message(`"${acronym}" is used before it is explained. Write it out in full here, the first time.`, `"${acronym}" staat hier voordat het is uitgelegd. Schrijf het hier, de eerste keer, voluit.`)
            : message(`"${acronym}" is never explained. Write it out in full the first time, for example "full name (${acronym})".`, `"${acronym}" wordt nergens uitgelegd. Schrijf het de eerste keer voluit, bijvoorbeeld "volledige naam (${acronym})".`),
          data: { acronym, explainedLater: later },
          fixes: [{
            title: message(`Accept "${acronym}" in this project`, `Accepteer "${acronym}" in dit project`),
            preferred: false,
            edits: [],
            configEdit: { path: ['vocabulary', 'accept'], value: acronym },
          }],
        });
      }
      if (lastNamed !== undefined) named.forEach((answer, acronym) => answer.stamp !== stamp && named.delete(acronym));
      KEPT = { runs: blockRuns, blocks: doc.blocks.length, accept: doc.config.vocabulary.accept.slice(), language: doc.language, minUses, neverExplained, ordinary, asked, mentioned, named, legends, sites, rows, findings: out, places };
      return out;
    },
    // Speed only (lsp8): the per-block word lists the check reads, made ahead of it a few blocks per step (engine.ts warm).
    warm(doc, blocks) {
      for (let x = 0; x < blocks.length; x++) {
        const i = blocks[x]!;
        const sentences = doc.blocks[i]?.sentences;
        if (!sentences) continue;
        wordsEntry(NAME_WORDS, sentences, nameWordsOf);
        // Speed only (lsp9): a new footnote's answers about the document's acronyms (the check asks every footnote
        // about each acronym's first use; the answers are kept with the footnote's analysis). Other blocks are asked
        // only as the block of an acronym's first use: their words are listed then (memory only, voc16).
        // Only the acronyms whose first letter starts one of its capitalised words (the others are answered without
        // the words, see spelledOutAnswer; speed only, abbr27: the acronyms grouped by their first letter).
        if (doc.blocks[i]!.source.kind === 'footnote') {
          const entry = wordsEntry(SPELLED, sentences, spelledWordsOf);
          const byLetter = acronymsToWarm(doc);
          for (let k = 0; k < entry.capitals.length; k++) {
            const pairs = byLetter.get(entry.capitals[k]!);
            for (let j = 0; pairs !== undefined && j < pairs.length; j++) answerWith(entry, pairs[j]![0], pairs[j]![1]);
          }
        }
      }
    },
  };
  return rule;
}

/** An acronym use with what its block says about it (block-runs.ts summaries; the block's index in its run). */
interface RunUse {
  k: number;
  use: AcronymUse;
  kind: string;
  /** A table cell that holds the acronym alone (the next cell may explain it). */
  alone: boolean;
  /** A list item that opens with the term it defines (definitionItem). */
  definitionItem: boolean;
  /** A footnote that cites a source (REFERENCE_NOTE). */
  referenceNote: boolean;
}
/** A run of blocks summarised: its acronym uses, its runs of list items (initials, short fragments) and its footnotes. */
interface RunAbbreviations {
  uses: RunUse[];
  streaks: Array<{ from: number; to: number; initials: string; fragments: number }>;
  /** The sentences of its footnotes (speed only, vocab23: kept here, not read from each footnote block at every check). */
  notes: Sentences[];
  /** Per acronym asked about, the first block of the run (from its start) that writes it out as a proper name, -1 if none (nameBefore; made when asked). */
  named?: Map<string, number>;
  /** Its last block is an acronym alone in a table cell: the block after the run may explain it. */
  tail: boolean;
  /** Its uses taken together, for the context they were taken in (runAcronyms; made when asked). */
  acronyms?: RunAcronyms;
  /** Each block's facts (what it is: the same object while the block is the same; the run's box holds them already). */
  facts: object[];
  /**
   * Each block's part in the check when it has no acronym use and is no heading or footnote: what the runs of list items
   * and the table cells read of it (see blockShape); undefined for the other blocks.
   */
  shapes: Array<string | undefined>;
}

/** What a run's uses add to the document's (see the check), in one context: whether its section is a glossary, its lists of names, whether the block after it explains its last cell. */
interface RunAcronyms {
  context: string;
  /** Per acronym, in the order of its first use that counts (prose or a definition); the others after them. Orders count the run's uses from 1. */
  acronyms: Array<{
    acronym: string;
    /** Its first use that counts (the block's index in the run). */
    first?: { k: number; start: number; end: number; order: number };
    /** Its uses that count. */
    count: number;
    /** Its first definition. */
    definedAt?: number;
    /** Explained for the whole report (a glossary, a footnote, a table, a list of terms). */
    everywhere: boolean;
    /** The blocks that define it. */
    definedIn: number[];
  }>;
}

/**
 * A run's uses taken together as the check's pass over every use takes them, kept with the run's summary for the
 * context it depends on outside the run's blocks (speed only, vocab23): whether the run's section is a glossary, which
 * of its blocks are in a list of names (`fields`: ranges from the run's start), whether the block after the run is a
 * table cell that explains an acronym alone in the run's last cell.
 */
function runAcronyms(doc: DocumentModel, r: Run<RunAbbreviations>, inGlossary: boolean, fields: string, nextExplains: boolean, rows: string): RunAcronyms {
  const context = `${inGlossary ? 1 : 0}${nextExplains ? 1 : 0}${fields}|${rows}`;
  const known = r.value.acronyms;
  if (known && known.context === context) return known;
  const ranges = fields === '' ? [] : fields.slice(0, -1).split(',').map((x) => x.split('-').map(Number) as [number, number]);
  const inFieldList = (k: number) => ranges.some(([a, b]) => a <= k && k < b);
  const byAcronym = new Map<string, RunAcronyms['acronyms'][number]>();
  const n = r.to - r.from;
  let order = 0;
  // The next of `rows` (aloneRows: one per use alone in a cell with a block after it in the run).
  let row = 0;
  for (const x of r.value.uses) {
    const u = x.use;
    const kind = x.kind;
    order++;
    const sameRowNext = x.alone && x.k + 1 < n && rows.charCodeAt(row++) === 49;
    let a = byAcronym.get(u.acronym);
    if (!a) byAcronym.set(u.acronym, (a = { acronym: u.acronym, count: 0, everywhere: false, definedIn: [] }));
    let defines = u.defines;
    // A glossary table: the acronym alone in a cell, its words in a later cell of its row ("| UWV | Uitvoeringsinstituut Werknemersverzekeringen |").
    if (!defines && x.alone) {
      if (x.k + 1 < n) {
        const next = doc.blocks[r.from + x.k + 1]!;
        if (sameRowNext && next.source.kind === 'tableCell' && next.source.text.trim().split(/\s+/).filter(Boolean).length >= 2) defines = true;
      } else if (nextExplains) defines = true;
    }
    if (defines) {
      a.definedAt ??= order;
      // A list item that defines a term ("- **The TANF Data Reporting System (TDRS)** is the system used …",
      // "- UWV: Uitvoeringsinstituut …") is a list of terms: explained for the reader wherever the report uses it,
      // as in a glossary section (judged false in the s5 blind sample: "defined in the document's terms section").
      if (kind === 'footnote' || inGlossary || kind === 'tableCell' || (kind === 'listItem' && x.definitionItem)) a.everywhere = true;
      a.definedIn.push(x.k);
    } else if (inGlossary && (kind === 'listItem' || kind === 'tableCell' || kind === 'paragraph')) {
      // Any mention in a glossary section counts as its explanation.
      a.everywhere = true;
    }
    // Headings, captions and tables do not count as the first use in running text.
    // Nor do lists of data fields, parameters or criteria ("15. UPC code of the retail album;"): they name things.
    // Nor do footnotes that cite a source (a year, pages, "available at": "Copyright Law Revision—CATV: Hearing on
    // S. 1006 … (1966)", "C 99-5183 MHP … 2003"): an abbreviation met only there is part of a source's title or
    // number. A note in sentences is prose; and any footnote still explains.
    const prose = kind === 'paragraph' || (kind === 'listItem' && !inFieldList(x.k)) || (kind === 'footnote' && !x.referenceNote);
    if (!prose && !defines) continue;
    if (!a.first) a.first = { k: x.k, start: u.start, end: u.end, order };
    a.count++;
  }
  const acronyms = [...byAcronym.values()].sort((p, q) => (p.first?.order ?? Infinity) - (q.first?.order ?? Infinity));
  r.value.acronyms = { context, acronyms };
  return r.value.acronyms;
}
const RUNS = new RunSlots<RunAbbreviations>();

/** Where a finding's range was read from: its block (index), the range in the block's text, and where the block started then. */
interface FindingPlace {
  block: number;
  start: number;
  end: number;
  /** Where the block started, and its map (offsets only), when the finding's range was made. */
  at: number;
  map: object;
}

/**
 * The last check: its runs (as RunSlots handed them out), its number of blocks, the options it ran with, the answers it
 * read beyond the runs' summaries (the ordinary words asked, the field's words looked for in the text, the
 * names written out, the legends and web addresses), and its findings (the rule's own objects, moved in place after an
 * edit) with their places. Numbers and the acronyms' strings: no text of a document version is kept by it.
 */
interface KeptCheck {
  runs: ReadonlyArray<Run<RunAbbreviations>>;
  blocks: number;
  /** The words accepted in the project (vocabulary.accept), a copy. */
  accept: string[];
  language: DocumentModel['language'];
  minUses: number;
  neverExplained: boolean;
  ordinary: Tally<string>;
  asked: Set<string>;
  /** The field's words looked for in the text (textMentions), with their answers. */
  mentioned: Array<[string, boolean]>;
  named: NamedAnswers;
  legends: Array<[string, boolean]>;
  sites: Array<[string, boolean]>;
  /** Whether each acronym alone in a cell has its next block in the same row (askRow), with the blocks' indices. */
  rows: RowAnswer[];
  findings: DocumentFinding[];
  places: FindingPlace[];
}
let KEPT: KeptCheck | undefined;

/**
 * Whether the last check's findings are this check's, moved with their blocks: the same options and number of blocks,
 * and an edit of the runs (RunSlots.change) whose blocks are, one by one, the same blocks (the same facts) or blocks
 * without acronym uses, headings or footnotes of the same shape (blockShape) before and after. Then every acronym's uses,
 * definitions, runs of list items, lists of names, glossary sections, table cells and footnotes are the last check's, in
 * the same blocks. What the answers read besides is asked again: the ordinary words whose presence the edit changed
 * (none asked last time), the names written out (no changed block writes out an acronym whose first use is after it,
 * nor was the block that did), the legends and web addresses in the text and the field's words looked for in it (the
 * same answers).
 */
function keptHolds(doc: DocumentModel, kept: KeptCheck, runs: ReadonlyArray<Run<RunAbbreviations>>, change: RunChange<RunAbbreviations>, ordinary: Tally<string>, minUses: number, neverExplained: boolean): boolean {
  if (doc.blocks.length !== kept.blocks || doc.language !== kept.language || minUses !== kept.minUses || neverExplained !== kept.neverExplained) return false;
  // The words accepted in the project (a configuration is made per check: its list compared).
  const accept = doc.config.vocabulary.accept;
  if (accept.length !== kept.accept.length) return false;
  for (let i = 0; i < accept.length; i++) if (accept[i] !== kept.accept[i]) return false;
  if (ordinary !== kept.ordinary || ordinaryOverflow) return false;
  for (let i = 0; i < ORDINARY_CHANGED.length; i++) if (kept.asked.has(ORDINARY_CHANGED[i]!)) return false;
  // The edited runs, block by block (as many blocks as before: the runs before and after them are the last ones).
  const previous = change.previous;
  const oldEnd = previous.length - change.after;
  const newEnd = runs.length - change.after;
  let or = change.before;
  let ok = 0;
  let changed: number[] | undefined;
  for (let nr = change.before; nr < newEnd; nr++) {
    const r = runs[nr]!;
    const n = r.value.facts.length;
    for (let k = 0; k < n; k++) {
      while (or < oldEnd && ok >= previous[or]!.value.facts.length) (or++, (ok = 0));
      if (or >= oldEnd) return false;
      const was = previous[or]!.value;
      const facts = r.value.facts[k]!;
      if (was.facts[ok] !== facts) {
        const shape = r.value.shapes[k];
        if (shape === undefined || shape !== was.shapes[ok]) return false;
        (changed ??= []).push(r.from + k);
      }
      ok++;
    }
  }
  while (or < oldEnd && ok >= previous[or]!.value.facts.length) (or++, (ok = 0));
  if (or < oldEnd) return false;
  // Names written out before an acronym's first use: not by a changed block now, nor by one then.
  // (Per changed block, its words' entry looked up once for every acronym: speed only, s31; namedIn's test of one block.)
  if (changed !== undefined) {
    for (let c = 0; c < changed.length; c++) {
      const i = changed[c]!;
      let entry: WordsEntry | undefined;
      for (const [acronym, answer] of kept.named) {
        if (answer.at === i) return false;
        if (answer.at >= 0 || i >= answer.first) continue;
        entry ??= wordsEntry(NAME_WORDS, doc.blocks[i]!.sentences, nameWordsOf);
        if (entry.initials.includes(acronym[0]!) && spelledOutAnswer(entry, acronym)) return false;
      }
    }
  }
  for (let j = 0; j < kept.legends.length; j++) if (inLegend(doc.text, kept.legends[j]![0], doc.lines) !== kept.legends[j]![1]) return false;
  for (let j = 0; j < kept.sites.length; j++) if (isWebAddressLabel(doc.text, kept.sites[j]![0], doc.lines) !== kept.sites[j]![1]) return false;
  // The rows of the glossary cells (the text between two cells is no block: an edit may move a cell to the next row).
  for (let j = 0; j < kept.rows.length; j++) {
    const [a, b, answer] = kept.rows[j]!;
    if (sameRow(doc, doc.blocks[a]!, doc.blocks[b]!) !== answer) return false;
  }
  // A field's word found in the text then, or not found (asked again: mostly carried over from the last check's answer).
  if (kept.mentioned.length) {
    const mentions = textMentions(doc.text, doc.lines);
    for (let j = 0; j < kept.mentioned.length; j++) if (mentions(kept.mentioned[j]![0]) !== kept.mentioned[j]![1]) return false;
  }
  return true;
}

/** The ordinary words whose presence the last update of ORDINARY_WORDS changed (at most 64; `ordinaryOverflow`: more). */
const ORDINARY_CHANGED: string[] = [];
let ordinaryOverflow = false;

/**
 * Notes a block's ordinary words coming (delta > 0) or going, to be applied to the tally when the update is done
 * (applyOrdinary). Speed only (abbr37): an edit of a word takes a block's words away and brings nearly all of them back;
 * summed per word first, they leave the tally (a map of every ordinary word of the report, ~20,000 at 100,000 words) as
 * it was but for the few words that changed, instead of deleting and adding again each word the block alone has.
 */
function tallyOrdinary(_tally: Tally<string>, sentences: object, delta: number): void {
  const pending = ORDINARY_PENDING;
  // (forEach: no iterator result per word.)
  recentOrdinaryWords(sentences as Sentences).forEach((word) => pending.set(word, (pending.get(word) ?? 0) + delta));
}

/**
 * ordinaryWordsOf() of the blocks that came or went in the last few updates (at most RECENT_MAX, the latest last). Speed
 * only (s31): a paragraph being typed in comes at one edit and goes at the next, its words read once, not twice; only
 * a few blocks' words are held (see ordinaryWordsOf on keeping them for every block).
 */
function recentOrdinaryWords(sentences: Sentences): Set<string> {
  const recent = RECENT_ORDINARY;
  for (let k = recent.length - 1; k >= 0; k--) if (recent[k]!.sentences === sentences) return recent[k]!.words;
  const words = ordinaryWordsOf(sentences);
  recent.push({ sentences, words });
  if (recent.length > RECENT_MAX) recent.shift();
  return words;
}
const RECENT_ORDINARY: Array<{ sentences: object; words: Set<string> }> = [];
const RECENT_MAX = 4;
/** The ordinary words' counts to add to the tally, per word, noted by tallyOrdinary during an update of ORDINARY_WORDS. */
const ORDINARY_PENDING = new Map<string, number>();

/** Adds the counts noted (ORDINARY_PENDING) to the tally (as Tally.add), noting the words that came or went (ORDINARY_CHANGED). */
function applyOrdinary(tally: Tally<string>): void {
  const pending = ORDINARY_PENDING;
  if (pending.size === 0) return;
  const counts = tally.counts;
  // (forEach: no [word, delta] pair made per entry.)
  pending.forEach((delta, word) => {
    if (delta === 0) return;
    const was = counts.get(word) ?? 0;
    const now = was + delta;
    if (now === 0) counts.delete(word);
    else counts.set(word, now);
    if ((was === 0) === (now === 0)) return;
    if (ORDINARY_CHANGED.length < 64) ORDINARY_CHANGED.push(word);
    else ordinaryOverflow = true;
  });
  pending.clear();
}
const NO_USES: RunUse[] = [];
const NO_NOTES: Sentences[] = [];

function runAbbreviations(doc: DocumentModel, from: number, to: number): RunAbbreviations {
  let uses = NO_USES;
  let notes = NO_NOTES;
  const streaks: RunAbbreviations['streaks'] = [];
  let streak: RunAbbreviations['streaks'][number] | undefined;
  const facts: object[] = new Array(to - from);
  const shapes: Array<string | undefined> = new Array(to - from);
  for (let i = from; i < to; i++) {
    const b = doc.blocks[i]!;
    const ab = b.core;
    const kind = ab.block.kind;
    const found = (b.facts.acronyms as AcronymUse[] | undefined) ?? [];
    let initial = '';
    let fragment = false;
    if (kind === 'listItem') {
      if (!streak) streaks.push((streak = { from: i - from, to: i - from, initials: '', fragments: 0 }));
      streak.to = i - from + 1;
      initial = ab.sentences[0]?.words[0]?.text[0]?.toUpperCase() ?? '';
      streak.initials += initial;
      if ((fragment = isFragment(ab))) streak.fragments++;
    } else streak = undefined;
    if (kind === 'footnote') {
      if (notes === NO_NOTES) notes = [];
      notes.push(b.sentences);
    }
    facts[i - from] = b.facts;
    shapes[i - from] = found.length === 0 && kind !== 'heading' && kind !== 'footnote' ? blockShape(kind, initial, fragment, ab.block.text) : undefined;
    if (found.length === 0) continue;
    const text = ab.block.text;
    const referenceNote = kind === 'footnote' && REFERENCE_NOTE.test(text);
    for (const u of found) {
      if (uses === NO_USES) uses = [];
      uses.push({ k: i - from, use: u, kind, alone: kind === 'tableCell' && text.trim() === u.acronym, definitionItem: kind === 'listItem' && definitionItem(text, u.start, u.end), referenceNote });
    }
  }
  const last = uses.length ? uses[uses.length - 1]! : undefined;
  return { uses, streaks, notes, tail: !!last && last.alone && last.k === to - from - 1, facts, shapes };
}

/**
 * What the check reads of a block without acronym uses that is no heading or footnote: whether it is a list item (a run
 * of list items spells initials; a list of names is one of short fragments), its initial and whether it is a fragment;
 * whether it is a table cell of two words or more (it explains an acronym alone in the cell before it). Two such blocks
 * with the same shape play the same part in every check.
 */
function blockShape(kind: string, initial: string, fragment: boolean, text: string): string {
  if (kind === 'listItem') return `L${fragment ? 1 : 0}${initial}`;
  if (kind === 'tableCell') return text.trim().split(/\s+/).filter(Boolean).length >= 2 ? 'T' : 't';
  return '';
}

/** Whether a section title is that of a glossary or a list of abbreviations (remembered per title). */
const GLOSSARY_TITLES = new Map<string, boolean>();
function glossaryHeading(title: string | undefined): boolean {
  if (title === undefined) return false;
  let known = GLOSSARY_TITLES.get(title);
  if (known === undefined) {
    if (GLOSSARY_TITLES.size > 5000) GLOSSARY_TITLES.clear();
    GLOSSARY_TITLES.set(title, (known = GLOSSARY_HEADING.test(title)));
  }
  return known;
}

/**
 * A short fragment: at most 12 words, no closing full stop. Five or more list items in a row, at least four in five of
 * them fragments, are a list of names (data fields, parameters or criteria reproduced from a rule), not running text.
 */
function isFragment(b: { block: { text: string }; sentences: ReadonlyArray<{ words: ReadonlyArray<unknown> }> }): boolean {
  // The counts of the kept sentences (speed only, rules18: their words are not made again to be counted).
  return b.sentences.reduce((n, x) => n + wordCount(x as Sentence), 0) <= 12 && !/[.!?]["'”’)]*\s*$/.test(b.block.text);
}

/** listsLetters() on a block's text, remembered per acronym with the block's cached analysis (speed only, lsp10c). */
const LISTS = new WeakMap<object, Map<string, boolean>>();
function listsLettersIn(acronym: string, ab: { block: { text: string }; sentences: object }): boolean {
  let answers = LISTS.get(ab.sentences);
  if (!answers) LISTS.set(ab.sentences, (answers = new Map()));
  let answer = answers.get(acronym);
  if (answer === undefined) answers.set(acronym, (answer = listsLetters(acronym, ab.block.text)));
  return answer;
}

/** The text lists, separated by commas, words whose initials are the acronym's first four letters or more (case-insensitive). */
export function listsLetters(acronym: string, text: string): boolean {
  if (acronym.length < 4) return false;
  const letters = acronym.toLowerCase();
  for (const m of text.matchAll(/\p{L}[\p{L}-]*(?:\s*,\s*(?:(?:and|or|en|of)\s+)?\p{L}[\p{L}-]*)+/gu)) {
    const initials = m[0].split(/\s*,\s*/).map((x) => x.replace(/^(?:and|or|en|of)\s+/, '')[0]!.toLowerCase()).join('');
    for (let i = 0; i + 4 <= initials.length; i++) {
      let n = 0;
      while (i + n < initials.length && n < letters.length && initials[i + n] === letters[n]) n++;
      if (n >= 4) return true;
    }
  }
  return false;
}

/**
 * Blocks before the first use write the acronym out as a proper name: capitalised words (not other abbreviations:
 * "MZ van PD" does not spell MVP), small linking words between them.
 */
type NameBlocks = ReadonlyArray<{ sentences: ReadonlyArray<{ words: ReadonlyArray<{ text: string }> }> }>;
function nameBefore(acronym: string, blocks: NameBlocks, runs: ReadonlyArray<Run<RunAbbreviations>>, first: number, fromRun = 0, toRun = runs.length): number {
  // Per run of blocks, the answer kept with the run's summary (speed only, voc16: an edit asks only the runs it
  // changed, with no pass over every block); the run of the first use up to it.
  for (let ri = fromRun; ri < toRun; ri++) {
    const r = runs[ri]!;
    if (r.from >= first) break;
    if (r.to > first) return namedIn(acronym, blocks, r.from, first);
    const named = (r.value.named ??= new Map());
    let k = named.get(acronym);
    if (k === undefined) {
      const at = namedIn(acronym, blocks, r.from, r.to);
      named.set(acronym, (k = at < 0 ? -1 : at - r.from));
    }
    if (k >= 0) return r.from + k;
  }
  return -1;
}

/**
 * nameBefore() of an acronym whose first use is at or after the runs an edit changed (block `keptBlocks` on: the blocks
 * before are the last check's, RunSlots.change), with the last check's answer (`known`, of the blocks then: a block
 * before the first use that wrote it out, or -1 when none did). Speed only (s31), a block that writes it out before
 * the first use, or -1 when none does, as nameBefore answers:
 * - a block before `keptBlocks` that wrote it out then still does (the same block);
 * - so does a block of the runs after the edited ones then (the same summaries: the same blocks, moved by `d`), when
 *   it comes before the first use now;
 * - when none did then, and that use was not before `keptBlocks`, none of the blocks before `keptBlocks` does: the runs
 *   from the edit on are read; and when that use is the same block now, moved with the runs after the edited ones,
 *   none of those before it does either: only the edited runs are read.
 * Else every run up to the first use is read.
 */
function namedAfterEdit(acronym: string, known: { first: number; at: number } | undefined, blocks: NameBlocks, runs: ReadonlyArray<Run<RunAbbreviations>>, first: number, keptBlocks: number, change: RunChange<RunAbbreviations> | undefined): number {
  if (known !== undefined && change !== undefined && first >= keptBlocks) {
    if (known.at >= 0 && known.at < keptBlocks) return known.at;
    // Where the runs after the edited ones start, then (`was`) and now, and how far their blocks moved.
    const previous = change.previous;
    const after = change.after;
    const was = after > 0 ? previous[previous.length - after]!.from : Infinity;
    const d = after > 0 ? runs[runs.length - after]!.from - was : 0;
    if (known.at >= was && known.at + d < first) return known.at + d;
    if (known.at < 0 && known.first >= keptBlocks) {
      if (known.first >= was && first === known.first + d) return nameBefore(acronym, blocks, runs, first, change.before, runs.length - after);
      return nameBefore(acronym, blocks, runs, first, change.before);
    }
  }
  return nameBefore(acronym, blocks, runs, first);
}

/**
 * nameBefore()'s answers of a check, per abbreviation asked: the block of its first use then, and the first block before
 * it that writes it out (-1: none).
 */
type NamedAnswers = Map<string, { first: number; at: number; stamp: number }>;
/** The number of the last complete check (the answers it gave in NamedAnswers carry it). */
let NAMED_STAMP = 0;

/**
 * The index of a finding of the last check (from `from` on, within a few) that this check would make anew for an
 * acronym: the same acronym, explained later or never, a hint or not. Its message, data and fixes are made from those
 * alone, so it is the same finding once its range is set (the rule owns its findings: the engine copies each one and
 * compares the copies, see the kept findings moved in the check); -1 when there is none.
 */
function sameFinding(findings: readonly DocumentFinding[], from: number, acronym: string, later: boolean, quiet: boolean): number {
  for (let j = from; j < findings.length && j < from + 8; j++) {
    const f = findings[j]!;
    const data = f.data as { acronym: string; explainedLater: boolean };
    if (data.acronym === acronym && data.explainedLater === later && (f.severity === 'hint') === quiet) return j;
  }
  return -1;
}

/** The first of the blocks [from, to) that writes the acronym out as a proper name, -1 if none does. */
function namedIn(acronym: string, blocks: NameBlocks, from: number, to: number): number {
  const initial = acronym[0]!;
  for (let i = from; i < to; i++) {
    // Only the blocks with a capitalised word of the acronym's initial: the others cannot spell it.
    const entry = wordsEntry(NAME_WORDS, blocks[i]!.sentences, nameWordsOf);
    // Remembered per acronym with the block's cached analysis: an edit does not search the unchanged blocks again.
    if (entry.initials.includes(initial) && spelledOutAnswer(entry, acronym)) return i;
  }
  return -1;
}

/** A block's words for nameBefore(): capitalised words, abbreviations as a stop ("|"), each sentence ended by one. */
function nameWordsOf(ss: Sentences): string[] {
  const out: string[] = [];
  // The words' texts only (speed only, rules18): a cached block's words are not made again for them.
  const add = (t: string) => {
    if (mayBeCapital(t.charCodeAt(0)) && ABBREVIATION_START.test(t)) out.push('|');
    else if (t.indexOf('-') < 0) {
      if (t) out.push(t);
    } else for (const part of t.split('-')) if (part) out.push(part);
  };
  for (let i = 0; i < ss.length; i++) {
    const x = ss[i]!;
    eachWordOf(x, add);
    out.push('|');
  }
  return out;
}
/** A sentence's words in order (their texts, letters and acronym flags), read without making a cached sentence's words again. */
function eachWordOf(s: Sentences[number], each: (text: string, letters: number, isAcronym: boolean) => void): void {
  eachWord(s as Sentence, each);
}
/** A word that starts as an abbreviation does: a capital, then a capital or a digit. */
const ABBREVIATION_START = /^\p{Lu}[\p{Lu}\d]/u;

type Sentences = ReadonlyArray<{ words: ReadonlyArray<{ text: string; letters?: number; isAcronym?: boolean }> }>;
/** A block's words for one of the caches. */
type WordsOf = (sentences: Sentences) => string[];
/** A block's words for spelledOut(), their initials, and the answers given so far per acronym. */
interface WordsEntry {
  /**
   * Only the words spelledOut() can read, the others each run of them one stop (see wordsEntry), joined by SEPARATOR
   * into one string (memory only, rulemem22: one flat string per block, not an array of word strings; split when a
   * block is asked about an acronym it may spell). Made when the block is first asked about an acronym that its
   * first and second letters do not rule out (speed only, abbr27: most blocks never are), from `sentences`.
   */
  words?: string | string[];
  /** The block's sentences and how its words are read, until the words are made. */
  sentences?: Sentences;
  wordsOf?: WordsOf;
  /** Each distinct first code unit of a capitalised word, in order (a string, not a set or a list: a set per block of a long report weighed ~1 MB). */
  initials: string;
  /** The lower-cased first code unit of each capitalised word: where spelledOut() can start. */
  capitals: string;
  /**
   * The first code unit of each word spelledOut() reads (capitalised or linking) in lower case, as it compares them with
   * the acronym's letters: a spelling takes its second letter from such a word (speed only, abbr27).
   */
  seconds: string;
  /** Made at the first answer that needed spelledOut() (most blocks are never asked; a block whose capitals cannot start the acronym is answered without it). */
  answers?: Map<string, boolean>;
}
const NAME_WORDS = new WeakMap<object, WordsEntry>();
const CAPITAL_START = /^\p{Lu}/u;
/** Between the words of an entry: no word holds it (a word with one keeps its entry's words apart, see wordsEntry). */
const SEPARATOR = '\u0000';

/**
 * For each use in run `r` of an acronym alone in a cell with a block after it in the run: 1 when that block is a later
 * cell of the same row (sameRow), else 0. Part of the run's context in runAcronyms: the text between two blocks is no
 * part of the run's blocks, and an edit may move a cell to the next row without changing any block's text.
 */
function aloneRows(doc: DocumentModel, r: Run<RunAbbreviations>, asked: RowAnswer[]): string {
  let out = '';
  const n = r.to - r.from;
  for (const x of r.value.uses) if (x.alone && x.k + 1 < n) out += askRow(doc, r.from + x.k, r.from + x.k + 1, asked) ? '1' : '0';
  return out;
}

/** An acronym cell's block, the block after it, and whether they are in the same row. */
type RowAnswer = [number, number, boolean];

/** sameRow of blocks `a` and `b`, noted in `asked`. */
function askRow(doc: DocumentModel, a: number, b: number, asked: RowAnswer[]): boolean {
  const answer = sameRow(doc, doc.blocks[a]!, doc.blocks[b]!);
  asked.push([a, b, answer]);
  return answer;
}

/** The most characters between two cells of one row (only cells without a letter lie between them: see sameRow). */
const ROW_GAP = 10_000;

/**
 * Whether table cell `b` follows cell `a` in the same row: no line break between the end of a's text and the start of
 * b's. The explanation of an acronym alone in a cell is in a later cell of its row ("| UWV | Uitvoeringsinstituut
 * Werknemersverzekeringen |"); the first cell of the next row is another entry. (Cells without a letter are no blocks,
 * so the next block may be a later cell of the row: "| UWV | 12 | Uitvoeringsinstituut … |".)
 */
function sameRow(doc: DocumentModel, a: DocumentModel['blocks'][number], b: DocumentModel['blocks'][number]): boolean {
  const end = a.toDocument(a.source.text.length, a.source.text.length).endOffset;
  const start = b.toDocument(0, 0).offset;
  // (Between them only cells without a letter: a gap longer than a row could hold is taken for another row.)
  return start <= end || (start - end <= ROW_GAP && !/[\n\r]/.test(doc.text.slice(end, start)));
}

/**
 * The entry of a block's cached sentences in one of the caches, made once. Memory only (voc16): spelledOut() reads a
 * word only when it is capitalised or a linking word; any other word (and a stop) ends every spelling through it and
 * starts none, so each run of them is kept as one stop, and a block without a capitalised word keeps nothing (one
 * shared entry). The initials are those of the capitalised words: an acronym starts with a capital (nameBefore looks
 * its initial up). The words themselves are listed only when asked for (entryWords).
 */
function wordsEntry(cache: WeakMap<object, WordsEntry>, sentences: Sentences, wordsOf: WordsOf): WordsEntry {
  let entry = cache.get(sentences);
  if (!entry) {
    let capitals = '';
    let initials = '';
    let seconds = '';
    const words = wordsOf(sentences);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const c = w.charCodeAt(0);
      if (mayBeCapital(c) && CAPITAL_START.test(w)) {
        const lower = w[0]!.toLowerCase();
        // A capital whose lower case is two code units (İ) never equals an acronym's first letter (one code unit).
        if (lower.length === 1 && !capitals.includes(lower)) capitals += lower;
        if (!initials.includes(w[0]!)) initials += w[0]!;
      } else if (!isLinking(w)) continue;
      // spelledOut() compares the first code unit of the word's lower case (an ASCII letter's own lower case).
      const second = c < 128 ? (c >= 65 && c <= 90 ? LOWER_ASCII[c - 65]! : w[0]!) : w.toLowerCase()[0]!;
      if (!seconds.includes(second)) seconds += second;
    }
    entry = initials === '' ? EMPTY : { initials, capitals, seconds, sentences, wordsOf };
    cache.set(sentences, entry);
  }
  return entry;
}

/** The words of an entry for spelledOut(): made at the first call (see WordsEntry), split at the next ones. */
function entryWords(entry: WordsEntry): string[] {
  if (entry.words !== undefined) return typeof entry.words === 'string' ? entry.words.split(SEPARATOR) : entry.words;
  const words: string[] = [];
  let apart = false;
  if (entry.sentences && entry.wordsOf) {
    const all = entry.wordsOf(entry.sentences);
    for (let i = 0; i < all.length; i++) {
      const w = all[i]!;
      if ((mayBeCapital(w.charCodeAt(0)) && CAPITAL_START.test(w)) || isLinking(w)) {
        words.push(w);
        if (w.includes(SEPARATOR)) apart = true;
      } else if (words.length > 0 && words[words.length - 1] !== STOP) words.push(STOP);
    }
  }
  // A word with the separator in it (never in prose) would be split: such a block keeps the words as they are.
  entry.words = apart ? words : words.join(SEPARATOR);
  entry.sentences = undefined;
  entry.wordsOf = undefined;
  return words;
}

/** LINKING.test(), without the expression for a word of five characters or more (none of the linking words is). */
function isLinking(w: string): boolean {
  return w.length <= 4 && LINKING.test(w);
}
/** The entry of every block without a capitalised word (shared: it is never asked, see spelledOutAnswer). */
const EMPTY: WordsEntry = Object.freeze({ words: '', initials: '', capitals: '', seconds: '' });
/** A word spelledOut() never reads: it ends a spelling. */
const STOP = '|';
const LOWER_ASCII = [...'abcdefghijklmnopqrstuvwxyz'];

/** spelledOut() on the entry of a list of words as a block's (for tests: the answer the check gets for these words). */
export function spelledOutByEntry(acronym: string, words: string[]): boolean {
  return spelledOutAnswer(wordsEntry(new WeakMap(), [], () => words), acronym);
}

/** spelledOut() on an entry's words, remembered per acronym. */
function spelledOutAnswer(entry: WordsEntry, acronym: string): boolean {
  return answerWith(entry, acronym, lettersOf(acronym));
}

/** spelledOutAnswer() with the acronym's letters (lettersOf) given. */
function answerWith(entry: WordsEntry, acronym: string, letters: string): boolean {
  // spelledOut() starts only at a capitalised word with the acronym's first letter: without one, no need to try
  // (a report's footnotes were each tried for every acronym of the report), nor to remember the answer.
  const first = letters[0];
  if (first === undefined || !entry.capitals.includes(first)) return false;
  // Nor without a word (capitalised or linking) with its second letter first: spelledOut() takes the second letter from
  // the initial of a word after the first, and spells nothing of one letter (speed only, abbr27).
  if (letters.length < 2 || !entry.seconds.includes(letters[1]!)) return false;
  let answer = entry.answers?.get(acronym);
  if (answer === undefined) {
    answer = spelledOut(acronym, entryWords(entry));
    (entry.answers ??= new Map()).set(acronym, answer);
  }
  return answer;
}

/**
 * An acronym's letters in lower case, as spelledOut() reads them (`acronym.replace(/[^\p{L}]/gu, '').toLowerCase()`),
 * remembered per acronym (speed only, abbr27: the check asks it for every footnote and every acronym of the report).
 */
export function lettersOf(acronym: string): string {
  let letters = LETTERS.get(acronym);
  if (letters === undefined) {
    if (LETTERS.size >= 5000) LETTERS.clear();
    LETTERS.set(acronym, (letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase()));
  }
  return letters;
}
const LETTERS = new Map<string, string>();

/** A word that links a full form to the abbreviation after it: "…, ofwel SVD", "…, or GNRC", "…, also known as CAD". */
const LINK_BEFORE = /(?:,\s*(?:of|or|oftewel|ofwel|i\.e\.|dat wil zeggen|that is)|\b(?:also known as|known as|better known as|hereafter|hereinafter|ook wel|ook bekend als|beter bekend als|hierna|afgekort(?: als| tot)?|abbreviated(?: as| to)?))\s+$/iu;

/**
 * The abbreviation at word i follows a linking word, with at most one capitalised word between them ("ofwel Truncated
 * SVD"), and the words before the link spell it out (initials, case-insensitive, linking words such as "of" optional).
 */
function namedBefore(acronym: string, text: string, words: ReadonlyArray<{ text: string; start: number; end: number }>, i: number): boolean {
  for (const skip of [0, 1]) {
    const j = i - skip;
    if (j < 1) return false;
    if (skip === 1 && !/^\p{Lu}/u.test(words[j]!.text)) continue;
    const from = Math.max(0, words[j]!.start - 40);
    const m = LINK_BEFORE.exec(text.slice(from, words[j]!.start));
    if (!m) continue;
    const linkStart = from + m.index;
    // The full form: the words before the link.
    const full = words.filter((x) => x.end <= linkStart).slice(-10).flatMap((x) => x.text.split("-").filter(Boolean));
    const letters = acronym.toLowerCase();
    for (let k = 0; k < full.length; k++) {
      const rest = full.slice(k);
      const initials = rest.filter((x) => !LINKING.test(x)).map((x) => x[0]!.toLowerCase()).join('');
      const all = rest.map((x) => x[0]!.toLowerCase()).join('');
      if (initials === letters || all === letters) return true;
    }
  }
  return false;
}

/**
 * After an abbreviation: at most three more capitalised words or codes, then "reference number", "grant no.",
 * "projectnummer", "dossiernr." … and a number. The abbreviation is part of the number's label.
 */
const REFERENCE_NUMBER = /^(?:[\s-]+[\p{Lu}][\p{L}&]*){0,3}[\s-]+(?:(?:reference|grant|project|award|contract|registration|funding)\s+(?:number|no\.?|nr\.?|id)|(?:referentie|project|subsidie|dossier|registratie|contract)(?:nummer|nr\.?))\s*:?\s*[\p{L}]{0,6}[\s-]?\d/iu;

/**
 * "Full name (ABC)": the abbreviation's letters come in order in the words before the brackets, starting with the
 * initial of one of them ("Uitvoeringsinstituut Werknemersverzekeringen (UWV)", "mantelzorger (MZ)", "persoon met
 * dementie (PD)"); one of four letters or more may be missing. A word that merely starts with the first letter is not enough: "to remove it from the fund (FIG)" is a
 * placeholder for a figure, not "fund" explained (judged false in the s5 blind sample).
 */
export function lettersInLead(acronym: string, lead: string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
  // The abbreviation itself, met before in the same stretch ("… (FIG). … the fund (FIG)"), explains nothing.
  const words = lead.map((x) => x.replace(/^[^\p{L}]+/u, '').toLowerCase()).filter((x) => x.replace(/[^\p{L}]/gu, '') !== letters);
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.startsWith(letters[0]!)) continue;
    const rest = words.slice(i).join(' ');
    let at = 0;
    let n = 1;
    while (n < letters.length && (at = rest.indexOf(letters[n]!, at + 1)) > 0) n++;
    // A long abbreviation may differ in its last letter ("Sentinel Stroke National Audit data (SSNAP)").
    if (n >= letters.length - (letters.length >= 4 ? 1 : 0)) return true;
  }
  return false;
}

/** What follows a defined term in a list of terms: a colon or dash, or a verb that defines it. */
const DEFINING_VERB = /^[\s*_)]*(?:[:=–—]|-\s|(?:is|are|was|were|refers to|means|stands for|describes|zijn|betekent|verwijst naar|staat voor|omvat)\b)/iu;

/**
 * A list item that opens with the term it defines: the abbreviation's explanation among the item's first twelve words,
 * and right after it (its closing bracket, bold markers) a colon, a dash or a defining verb.
 */
export function definitionItem(text: string, start: number, end: number): boolean {
  if (text.slice(0, start).split(/\s+/).filter(Boolean).length > 12) return false;
  const after = text.slice(end, end + 120);
  // "Full name (ABC) is …" — or "ABC (full name) is …": after the closing bracket.
  const close = /^\s*\(/.test(after) ? after.indexOf(')') + 1 : 0;
  return DEFINING_VERB.test(after.slice(close > 0 ? close : 0));
}

/** The word stands in brackets that hold a year and little else: a citation of a source. */
function inCitation(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('(', start);
  if (open < 0 || start - open > 60 || text.slice(open, start).includes(')')) return false;
  const close = text.indexOf(')', end);
  if (close < 0 || close - end > 60 || text.slice(end, close).includes('(')) return false;
  return /[,;]\s*(?:1[89]|20)\d\d[a-z]?\s*$/.test(text.slice(open + 1, close)) || /^\s*[,;]?\s*(?:1[89]|20)\d\d[a-z]?\s*$/.test(text.slice(end, close));
}

/** Short lower-case words an expansion may carry or skip: "Department for Work and Pensions", "Vereniging voor Volkskrediet". */
const LINKING = /^(?:of|for|and|the|on|in|to|at|&|van|voor|en|de|het|der|des|tot|op|in|te|met)$/i;

/**
 * The words of a footnote spell the acronym out: consecutive words whose initials are its letters
 * (linking words may be skipped; the last letters may come from inside the last word, as in
 * Volkskrediet for the K of NVVK). At least two words, the first capitalised.
 */
export function spelledOut(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
  // From word k on, letters l on: each word gives its initial (a linking word may give none), the
  // last word may give the remaining letters from inside it (a compound).
  const from = (k: number, l: number, used: number, budget: number): boolean => {
    if (l === letters.length) return used >= 2;
    if (k >= words.length || budget === 0) return false;
    const w = words[k]!;
    const lower = w.toLowerCase();
    const linking = LINKING.test(w);
    if (lower[0] === letters[l] && (/^\p{Lu}/u.test(w) || linking)) {
      if (from(k + 1, l + 1, used + 1, budget - 1)) return true;
      // The rest of the letters inside this word: Volks-k-rediet.
      let at = 0;
      let m = l + 1;
      while (m < letters.length && (at = lower.indexOf(letters[m]!, at + 1)) > 0) m++;
      if (m === letters.length && m > l + 1 && used + 1 >= 2) return true;
    }
    return linking && used > 0 ? from(k + 1, l, used, budget - 1) : false;
  };
  for (let i = 0; i < words.length; i++) {
    if (/^\p{Lu}/u.test(words[i]!) && words[i]![0]!.toLowerCase() === letters[0] && from(i, 0, 0, letters.length * 2 + 2)) return true;
  }
  return false;
}

/** The acronym stands next to a word in capitals that the report also writes as an ordinary word. */
function shoutedPhrase(analysed: { sentences: Array<{ words: Array<{ text: string; start: number; end: number }> }> }, start: number, end: number, ordinary: { has(word: string): boolean }): boolean {
  const shouted = shoutedNeighbours(analysed.sentences, start, end);
  // (In the order of the words before and after it, the first one known ending the search: the same words asked.)
  for (let k = 0; k < shouted.length; k++) if (ordinary.has(shouted[k]!)) return true;
  return false;
}

/**
 * The words in capitals (three letters or more) next to the word at [start, end) of a block's sentences, the one before
 * first: what shoutedPhrase asks the ordinary words about. Speed only (s31): remembered per place with the block's cached
 * sentences (the check asks it for each acronym's first use at every edit; the words are the sentences' own).
 */
function shoutedNeighbours(sentences: Array<{ words: Array<{ text: string; start: number; end: number }> }>, start: number, end: number): readonly string[] {
  let known = SHOUTED.get(sentences);
  if (known === undefined) SHOUTED.set(sentences, (known = new Map()));
  const at = known.get(start);
  if (at !== undefined && at.end === end) return at.words;
  let words: readonly string[] = NO_WORDS;
  for (const s of sentences) {
    const i = s.words.findIndex((w) => w.start <= start && w.end >= end);
    if (i < 0) continue;
    const shouted = [s.words[i - 1], s.words[i + 1]].filter((n) => !!n && /^\p{Lu}{3,}$/u.test(n.text)).map((n) => n!.text);
    if (shouted.length) words = shouted;
    break;
  }
  known.set(start, { end, words });
  return words;
}
const SHOUTED = new WeakMap<object, Map<number, { end: number; words: readonly string[] }>>();
const NO_WORDS: readonly string[] = [];

// Per-block summaries, kept with the block's cached analysis (its sentences array is shared by
// every check that reuses the block), so that an edit does not rescan the unchanged blocks.
/** The ordinary words of a document's blocks, per document in use. */
const ORDINARY_WORDS = new BlockStates(() => new Tally<string>());
const SPELLED = new WeakMap<object, WordsEntry>();

/**
 * The block's words of four letters or more that are no acronym, in capitals. Not remembered per
 * block: it is asked for once when a block comes and once when it goes, and kept the lists held a
 * copy in capitals of most words of every block (1.6 MB for 100,000 words in the language server).
 */
function ordinaryWordsOf(sentences: Sentences): Set<string> {
  const seen = new Set<string>();
  const add = (text: string, letters: number, isAcronym: boolean) => {
    if (!isAcronym && letters >= 4) seen.add(text.toUpperCase());
  };
  for (let i = 0; i < sentences.length; i++) eachWordOf(sentences[i]!, add);
  return seen;
}

/** Every acronym the document's blocks use with its letters (lettersOf), by its first letter, once per document model. */
function acronymsByLetter(doc: DocumentModel): Map<string, Array<[string, string]>> {
  let out = ACRONYMS.get(doc);
  if (!out) {
    const seen = new Set<string>();
    out = new Map();
    for (const b of doc.blocks) {
      for (const u of (b.facts.acronyms as AcronymUse[] | undefined) ?? []) {
        if (seen.has(u.acronym)) continue;
        seen.add(u.acronym);
        const letters = lettersOf(u.acronym);
        if (letters === '') continue;
        let list = out.get(letters[0]!);
        if (!list) out.set(letters[0]!, (list = []));
        list.push([u.acronym, letters]);
      }
    }
    ACRONYMS.set(doc, out);
  }
  return out;
}
const ACRONYMS = new WeakMap<DocumentModel, Map<string, Array<[string, string]>>>();

/**
 * The acronyms whose answers warm() makes ahead for a new footnote, by first letter: those the last complete check asked
 * the footnotes about (its first uses, the only acronyms spelledOutInNotes is asked about), else (no check yet) every
 * acronym of the document. Speed only (s31): warm() only fills the footnote's cache of answers, which the check fills
 * itself for any acronym missing from it (answerWith gives the same answer whoever asks first); no pass over every
 * block of the document per edit (acronymsByLetter is per document model, and an edit makes a new one).
 */
function acronymsToWarm(doc: DocumentModel): Map<string, Array<[string, string]>> {
  const warm = WARM_ACRONYMS;
  if (warm.list === undefined) return acronymsByLetter(doc);
  if (warm.byLetter === undefined) {
    const out = new Map<string, Array<[string, string]>>();
    for (const acronym of warm.list) {
      const letters = lettersOf(acronym);
      if (letters === '') continue;
      let list = out.get(letters[0]!);
      if (!list) out.set(letters[0]!, (list = []));
      list.push([acronym, letters]);
    }
    warm.byLetter = out;
  }
  return warm.byLetter;
}
/** The acronyms of the first uses of the last complete check, in order, and acronymsToWarm's answer for them. */
const WARM_ACRONYMS: { list: string[] | undefined; byLetter: Map<string, Array<[string, string]>> | undefined } = { list: undefined, byLetter: undefined };

/** Notes a complete check's first uses for acronymsToWarm (a new list only when their acronyms changed: garbage only, nothing kept per edit). */
function noteFirstUses(firstUse: ReadonlyMap<string, unknown>): void {
  const warm = WARM_ACRONYMS;
  const list = warm.list;
  if (list !== undefined && list.length === firstUse.size) {
    let k = 0;
    let same = true;
    for (const acronym of firstUse.keys()) {
      if (list[k++] !== acronym) {
        same = false;
        break;
      }
    }
    if (same) return;
  }
  warm.list = [...firstUse.keys()];
  warm.byLetter = undefined;
}

/**
 * Whether any footnote spells the acronym out. The answers of the last check are kept while its footnotes are the
 * same analyses (speed only, lsp9: an edit elsewhere does not ask every footnote about every acronym again).
 */
function spelledOutInNotes(acronym: string, notes: Sentences[][]): boolean {
  if (lastNotes.notes !== notes) {
    const prev = lastNotes.notes;
    // The same runs' lists (an edit elsewhere), else the same footnotes in order.
    const same = (prev.length === notes.length && prev.every((ns, i) => ns === notes[i])) || sameSequence(prev, notes);
    lastNotes.notes = notes;
    lastNotes.entries = undefined;
    if (!same) lastNotes.answers = new Map();
  }
  let answer = lastNotes.answers.get(acronym);
  if (answer === undefined) {
    // The footnotes' entries, looked up once for these footnotes (speed only, abbr27: not once per acronym and footnote).
    const entries = (lastNotes.entries ??= notes.flatMap((ns) => ns.map((ss) => wordsEntry(SPELLED, ss, spelledWordsOf))));
    const letters = lettersOf(acronym);
    lastNotes.answers.set(acronym, (answer = entries.some((e) => answerWith(e, acronym, letters))));
  }
  return answer;
}
const lastNotes: { notes: Sentences[][]; answers: Map<string, boolean>; entries?: WordsEntry[] } = { notes: [], answers: new Map() };

/** Whether two lists of lists hold the same items in the same order, however they are cut into lists. */
function sameSequence<T>(a: ReadonlyArray<ReadonlyArray<T>>, b: ReadonlyArray<ReadonlyArray<T>>): boolean {
  let i = 0;
  let j = 0;
  let x = 0;
  let y = 0;
  for (;;) {
    while (i < a.length && x >= a[i]!.length) (i++, (x = 0));
    while (j < b.length && y >= b[j]!.length) (j++, (y = 0));
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a[i]![x++] !== b[j]![y++]) return false;
  }
}

/** spelledOut() on a block's own words, remembered per acronym for the block's cached analysis. */
function spelledOutIn(acronym: string, sentences: Sentences): boolean {
  return spelledOutAnswer(wordsEntry(SPELLED, sentences, spelledWordsOf), acronym);
}
/** A block's words for spelledOut() (without making a cached sentence's words again). */
function spelledWordsOf(ss: Sentences): string[] {
  const out: string[] = [];
  const add = (t: string) => out.push(t);
  for (const x of ss) eachWordOf(x, add);
  return out;
}
