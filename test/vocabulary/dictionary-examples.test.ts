/**
 * Every dictionary carries its own specification: each entry's `match` examples must be found
 * as that entry, its `noMatch` examples must not be (like prh's specs). The jargon and
 * person-first examples go through `lint` (the real path: format adapter, sentences, quoted
 * speech and placeholders left out, all loaded dictionaries compiled together, so a longer
 * entry that shadows this one shows up); client entries through the client lexicons the
 * client-perspective analyzer uses, over split sentences.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { bundledDictionaries } from '../../server/src/workspace/dictionaries.js';
import { parseDictionary } from '../../server/src/engine/vocabulary/dictionary.js';
import type { Dictionary } from '../../server/src/engine/vocabulary/dictionary.js';
import { Vocabulary } from '../../server/src/engine/vocabulary/vocabulary.js';
import { splitSentences } from '../../server/src/engine/text/sentences.js';
import { clientLexicons, unlessNear } from '../../server/src/engine/rules/client/lexicon.js';
import { normalizeWord } from '../../server/src/engine/vocabulary/lexicon.js';
import { resourceRoot } from '../../server/src/workspace/resources.js';
import { facts, run, vocabularyFindings } from './helpers.js';
import { applyFixes } from '../../server/src/engine/fixes.js';
import { defaultConfig, lint } from '../../server/src/index.js';

const { dictionaries, problems } = bundledDictionaries();
const fileOf = (d: Dictionary) => `${basename(dirname(d.source))}/${basename(d.source)}`;
const vocabularyDictionaries = dictionaries.filter((d) => d.kind !== 'abbreviations');

/** Entry ids found as terms (jargon, person-first) in a text. */
function termIds(text: string, d: Dictionary): string[] {
  return facts(run(text, d.language)).terms.map((t) => t.hit.entry.id);
}

/** Members of a group found in a text (distinct member terms). */
function groupMembers(text: string, d: Dictionary, groupId: string): string[] {
  const uses = facts(run(text, d.language)).synonyms.filter((s) => s.hit.group.id === groupId);
  return [...new Set(uses.map((s) => s.hit.group.members[s.hit.member]!.term))];
}

const clientVocabulary = new Vocabulary(dictionaries);

/**
 * Client entry ids found in a text by the client-perspective lexicons. Brug's built-in
 * participant words come first on purpose (deelnemers: the method decides who they are); a
 * built-in word that counts as a client by default stands in for a client entry of the same
 * word, so that entry's examples still hold.
 */
function clientIds(text: string, d: Dictionary): string[] {
  const lex = clientLexicons(clientVocabulary, d.language);
  const byWord = new Map<string, string>();
  for (const e of (d.entries ?? []).filter((x) => x.role === 'client')) for (const f of [e.term, ...(e.forms ?? [])]) byWord.set(normalizeWord(f), e.id);
  const ids: string[] = [];
  for (const s of splitSentences(text, d.language)) {
    for (const m of lex.people.match(s.words, text)) {
      // An `unless` word beside the people word: it names others (as in the client analysis).
      if (m.payload.unless && unlessNear(s.words, m.from, m.to, m.payload.unless)) continue;
      ids.push(m.payload.id);
      const stand = m.payload.clientByDefault ? byWord.get(normalizeWord(m.text)) : undefined;
      if (stand) ids.push(stand);
    }
    for (const m of lex.cues.match(s.words, text)) ids.push(m.payload.id);
  }
  return ids;
}

/** The examples of a dictionary that the matcher gets wrong, as "entry: what went wrong" lines. */
function exampleFailures(d: Dictionary): string[] {
  const failures: string[] = [];
  if (d.kind === 'synonyms') {
    for (const g of d.groups ?? []) {
      for (const ex of g.examples.match) {
        const found = groupMembers(ex, d, g.id);
        if (found.length < 2) failures.push(`${g.id}: match needs ≥ 2 members, found [${found.join(', ')}] in "${ex}"`);
      }
      for (const ex of g.examples.noMatch) {
        const found = groupMembers(ex, d, g.id);
        if (found.length > 1) failures.push(`${g.id}: noMatch must use ≤ 1 member, found [${found.join(', ')}] in "${ex}"`);
      }
    }
    return failures;
  }
  const ids = d.kind === 'client' ? clientIds : termIds;
  for (const e of d.entries ?? []) {
    for (const ex of e.examples.match) {
      const found = ids(ex, d);
      if (!found.includes(e.id)) failures.push(`${e.id}: not found in match example "${ex}"${found.length ? ` (found instead: ${found.join(', ')})` : ''}`);
    }
    for (const ex of e.examples.noMatch) {
      if (ids(ex, d).includes(e.id)) failures.push(`${e.id}: found in noMatch example "${ex}"`);
    }
  }
  return failures;
}

describe('dictionaries: every example is a test', () => {
  it('all bundled dictionaries load without problems', () => {
    assert.deepEqual(problems, []);
    assert.ok(vocabularyDictionaries.length >= 12, `only ${vocabularyDictionaries.length} dictionaries loaded`);
  });

  for (const d of vocabularyDictionaries) {
    it(`${fileOf(d)} (${d.kind}): match examples are found, noMatch examples are not`, () => {
      const failures = exampleFailures(d);
      assert.ok(failures.length === 0, `${failures.length} example(s) of ${fileOf(d)} fail:\n  ${failures.join('\n  ')}`);
    });
  }

  it('the example check itself fails on wrong examples (match and noMatch swapped)', () => {
    for (const d of vocabularyDictionaries) {
      const swap = <T extends { examples: { match: string[]; noMatch: string[] } }>(x: T): T => ({ ...x, examples: { match: x.examples.noMatch, noMatch: x.examples.match } });
      const wrong: Dictionary = { ...d, entries: d.entries?.slice(0, 3).map(swap), groups: d.groups?.slice(0, 3).map(swap) };
      const n = (wrong.entries ?? wrong.groups ?? []).reduce((k, x) => k + x.examples.match.length + x.examples.noMatch.length, 0);
      assert.equal(exampleFailures(wrong).length, n, `${fileOf(d)}: every swapped example must fail`);
    }
  });
});

describe('dictionaries: preferred fixes on the examples', () => {
  // An article followed by another article, a pronoun or the start of a clause (a paraphrase
  // such as "wat iemand zelf kan" put where a noun stood), or a singular article before a
  // plural ("het mensen in de bijstand"): --fix would write a broken sentence.
  const BROKEN = /\b(de|het|een|the|a|an)\s+(de|het|een|iemand|wat|hoe|of|the|a|an|whether|how|what)\b|\b(het|een)\s+(mensen|gezinnen|jongeren)\b|\b(a|an)\s+(people|families)\b/i;
  for (const d of dictionaries.filter((x) => x.kind === 'jargon' || x.kind === 'person-first')) {
    it(`${fileOf(d)}: --fix on each match example removes the finding and leaves a well-formed phrase`, () => {
      const failures: string[] = [];
      for (const e of d.entries ?? []) {
        for (const ex of e.examples.match) {
          const r = run(ex, d.language);
          const mine = r.findings.filter((f) => f.data?.entryId === e.id && f.ruleId.startsWith('vocabulary/'));
          const out = applyFixes(ex, mine);
          if (out.applied === 0) continue;
          if (BROKEN.test(out.text) && !BROKEN.test(ex)) failures.push(`${e.id}: "${ex}" → "${out.text}"`);
          if (vocabularyFindings(run(out.text, d.language)).some((f) => f.data?.entryId === e.id)) failures.push(`${e.id}: still found after the fix in "${out.text}"`);
        }
      }
      assert.ok(failures.length === 0, `${failures.length} preferred fix(es) of ${fileOf(d)} misfire:\n  ${failures.join('\n  ')}`);
    });
  }
});

describe('dictionaries: schema, ids and size', () => {
  const root = join(resourceRoot(), 'dictionaries');
  const files = dictionaries.map((d) => d.source);

  it('every bundled dictionary file validates against dictionaries/schema.json', () => {
    const failures: string[] = [];
    for (const f of files) {
      const r = parseDictionary(readFileSync(f, 'utf8'), f);
      if (!r.dictionary) failures.push(`${f}: ${r.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    }
    assert.ok(failures.length === 0, failures.join('\n'));
    // Both languages, and the files named in the brief are there.
    for (const f of ['nl/academisch.yml', 'nl/ambtelijk.yml', 'nl/anglicismen.yml', 'nl/sociaal-domein.yml', 'nl/synoniemen.yml', 'nl/persoonsgericht.yml', 'en/academic.yml', 'en/social-policy.yml', 'en/synonyms.yml', 'en/person-first.yml']) {
      assert.ok(files.includes(join(root, f)), `${f} is not loaded`);
    }
  });

  it('every file points editors at the schema and has no duplicate YAML keys', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.match(text, /^# yaml-language-server: \$schema=\.\.\/schema\.json/, `${f}: first line should name the schema`);
      const doc = parseDocument(text, { uniqueKeys: true });
      assert.deepEqual(doc.errors.map((e) => e.message), [], f);
    }
  });

  it('ids are unique per language (entries and groups across all files)', () => {
    const dup: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      const seen = new Map<string, string>();
      for (const d of dictionaries.filter((x) => x.language === lang)) {
        for (const id of [...(d.entries ?? []).map((e) => e.id), ...(d.groups ?? []).map((g) => g.id)]) {
          if (seen.has(id)) dup.push(`${lang}: ${id} in ${fileOf(d)} and ${seen.get(id)}`);
          else seen.set(id, fileOf(d));
        }
      }
    }
    assert.deepEqual(dup, []);
  });

  it('every jargon and person-first entry keeps a reason, suggestions and both kinds of examples', () => {
    const bad: string[] = [];
    for (const d of dictionaries.filter((x) => x.kind === 'jargon' || x.kind === 'person-first')) {
      for (const e of d.entries ?? []) {
        if (!e.reason || e.reason.length < 10) bad.push(`${e.id}: no reason`);
        if (!e.suggestions?.length) bad.push(`${e.id}: no suggestions`);
        if (!e.examples.match.length || !e.examples.noMatch.length) bad.push(`${e.id}: examples missing`);
        if (e.compound && e.compound !== 'none' && /\s/.test(e.term)) bad.push(`${e.id}: a phrase cannot stand in a compound`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('counts meet the targets: ≥ 150 jargon entries per language, ≥ 15 synonym groups, ≥ 20 person-first entries per language', () => {
    for (const lang of ['nl', 'en'] as const) {
      const of = (kind: Dictionary['kind']) => dictionaries.filter((d) => d.language === lang && d.kind === kind);
      const jargon = of('jargon').reduce((n, d) => n + (d.entries?.length ?? 0), 0);
      const person = of('person-first').reduce((n, d) => n + (d.entries?.length ?? 0), 0);
      const groups = of('synonyms').reduce((n, d) => n + (d.groups?.length ?? 0), 0);
      assert.ok(jargon >= 150, `${lang}: ${jargon} jargon entries`);
      assert.ok(person >= 20, `${lang}: ${person} person-first entries`);
      assert.ok(groups >= 15, `${lang}: ${groups} synonym groups`);
    }
  });
});

describe('dictionaries: abbreviations known only in their field (knownIn) carry examples, and they hold', () => {
  const abbreviationFindings = (text: string, language: 'nl' | 'en') => {
    const doc = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n${text}\n`;
    const r = lint(doc, { path: 'doc.md', config: { ...defaultConfig(), rules: { 'readability/undefined-abbreviation': { options: { minUses: 1 } } } } });
    return r.findings.filter((f) => f.ruleId === 'readability/undefined-abbreviation').map((f) => doc.slice(f.offset, f.endOffset));
  };
  const entries = dictionaries.filter((d) => d.kind === 'abbreviations').flatMap((d) => (d.abbreviations ?? []).map((a) => ({ ...a, language: d.language, file: fileOf(d) })));

  it('every entry with knownIn has match and noMatch examples that name it', () => {
    const conditional = entries.filter((a) => a.knownIn?.length);
    assert.ok(conditional.length > 0);
    assert.deepEqual(conditional.filter((a) => !a.examples?.match.length || !a.examples.noMatch.length || ![...a.examples.match, ...a.examples.noMatch].every((t) => t.includes(a.term))).map((a) => `${a.file} ${a.term}`), []);
  });

  it('known (not reported) in each match text; reported in each noMatch text', () => {
    const bad: string[] = [];
    for (const a of entries.filter((x) => x.examples)) {
      for (const t of a.examples!.match) if (abbreviationFindings(t, a.language).includes(a.term)) bad.push(`${a.file} ${a.term}: reported in "${t}"`);
      for (const t of a.examples!.noMatch) if (!abbreviationFindings(t, a.language).includes(a.term)) bad.push(`${a.file} ${a.term}: not reported in "${t}"`);
    }
    assert.deepEqual(bad, []);
  });
});
