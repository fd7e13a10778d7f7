import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRepo } from '../engine/helpers.js';
import { CORPUS, checkCorpusFile, lineOf, snippet } from '../../scripts/sample-findings-corpus.js';
import type { Finding } from '../../server/src/index.js';
import { BLIND_SAMPLES, judgedRows, majorityVerdicts, pooledFindings, precisionByRule } from '../../scripts/judged-pool.js';
import type { PooledFinding } from '../../scripts/judged-pool.js';

/**
 * Precision per rule on the judged sample (test/judged/findings.tsv, from `npm run sample-findings`
 * on the dev corpus, judged by a careful reader: is the finding true, and worth acting on for a
 * practitioner audience?). Issue 12 sets the target at 90 % per rule.
 */
const TARGET = 0.9;
/**
 * Rules below target, with the precision they reached when last judged: the gap stays visible, and may not grow.
 * Judged on 2026-12-03 (session 3) by three independent readers who had not seen the rules' code or earlier
 * judgements (brief: true = correct AND a writer for practitioners is better off acting on it; judged strictly).
 * Fresh sample: `npm run sample-findings -- --per-rule 12 --seed 20261203 --rules readability/,vocabulary/,client/`
 * at 0f8d599 (every rule with fewer than 12 findings on the corpus is judged whole).
 */
const BELOW_TARGET: Record<string, number> = {
  'readability/long-sentence': 10 / 12, // two merged sentences: a sentence end after "AD(H)D." missed; a bold list label counted
  'readability/long-paragraph': 2 / 12, // one coherent point in ~150 words; LaTeX blocks split on the page with \\
  'readability/hard-paragraph': 7 / 12, // everyday compounds (mantelzorgers) lower the score; list items; necessary repeats
  'readability/section-score': 6 / 12, // exact technical terms; adopted text (a code of conduct); parameter lists
  'readability/nominalization': 4 / 12, // "het X-en van" naming a task or step; "plaatsvinden" -> "gebeuren" is a synonym swap
  'readability/passive-voice': 0 / 12, // the actor is obvious from the context (researchers, the court, the team)
  'readability/undefined-abbreviation': 4 / 12, // "…, ofwel SVD"; names (SHA-1, FG-NET); file formats; data-field lists
  'vocabulary/jargon': 2 / 12, // the exact term for the readers; ordinary English; a legal sense; "SEs" read as another term
  'vocabulary/mixed-terms': 1 / 5, // quoted or cited terms; deliberate English method labels; near-synonyms
  'vocabulary/person-first': 1 / 2, // "offender" of a code of conduct is no person with a conviction
  'client/missing-perspective': 3 / 7, // genres without clients as subject: data guidance, a handbook, a staff tool
  'client/no-involvement': 0 / 4, // residents' survey data (health monitor) as a source; no method section at all
  'client/section-without-client': 1 / 11, // clients named by a defined abbreviation; sections where naming clients adds nothing
};

interface Row {
  file: string;
  line: string;
  rule: string;
  message: string;
  flagged: string;
  judgement: string;
}

function rows(path = 'test/judged/findings.tsv'): Row[] {
  const lines = readRepo(path).split('\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { file: c[col('file')]!, line: c[col('line')]!, rule: c[col('rule')]!, message: c[col('message')]!, flagged: c[col('flagged')]!, judgement: c[col('judgement')]!.trim() };
  });
}

describe('judged findings: precision per rule (test/judged/findings.tsv)', () => {
  const all = rows();
  const rules = [...new Set(all.map((r) => r.rule))].sort();

  it('every sampled finding is judged true or false', () => {
    const open = all.filter((r) => r.judgement !== 'true' && r.judgement !== 'false');
    assert.deepEqual(open.map((r) => `${r.file} ${r.rule}`), []);
  });

  it('judges at least 10 findings of every readability rule and of jargon, and the vocabulary and client rules', () => {
    assert.ok(rules.length >= 13 && rules.includes('vocabulary/jargon') && rules.includes('client/missing-perspective'), rules.join(', '));
    for (const rule of rules.filter((r) => r.startsWith('readability/') || r === 'vocabulary/jargon')) {
      assert.ok(all.filter((r) => r.rule === rule).length >= 10, rule);
    }
  });

  for (const rule of rules) {
    const floor = BELOW_TARGET[rule] ?? TARGET;
    it(`${rule}: precision ≥ ${(floor * 100).toFixed(0)} %${floor < TARGET ? ` (below the target of ${TARGET * 100} %: the gap may not grow)` : ''}`, () => {
      const judged = all.filter((r) => r.rule === rule);
      const precision = judged.filter((r) => r.judgement === 'true').length / judged.length;
      console.log(`      ${rule}: ${(precision * 100).toFixed(0)} % of ${judged.length}`);
      assert.ok(precision >= (BELOW_TARGET[rule] ?? TARGET), `${rule}: ${(precision * 100).toFixed(1)} %`);
    });
  }
});

/**
 * The second blind judgement (session 4): a fresh sample of what the Problems panel shows (info and up), drawn after
 * the session-3 fixes at 3a30042 (`npm run sample-findings -- --per-rule 12 --seed 20261204 --rules
 * readability/,vocabulary/,client/`, plus 24 rows each of jargon, long-sentence and hard-paragraph with the same seed),
 * judged by three new independent readers under the same brief (test/judged/JUDGING.md); the judge is named in each note.
 * Each rule's figure is its floor: the gap to the target may not grow.
 */
const SESSION4_FLOOR: Record<string, number> = {
  'readability/long-sentence': 20 / 24, // a list of names in acknowledgements; a series of short parallel clauses; 29 words, clear
  'readability/long-paragraph': 10 / 12, // 206 and 228 words making one point
  'readability/hard-paragraph': 14 / 24, // names, clinical and programme terms, citation keys and \index tokens drive the formula
  'readability/section-score': 12 / 12,
  'readability/nominalization': 5 / 11, // idioms (een keuze maken, aandacht besteden aan); the name of a technical step
  'readability/undefined-abbreviation': 4 / 7, // a draft's "(FIG)" placeholder; NIHR in a grant line; SNAP for caseworkers
  'vocabulary/jargon': 18 / 24, // the field's own term (implementation, onboarding, functionaliteit, monitoren, actionable)
  'vocabulary/mixed-terms': 2 / 2,
  'vocabulary/person-first': 1 / 1,
  'client/missing-perspective': 3 / 3,
  'client/section-without-client': 1 / 1,
};

/**
 * The third blind judgement (session 4, after the second round of fixes): a fresh sample of what is shown at ded9f74
 * (`npm run sample-findings -- --per-rule 12 --seed 20261205 --rules readability/,vocabulary/,client/`, plus 24 rows of
 * jargon and long-sentence with the same seed), judged by three more new independent readers (D, E, F) under the same
 * brief. hard-paragraph, nominalization and passive voice are hints or off by default, so they are not in it.
 * The judges disagree much between samples (section-score 12/12 before, 7/12 here; jargon 18/24 and 12/24): each
 * figure is a floor, and together they are the honest measure of where the rules stand.
 */
const SESSION4B_FLOOR: Record<string, number> = {
  'readability/long-sentence': 20 / 24, // sentences of 27–29 words with a clear structure; table rows and a checklist read as prose; thanks to a list of names
  'readability/long-paragraph': 9 / 12, // one connected argument just over the limit; a paragraph shown as four blocks by hard line breaks
  'readability/section-score': 7 / 12, // exact care, clinical and technical terms drive the formula in sections of short sentences
  'readability/undefined-abbreviation': 3 / 7, // a draft's "(FIG)" placeholder; NIHR in a grant line; SNAP for caseworkers; defined in a list of terms
  'vocabulary/jargon': 12 / 24, // the sense differs (interventies, empirical); names of documents (stakeholder map); the readers' own terms
  'vocabulary/mixed-terms': 2 / 2,
  'vocabulary/person-first': 1 / 1,
  'client/missing-perspective': 2 / 3, // a population-level area scan with residents' survey data
  'client/section-without-client': 0 / 1, // a project's reflection on itself that does name the care homes
};

/**
 * The fourth blind judgement (session 5, after the merges of lsp7, mem7, speed7, jargon6 and read6, main fcd3584): a
 * fresh sample of what is shown (`npm run sample-findings -- --per-rule 12 --seed 20261207 --rules
 * readability/,vocabulary/,client/`, plus 24 rows of jargon and long-sentence with the same seed), judged by three more
 * new independent readers (G, H, I) under the same brief. After it, body sections are scored only when their sentences
 * average the sentence limit, and sentences only just over the limit are hints (see LOST_RECALL's class reasons).
 */
const SESSION5_FLOOR: Record<string, number> = {
  'readability/long-sentence': 19 / 24, // a 26-word sentence; a rhetorical question; a run-in list of options; a bullet item; a section summary of mostly list sentences
  'readability/long-paragraph': 10 / 12, // one argument or one anecdote in short sentences, just over the limit (217, 228 words)
  'readability/section-score': 7 / 12, // body sections of 20–22-word sentences whose long words are the readers' own; a summary of everyday care terms
  'readability/undefined-abbreviation': 3 / 4, // SNAP for US benefits readers
  'vocabulary/jargon': 23 / 24, // "beoogde" in a thesis template's guidance text
  'vocabulary/mixed-terms': 2 / 2,
  'vocabulary/person-first': 1 / 1,
  'client/missing-perspective': 2 / 2,
};

/**
 * The fifth blind judgement (session 5, the final state, main d60e9d1): a fresh sample of what is shown
 * (`npm run sample-findings -- --per-rule 12 --seed 20261208 --rules readability/,vocabulary/,client/`, plus 24 rows of
 * jargon and long-sentence with the same seed), judged by three more new independent readers (J, K, L). Rules with
 * fewer shown findings than the sample size (section-score 6, abbreviations 4, client 2) are judged again in full.
 * One reader called 10 of 10 long sentences true, another 4 of 8.
 */
const SESSION5B_FLOOR: Record<string, number> = {
  'readability/long-sentence': 17 / 24, // parallel or rhetorical structure read easily; a numbered list inside a sentence; a research question; a bullet label counted; a section run on into the next (custom LaTeX heading)
  'readability/long-paragraph': 9 / 12, // one argument built up in short sentences, just over the limit; a structured abstract's block; quoted testimony
  'readability/section-score': 5 / 6, // a summary of everyday care compounds (its target holds whatever the cause)
  'readability/undefined-abbreviation': 3 / 4, // SNAP for US benefits readers
  'vocabulary/jargon': 19 / 24, // stakeholders as a design-method term; a code of conduct quoted whole; verworven inzichten; with respect to in legal prose; multiproblematiek explained the sentence before
  'vocabulary/mixed-terms': 2 / 2,
  'vocabulary/person-first': 1 / 1,
  'client/missing-perspective': 2 / 2,
};

for (const [path, FLOORS] of [['test/judged/findings-s4.tsv', SESSION4_FLOOR], ['test/judged/findings-s5.tsv', SESSION4B_FLOOR], ['test/judged/findings-s6.tsv', SESSION5_FLOOR], ['test/judged/findings-s7.tsv', SESSION5B_FLOOR]] as const) describe(`judged findings, sessions 4 and 5: precision per rule (${path})`, () => {
  const all = rows(path);

  it('every sampled finding is judged true or false, and each rule shown by default is judged', () => {
    assert.deepEqual(all.filter((r) => r.judgement !== 'true' && r.judgement !== 'false').map((r) => `${r.file} ${r.rule}`), []);
    assert.deepEqual([...new Set(all.map((r) => r.rule))].sort(), Object.keys(FLOORS).sort());
  });

  for (const [rule, floor] of Object.entries(FLOORS)) {
    it(`${rule}: precision ≥ ${(floor * 100).toFixed(0)} %${floor < TARGET ? ` (below the target of ${TARGET * 100} %: the gap may not grow)` : ''}`, () => {
      const judged = all.filter((r) => r.rule === rule);
      const precision = judged.filter((r) => r.judgement === 'true').length / judged.length;
      console.log(`      ${rule}: ${(precision * 100).toFixed(0)} % of ${judged.length}`);
      assert.ok(precision >= floor - 1e-9, `${rule}: ${(precision * 100).toFixed(1)} %`);
    });
  }
});

/**
 * The judged rows the engine still reports: the same finding (file, rule, line, the start of the flagged text and, for
 * readability rules, the same first number in the message: a sentence of 53 words that is now one of 26 is another
 * finding). Precision over these rows is what a writer sees now; it may not fall below the recorded floor.
 * Checked with the current engine and the bundled dictionaries on the dev corpus (present in CI).
 */
const STILL_REPORTED_FLOOR: Record<string, number> = {
  'readability/long-sentence': 10 / 10,
  'readability/hard-paragraph': 5 / 5,
  'readability/section-score': 4 / 6, // exact technical terms for technical readers; adopted text (a code of conduct)
  'readability/nominalization': 2 / 4, // "plaatsvinden" kept with a new message (make the action noun the verb), judged before
  'readability/undefined-abbreviation': 3 / 4, // "future UI" in design notes, known to the project team
};

/**
 * Rows judged true that the engine no longer reports, each with its reason: recall given up on purpose for precision.
 * Keyed by file:line rule. A true row that disappears without an entry here fails the test.
 */
const LOST_RECALL: Record<string, string> = {
  'en/marshall-phd-charity-accountability-draft.md:74 readability/long-paragraph': 'long-paragraph reports walls of text over 200 words by default (171 words here)',
  'en/marshall-phd-charity-accountability-draft.md:798 readability/long-paragraph': 'long-paragraph reports walls of text over 200 words by default (166 words here)',
  'nl/orion-dementie-nachtrust-ucd.md:550 readability/hard-paragraph': 'short sentences (16.2 words on average): long words alone are not reported by default',
  'en/marshall-phd-charity-accountability-draft.md:134 readability/hard-paragraph': 'its bare citation keys (@meijer_UnderstandingModernTransparency_2009 …) are no longer words: what is left is hard through its long sentences only, which long-sentence reports (its 53-word sentence is a warning); findings do not stack',
  'en/marshall-phd-charity-accountability-draft.md:146 readability/long-sentence': 'still reported, as 33 words: the 22 words it quotes from a source ("for others to see if they so choose, …") are not the writer\'s and no longer count; a hint now (the warning budget goes to longer sentences)',
  'nl/hogent-bp-inclusive-design-draft.tex:255 readability/long-sentence': 'still reported as a warning, with 39 words: a LaTeX \\cite is no word of the sentence',
  'nl/hogent-bp-intelliprove-leeftijd-geslacht.tex:217 readability/section-score': 'still reported, scoring 10 instead of 9.8: LaTeX \\cite placeholders are no words',
  'en/marshall-phd-charity-accountability-draft.md:87 readability/section-score': 'its bare citation keys are no longer words: with sentences of 15 words the section would pass, so its long sentences are the cause, and the long-sentence finding at the same heading says so ("18 of 30 sentences …"); findings do not stack',
  'en/marshall-phd-charity-accountability-draft.md:178 readability/section-score': 'its bare citation keys are no longer words: with sentences of 15 words the section would pass, so its long sentences are the cause, and the long-sentence finding at the same heading says so ("29 of 43 sentences …"); findings do not stack',
  'en/marshall-phd-charity-accountability-draft.md:103 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, and the long-sentence finding at the same heading says so (findings do not stack)',
  'en/marshall-phd-charity-accountability-draft.md:130 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, and the long-sentence finding at the same heading says so (findings do not stack)',
  'en/marshall-phd-charity-accountability-draft.md:165 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, and the long-sentence finding at the same heading says so (findings do not stack)',
  'en/marshall-phd-charity-accountability-draft.md:528 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, and the long-sentence finding at the same heading says so (findings do not stack)',
  'en/marshall-phd-charity-accountability-draft.md:67 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, which long-sentence marks in the section (findings do not stack)',
  'en/marshall-phd-charity-accountability-draft.md:121 readability/section-score': 'session 4: its bare citation keys are no longer words; what is left is hard through its long sentences, which long-sentence marks in the section (findings do not stack)',
  'nl/mediflow-medicatievoorbereiding-wzc-ucd.md:346 readability/hard-paragraph': 'short sentences (17.7 words on average): long words alone are not reported by default',
  'nl/orion-dementie-nachtrust-ucd.md:633 readability/section-score': 'a body section of short sentences (16.9 words): long words alone are not reported by default',
  'nl/orion-dementie-nachtrust-ucd.md:344 readability/section-score': 'a body section of short sentences (10.6 words): long words alone are not reported by default',
  'nl/orion-dementie-nachtrust-ucd.md:74 readability/nominalization': '"het X-en van" is off by default (names a task or step in 6 of 8 judged)',
  'nl/orion-dementie-nachtrust-ucd.md:639 readability/nominalization': '"het X-en van" is off by default (names a task or step in 6 of 8 judged)',
  'nl/orion-dementie-nachtrust-ucd.md:348 readability/undefined-abbreviation': 'used once: abbreviations are reported from their second use by default (8 of 9 single mentions judged false)',
  // Session 5 (read6): judged true in the second blind sample, the same class judged false in the third.
  'nl/gitbook-peer-to-peer-feedback-cartesius2.md:1866 readability/long-paragraph': 'session 5: hard line breaks split it into visible blocks, none over 200 words; the reader does not see one block (judged false in the third blind sample, judge E)',
  'en/tanf-research-local-experience.md:7 readability/undefined-abbreviation': 'session 5: TDRS is defined in the report\'s list of terms, which counts for the whole report (judged false in the third blind sample, judge E)',
  'nl/heerenveen-gebiedsscans-gezondheid-leefomgeving.md:51 client/missing-perspective': 'session 5: the method draws on surveys others held among the residents (a health monitor); judged false in the third blind sample (judge E)',
  'nl/mediflow-medicatievoorbereiding-wzc-ucd.md:344 client/section-without-client': 'session 5: a conclusion inside a reflection section concludes the reflection, not the findings about clients',
  // Session 5 (jargon6): content words with no reviewed one-for-one swap, of a field or of academic writing, are hints by default (option fieldWords).
  'en/cbv-pilots-july-2025-data-update.md:103 vocabulary/jargon': 'session 5: field words without a reviewed swap are hints by default (fieldWords); judged about 1 in 4 worth acting on in English',
  'nl/takefive-stress-zorgverleners-ucd.md:768 vocabulary/jargon': 'session 5: field words without a reviewed swap are hints by default (fieldWords)',
  'en/marshall-phd-charity-accountability-draft.md:70 vocabulary/jargon': 'session 5: field words without a reviewed swap are hints by default (fieldWords)',
  // Session 8 (ls14): a sentence whose length is a list that closes it is a hint that proposes a bulleted list.
  'nl/heerenveen-gebiedsscans-gezondheid-leefomgeving.md:4405 readability/long-sentence': 'session 8: its length is a list of 16 topics after "Er is gekeken naar:" (42 of its 46 words); without the list it is within the limit, so it is a hint that proposes a bulleted list (closingList). Judged true by one judge in s11 ("bullet the list"), false by the majority pooled',
  'en/samuel-stroke-thrombolysis-ml-report.md:199 vocabulary/jargon': 'session 5: academic words without a reviewed swap are hints by default (fieldWords); implementation judged true once and false once',
  'en/chc-north-east-public-engagement-ethics.md:69 vocabulary/jargon': 'session 5: academic words without a reviewed swap are hints by default (fieldWords)',
  'en/lessig-free-culture-book.md:400 vocabulary/jargon': 'session 5: academic words without a reviewed swap are hints by default (fieldWords)',
  'nl/takefive-stress-zorgverleners-ucd.md:260 vocabulary/jargon': 'session 5: academic words without a reviewed swap are hints by default (fieldWords)',
  'nl/algorithmaudit-risicoprofilering-bijstand.md:110 vocabulary/jargon': 'session 5: academic words without a reviewed swap are hints by default (fieldWords)',
};

const firstNumber = (m: string) => /\d+(?:[.,]\d+)?/.exec(m)?.[0] ?? '';
const key = (s: string) => s.replace(/…$/, '').slice(0, 40);
/**
 * The same measure, give or take 15 %: citation keys and reference numbers no longer count as words, so a 64-word
 * sentence with eight keys is now 56 words — the same finding; a 53-word sentence now one of 26 is another.
 */
const closeNumbers = (a: string, b: string) => a === b || (a !== '' && b !== '' && Math.abs(Number(a.replace(',', '.')) - Number(b.replace(',', '.'))) <= 0.15 * Math.max(Number(a.replace(',', '.')), Number(b.replace(',', '.'))));

/**
 * Session 4: what the engine still shows of the second blind judgement. Floors measured after the round-2 merges.
 * Rules whose findings are hints by default are not shown, so their rows count as lost recall with the rule's reason.
 */
const STILL_SHOWN_FLOOR_S4: Record<string, number> = {
  'readability/long-sentence': 20 / 22, // a series of short parallel clauses; a clear 29-word if-then sentence; a section of quotations
  'readability/long-paragraph': 9 / 11, // 206 and 228 words making one point (session 5: a true row split by hard line breaks is no longer one block)
  'readability/section-score': 6 / 6,
  'readability/undefined-abbreviation': 4 / 7,
  'vocabulary/jargon': 18 / 22, // the field's own term: implementation, onboarding, actionable, functionaliteit (now info, as an example)
};

/** Rules (or classes) that are hints by default: a true row no longer shown is recall given up on purpose. */
const HINT_BY_DEFAULT: Record<string, string> = {
  'readability/undefined-abbreviation never': 'never explained: a hint by default (judged about one in four worth acting on; used before explained: two in three)',
  'readability/hard-paragraph': 'a hint by default: judged 7/12 (session 3) and 14/24 (session 4) — names, exact terms and compounds drive the formula',
  'readability/nominalization': 'a hint by default: judged 4/12 (session 3) and 5/11 (session 4) — idioms and names of steps',
  'readability/passive-voice': 'off by default: judged 0/12 (session 3) — the actor was obvious',
};

/** Classes made quiet in sessions 5 and 6 after blind judgements, recognised from the judged message. */
function classReason(r: Row): string | undefined {
  const words = /^(?:This sentence(?: in the summary)? has|Deze zin(?: in de samenvatting)? telt) (\d+)/.exec(r.message);
  // Within the margin of its own limit: 25 words, 20 for a sentence in a summary.
  const limit = /in the summary|in de samenvatting/.test(r.message) ? 20 : 25;
  if (r.rule === 'readability/long-sentence' && words && Number(words[1]) <= limit + 4) return 'session 5: a sentence at most 4 words over the limit is a hint (sentenceMarginWords; judged worth splitting in 1 of 4 over four samples)';
  const limitOf = /^\d+ (?:of|van de) \d+ .*?(?:over|langer dan) (\d+) (?:words|woorden) \((?:the longest has|de langste telt er) (\d+)\)/.exec(r.message);
  if (r.rule === 'readability/long-sentence' && limitOf && r.file.startsWith('en/') && Number(limitOf[2]) <= Number(limitOf[1]) + 15) return 'session 7: an English section whose long sentences are all within the English margin (15 words) gets its count as a hint (languageMargin; such findings judged worth acting on in 1 of 6, Dutch ones in 7 of 8)';
  // Session 7: an English sentence at most 15 words over its limit is a hint (languageMargin).
  if (r.rule === 'readability/long-sentence' && words && r.file.startsWith('en/') && Number(words[1]) <= limit + 15) return 'session 7: an English sentence at most 15 words over the limit is a hint (languageMargin; pooled over eleven blind samples, English sentences of 26–40 words judged worth splitting in 5 of 26, longer ones in 61 of 73; Dutch 26–40 in 20 of 27, margin 4)';
  const average = /(?:Average sentence|Gemiddelde zin): ([\d.]+)/.exec(r.message);
  const body = /(?:aim for at least|streef naar minstens) 30\b/.test(r.message);
  if (r.rule === 'readability/section-score' && body && average && Number(average[1]) < 25) return 'session 5: a body section is scored when its sentences average 25 words or more (minAverageSentenceWords; at 20–25 words judged worth acting on in 10 of 20 over four samples)';
  const section = /^(\d+) (?:of|van de) (\d+) (?:sentences in this section are over|zinnen in dit hoofdstuk zijn langer dan) (\d+) (?:words|woorden) \((?:the longest has|de langste telt er) (\d+)\)/.exec(r.message);
  if (r.rule === 'readability/long-sentence' && section && Number(section[1]) * 100 < 25 * Number(section[2]) && Number(section[4]) < Number(section[3]) + 20) return 'session 6: a section finding with under 25 % long sentences, none 20 words over the limit, is a hint (sectionMinPercent; pooled over seven blind samples such findings were judged worth acting on in 5 of 9, the others in 36 of 37); its longest sentences keep their own findings';
  // The one dev document whose class file defines a heading command (\seclbl): read as headings since session 6.
  if (r.rule === 'readability/long-sentence' && r.file === 'en/teaching-tech-together-book.tex') {
    return /^\d+ (?:of|van de) \d+/.test(r.message)
      ? 'session 6: the book\'s \\seclbl lines are headings now (headingLikeMacros); the finding at this heading counts its own section only, a different finding (sections that ran on past \\seclbl were judged false three times: "section span wrong")'
      : 'session 6: the book\'s \\seclbl lines are headings now; the document\'s warning budget is spread over its 93 more sections, and this sentence is still reported, as a hint';
  }
  const paragraph = /^(?:This paragraph has|Deze alinea telt) (\d+) (?:words|woorden) \((?:more than|meer dan) (\d+)\)/.exec(r.message);
  if (r.rule === 'readability/long-paragraph' && paragraph && Number(paragraph[1]) <= Number(paragraph[2]) + 20) return 'session 6: a paragraph at most 20 words over the limit is a hint (paragraphMarginWords; pooled over six blind samples, 201–220 words judged worth splitting in 3 of 8, longer in 19 of 22)';
  // A summary or recommendations section (target 50) whose sentences average fewer than 18 words.
  const summary = /(?:aim for at least|streef naar minstens) 50\b/.test(r.message);
  if (r.rule === 'readability/section-score' && summary && average && Number(average[1]) < 18) return 'session 6: a summary whose sentences average fewer than 18 words is hard only through its long words, the readers\' own compounds: a hint (summaryMinAverageSentenceWords; summaries at 15–16.5 words judged worth acting on in 1 of 5, at 20.7–22.9 words in 10 of 10)';
  return undefined;
}

const hintReason = (r: Row) => HINT_BY_DEFAULT[r.rule] ?? (/never explained/.test(r.message) ? HINT_BY_DEFAULT[`${r.rule} never`] : undefined) ?? classReason(r);

/** Session 5: what the engine still shows of the fourth blind judgement, after the two class changes that followed it. */
const STILL_SHOWN_FLOOR_S6: Record<string, number> = {
  'readability/long-sentence': 19 / 23, // the 26-word warning is a hint now; a rhetorical question, a run-in list, a bullet item, a section summary
  'readability/long-paragraph': 10 / 12,
  'readability/section-score': 5 / 6, // a summary of everyday care terms (its target holds whatever the cause)
  'readability/undefined-abbreviation': 3 / 4,
  'vocabulary/jargon': 23 / 24,
  'vocabulary/mixed-terms': 2 / 2,
  'vocabulary/person-first': 1 / 1,
  'client/missing-perspective': 2 / 2,
};

/** Session 6: what the engine still shows of the sixth blind judgement (three judgements per row, counted one by one). */
const STILL_SHOWN_FLOOR_S8: Record<string, number> = {
  'readability/long-sentence': 44 / 51, // a section of 3 long sentences in 18 (judged true) is a hint now: sectionMinPercent; the \\seclbl book's section findings count their own sections now (other findings)
  'readability/long-paragraph': 30 / 30, // the two paragraphs judged false (205 and 211 words) are hints now
  'readability/section-score': 15 / 15,
  'readability/undefined-abbreviation': 9 / 9,
  'vocabulary/jargon': 54 / 60,
  'vocabulary/mixed-terms': 6 / 6,
  'vocabulary/person-first': 3 / 3,
  'client/missing-perspective': 6 / 6,
};

const STILL_SHOWN_FLOOR_S9: Record<string, number> = {
  'readability/long-sentence': 33 / 39, // the three section findings judged false are hints now (sectionMinPercent); the \\seclbl book's section findings count their own sections now (other findings)
  'readability/long-paragraph': 33 / 36,
  'vocabulary/jargon': 38 / 45,
};

const STILL_SHOWN_FLOOR_S10: Record<string, number> = {
  'readability/long-sentence': 42 / 51, // the run-on section at the book's \\seclbl heading counts its own section now (another finding)
  'vocabulary/jargon': 29 / 36,
};

/** Session 7: s11 was drawn to test one class (no subordinate clause, short parts) and refuted it; its rows still shown. */
const STILL_SHOWN_FLOOR_S11: Record<string, number> = {
  // Session 8: 45/54: three sentences whose length is a closing list (two Dutch lists of indicators and topics, seven
  // studio names after a colon; 8 of their 9 judgements false) are hints that propose a bulleted list (closingList).
  'readability/long-sentence': 45 / 54, // single judgements of the rows still shown after the English margin (languageMargin): the 26–40-word English rows are hints now
};

/** Session 7: s12, a fresh sample of never-judged long-sentence findings drawn after the English margin. */
const STILL_SHOWN_FLOOR_S12: Record<string, number> = {
  // Session 8: 64/69: the Dutch sentence of two "zoals" lists (judged false 3 times) is a hint that proposes a bulleted list.
  'readability/long-sentence': 64 / 69, // single judgements of the rows still shown: the three section counts within the English margin are hints now, the sentence after "OFA." is split
};

/** Session 7: s13, fresh again, drawn from the final code of the session; every row is still shown. */
const STILL_SHOWN_FLOOR_S13: Record<string, number> = {
  'readability/long-sentence': 80 / 90,
};

/** Session 8: s14, fresh, drawn after the closing-list class; every row is still shown. */
const STILL_SHOWN_FLOOR_S14: Record<string, number> = {
  'readability/long-sentence': 89 / 90,
};

const SAMPLES = [
  { path: 'test/judged/findings.tsv', floors: STILL_REPORTED_FLOOR },
  { path: 'test/judged/findings-s4.tsv', floors: STILL_SHOWN_FLOOR_S4 },
  { path: 'test/judged/findings-s5.tsv', floors: SESSION4B_FLOOR },
  { path: 'test/judged/findings-s6.tsv', floors: STILL_SHOWN_FLOOR_S6 },
  { path: 'test/judged/findings-s7.tsv', floors: SESSION5B_FLOOR },
  { path: 'test/judged/findings-s8.tsv', floors: STILL_SHOWN_FLOOR_S8 },
  { path: 'test/judged/findings-s9.tsv', floors: STILL_SHOWN_FLOOR_S9 },
  { path: 'test/judged/findings-s10.tsv', floors: STILL_SHOWN_FLOOR_S10 },
  { path: 'test/judged/findings-s11.tsv', floors: STILL_SHOWN_FLOOR_S11 },
  { path: 'test/judged/findings-s12.tsv', floors: STILL_SHOWN_FLOOR_S12 },
  { path: 'test/judged/findings-s13.tsv', floors: STILL_SHOWN_FLOOR_S13 },
  { path: 'test/judged/findings-s14.tsv', floors: STILL_SHOWN_FLOOR_S14 },
];

for (const sample of SAMPLES) describe(`judged findings: what the engine still shows (${sample.path}, dev corpus)`, function () {
  this.timeout(120_000);
  const STILL_REPORTED_FLOOR = sample.floors;
  const all = rows(sample.path);
  const still = new Map<Row, boolean>();
  const present = existsSync(join(CORPUS, 'MANIFEST.tsv'));

  before(function () {
    if (!present) {
      console.log(`      the dev corpus is missing (${CORPUS}): still-reported precision not checked`);
      this.skip();
    }
    // Each judged document is checked once.
    const byFile = new Map<string, { text: string; findings: Finding[] }>();
    for (const r of all) {
      let doc = byFile.get(r.file);
      if (!doc) byFile.set(r.file, (doc = checkCorpusFile(r.file)));
      const d = doc;
      still.set(r, d.findings.some((f) => f.ruleId === r.rule && f.severity !== 'hint' && String(lineOf(d.text, f.offset)) === r.line && key(snippet(d.text, f.offset, f.endOffset)) === key(r.flagged) && (!r.rule.startsWith('readability/') || closeNumbers(firstNumber(f.message.en), firstNumber(r.message)))));
    }
  });

  it('every judged row that is no longer reported and was judged true has a documented reason (lost recall)', () => {
    const lostRows = all.filter((r) => r.judgement === 'true' && !still.get(r));
    const reason = (r: Row) => LOST_RECALL[`${r.file}:${r.line} ${r.rule}`] ?? hintReason(r);
    for (const r of lostRows) console.log(`      lost recall: ${r.file}:${r.line} ${r.rule}${reason(r) ? ` (${reason(r)})` : ''}`);
    const undocumented = lostRows.filter((r) => !reason(r) && r.rule.startsWith('readability/')).map((r) => `${r.file}:${r.line} ${r.rule}`);
    assert.deepEqual(undocumented, [], 'true findings of the readability rules that disappeared without a reason in LOST_RECALL');
  });

  for (const rule of Object.keys(STILL_REPORTED_FLOOR)) {
    it(`${rule}: precision over the judged rows still reported ≥ ${(STILL_REPORTED_FLOOR[rule]! * 100).toFixed(0)} %`, () => {
      const kept = all.filter((r) => r.rule === rule && still.get(r));
      const judged = all.filter((r) => r.rule === rule);
      const precision = kept.length ? kept.filter((r) => r.judgement === 'true').length / kept.length : 1;
      const before = judged.filter((r) => r.judgement === 'true').length / judged.length;
      console.log(`      ${rule}: ${(precision * 100).toFixed(0)} % of ${kept.length} still reported (judged: ${(before * 100).toFixed(0)} % of ${judged.length})`);
      assert.ok(precision >= STILL_REPORTED_FLOOR[rule]! - 1e-9, `${rule}: ${(precision * 100).toFixed(1)} %`);
    });
  }

  if (sample.path === 'test/judged/findings.tsv') it('long-paragraph: none of its session-3 judged rows is shown by default any more (all were judged false but two)', () => {
    for (const rule of ['readability/long-paragraph']) {
      assert.deepEqual(all.filter((r) => r.rule === rule && still.get(r)).map((r) => `${r.file}:${r.line}`), [], rule);
    }
  });
});


/**
 * Session 6: every row of a sample judged by three judges who had not seen the code or each other's verdicts
 * (findings-s8.tsv: judges M, N, O, drawn at 8c0773e after the precision merges; findings-s9.tsv: judges P, Q, R, drawn at
 * 872e12d; findings-s10.tsv: judges S, T, U, drawn at 4f68c08 from findings never judged before). A finding's verdict is the
 * majority.
 */
const THREE_JUDGE_FLOORS: Record<string, Record<string, number>> = {
  'test/judged/findings-s8.tsv': {
    'readability/long-sentence': 18 / 20, // parallel infinitives read easily (37 words); an inline numbered list in a structured abstract
    'readability/long-paragraph': 10 / 12, // one argument 5 and 11 words over the limit (now hints: paragraphMarginWords)
    'readability/section-score': 5 / 5,
    'readability/undefined-abbreviation': 3 / 3,
    'vocabulary/jargon': 18 / 20, // "in terms of" naming dimensions; "trade-off" in an IT thesis; "gedurende de dag" in a table (1 of 3)
    'vocabulary/mixed-terms': 2 / 2,
    'vocabulary/person-first': 1 / 1,
    'client/missing-perspective': 2 / 2,
  },
  // A fresh sample drawn after the long-paragraph margin (872e12d) to check it, the findings of s8 left out (judges P, Q, R).
  'test/judged/findings-s9.tsv': {
    'readability/long-sentence': 15 / 20, // three section findings with few long sentences (now hints: sectionMinPercent); a 35-word sentence and a 38-word rhetorical question in one book
    'readability/long-paragraph': 11 / 12, // an anecdote of 228 words in short sentences
    'vocabulary/jargon': 13 / 15, // "with reference to" where no suggestion fits; "in accordance with" misused, so no swap repairs it
  },
  // A fresh sample of findings never judged before, drawn at 4f68c08 after the section-share class (judges S, T, U).
  'test/judged/findings-s10.tsv': {
    'readability/long-sentence': 15 / 20, // a section that ran on past the book's \\seclbl headings (now headings); clear rhetorical or conversational sentences of 44–55 words; a semicolon list
    'vocabulary/jargon': 10 / 12, // "in lieu of" misused by the writer (the swap keeps the wrong sense); a passage copied from a school's website
  },
  // Session 7, a test of one class, written down before the judgements (test/judged/JUDGING.md, "s11"): long sentences
  // without a subordinate clause whose parts are at most 20 words, and never-judged English findings for comparison
  // (judges V, W, X, drawn at babf9a5). The class was refuted (English 8 of 12 true); the comparison rows, mostly one
  // book's 32–43-word sentences, were 5 of 14.
  'test/judged/findings-s11.tsv': {
    'readability/long-sentence': 16 / 33, // clear sentences of 32–43 words ("reads easily in one pass"), lists after a colon, metadata lines of a plain-text file, a citation title, a sentence end missed before "fTANF.exe"
  },
  // Session 7: a fresh sample of long-sentence findings never judged before, drawn after the English margin (judges Y,
  // Z, AB; 30 findings).
  'test/judged/findings-s12.tsv': {
    'readability/long-sentence': 23 / 30, // English section counts of sentences only slightly over (since hints: all within the English margin); a code of conduct the book adopted; a sentence end missed after "OFA." (since fixed); a quoted, deliberately repetitive sentence; a Dutch 30-word sentence of two example lists
  },
  // Session 7: fresh again, 30 never-judged long-sentence findings drawn from the session's final code (judges AC, AD,
  // AE). The decision written before the judgements: the target counts as met on fresh data only at 27 of 30 or more.
  'test/judged/findings-s13.tsv': {
    'readability/long-sentence': 26 / 30, // a section of draft bullet notes; a section whose longest sentence is in a block quotation; a 43-word "not only … but" sentence; a Dutch 33-word sentence padded with N-counts and a parenthetical list
  },
  // Session 8: fresh, 30 never-judged long-sentence findings drawn after the closing-list class (judges AF, AG, AH; the
  // bar of 27 of 30 written down before the judgements came back). 30 of 30 by majority; 89 of 90 single judgements.
  'test/judged/findings-s14.tsv': {
    'readability/long-sentence': 30 / 30,
  },
};

for (const [path, FLOORS] of Object.entries(THREE_JUDGE_FLOORS)) describe(`judged findings, three judges per row: precision per rule by majority (${path})`, () => {
  const all = judgedRows(path);
  const verdicts = majorityVerdicts(all);

  it('every finding is judged true or false by exactly three judges, and each rule shown by default is judged', () => {
    assert.deepEqual(all.filter((r) => r.judgement !== 'true' && r.judgement !== 'false').map((r) => `${r.file} ${r.rule}`), []);
    assert.deepEqual(verdicts.filter((v) => v.rows.length !== 3).map((v) => v.key), []);
    assert.deepEqual(verdicts.filter((v) => new Set(v.rows.map((r) => /^judge (\w+):/.exec(r.note)?.[1])).size !== 3).map((v) => v.key), []);
    assert.deepEqual([...new Set(verdicts.map((v) => v.rule))].sort(), Object.keys(FLOORS).sort());
  });

  for (const [rule, floor] of Object.entries(FLOORS)) {
    it(`${rule}: precision by majority ≥ ${(floor * 100).toFixed(0)} %`, () => {
      const judged = verdicts.filter((v) => v.rule === rule);
      const precision = judged.filter((v) => v.verdict).length / judged.length;
      const single = all.filter((r) => r.rule === rule);
      console.log(`      ${rule}: ${(precision * 100).toFixed(0)} % of ${judged.length} (single judgements: ${single.filter((r) => r.judgement === 'true').length}/${single.length})`);
      assert.ok(precision >= floor - 1e-9, `${rule}: ${(precision * 100).toFixed(1)} %`);
    });
  }
});

/**
 * Every blind sample pooled (scripts/judged-pool.ts, `npm run judged`): each judged finding once with the majority of
 * all its judgements, and the share of those the engine still shows by default that were judged true. This is the best
 * estimate of what a writer sees now. Every rule shown by default is at the issue's target of 90 % on it; long-sentence
 * reached it last (158/176, 89.8 %, after session 7; 158/172 after the closing-list class; 188/202, 93.1 %, with the
 * fresh s14). The pooled figure is optimistic (a class made quiet after a sample removes that sample's false rows); the
 * fresh samples: long-sentence s9 15/20, s10 15/20, s12 23/30, s13 26/30, s14 30/30 (JUDGING.md).
 */
const POOLED_FLOOR: Record<string, number> = {
  // 99/112 after s10; 112/124 after s11 and the English margin (languageMargin: English sentences of 26–40 words are
  // hints); 134/149 with the fresh s12; 132/146 once adopted text is left alone (a code of conduct; the book's warning
  // budget then goes to other sentences); 158/176 (89.8 %) with the fresh s13. Still false: sentences of 41–55 words
  // judged readable as written ("clear parallel structure", "crafted not-X-but-Y"), most in one published book; an inline
  // numbered list; a citation title in a footnote; a quoted, deliberately repetitive sentence; a section of draft notes;
  // a section whose longest sentence is quoted (misread: the 43-word sentence is the writer's own, line 4569).
  // Session 8 (ls14): 158/172 (91.9 %): a sentence whose length is a list that closes it ("…: A, B, C and D", "zoals
  // A, B en C") is a hint that proposes a bulleted list: 4 false rows hidden (2 documents), no true row. Then the fresh
  // s14, 30 of 30 true: 188/202 (93.1 %). Every rule is at the target now.
  'readability/long-sentence': 188 / 202,
  'readability/long-paragraph': 0.9,
  'readability/section-score': 0.9,
  'readability/undefined-abbreviation': 0.9,
  'vocabulary/jargon': 0.9,
  'vocabulary/mixed-terms': 0.9,
  'vocabulary/person-first': 0.9,
  'client/missing-perspective': 0.9,
};

describe('judged findings: every blind sample pooled, precision over the findings still shown (dev corpus)', function () {
  this.timeout(180_000);
  const present = existsSync(join(CORPUS, 'MANIFEST.tsv'));
  let pool: PooledFinding[] = [];

  before(function () {
    if (!present) {
      console.log(`      the dev corpus is missing (${CORPUS}): pooled precision not checked`);
      this.skip();
    }
    pool = pooledFindings(BLIND_SAMPLES.map((s) => join('test', 'judged', s)).filter((p) => existsSync(p)));
  });

  it('each rule the engine shows by default has pooled judged findings still shown', () => {
    assert.ok(Object.entries(POOLED_FLOOR).every(([, floor]) => floor >= TARGET), 'every rule shown by default is at the target');
    const shown = new Set(pool.filter((f) => f.shown).map((f) => f.rule));
    assert.deepEqual([...shown].sort(), Object.keys(POOLED_FLOOR).sort());
  });

  for (const [rule, floor] of Object.entries(POOLED_FLOOR)) {
    it(`${rule}: pooled precision over the findings still shown ≥ ${(floor * 100).toFixed(0)} %`, () => {
      const p = precisionByRule(pool).find((x) => x.rule === rule)!;
      console.log(`      ${rule}: ${p.shownTrue}/${p.shown} still shown judged true (${p.judgedTrue}/${p.judged} when judged)`);
      assert.ok(p.shownTrue / p.shown >= floor - 1e-9, `${rule}: ${p.shownTrue}/${p.shown}`);
    });
  }
});
