/**
 * The language server makes the diagnostics of a check after an edit from those of the last check where the
 * findings did not change (diagnostics.ts toDiagnosticsAfterEdit): whatever it reuses, the diagnostics must be the
 * ones toDiagnostics makes from scratch, in nl and en, with LF and CRLF line ends, for edits that add and remove
 * lines, words and carriage returns.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { engineFor } from '../../server/src/workspace/engine.js';
import { showAfterEdit, toDiagnostics, toDiagnosticsAfterEdit } from '../../server/src/lsp/diagnostics.js';
import type { SharedEnds, Shown } from '../../server/src/lsp/diagnostics.js';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Language } from '../../server/src/engine/types.js';
import { editsOf } from '../helpers/warm-edits.js';
import { ROOT } from './client.js';

const PIECES = [
  'extra ',
  'ook ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  'Er werd door de onderzoekers geconstateerd dat de implementatie van het beleid suboptimaal verliep. ',
  'It was found that the operationalisation of the intervention was not sufficiently evaluated by the stakeholders involved. ',
  '\n\n## Aanbevelingen\n\n',
  'het UWV ',
];

type Engine = ReturnType<typeof engineFor>['engine'];

/** The first check of `text` and its diagnostics, as the server shows them. */
function firstCheck(engine: Engine, text: string, uri: string, ui: Language): { r: ReturnType<Engine['lint']>; doc: TextDocument; shown: Shown } {
  const r = engine.lint(text, { uri });
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  return { r, doc, shown: { uri, ui, text, findings: r.findings, diagnostics: toDiagnostics(r.findings, doc, ui, uri, text) } };
}

/**
 * The next check's Shown as the server keeps it (showAfterEdit, with how far each diagnostic reads), checked: its
 * diagnostics are `after` (toDiagnosticsAfterEdit's with the same ends), and its reach is what a first check of the text
 * finds (kept across edits, it must be that exactly). `plain`: the Shown without reach, as the tests made it before.
 */
function nextShown(shown: Shown, findings: readonly Finding[], doc: TextDocument, ui: Language, uri: string, text: string, ends: SharedEnds, after: Diagnostic[], plain: boolean): Shown {
  const next = showAfterEdit(shown, findings, doc, ui, uri, text, ends);
  assert.deepEqual(next.diagnostics, after);
  assert.deepEqual(next.reach, showAfterEdit(undefined, findings, doc, ui, uri, text).reach);
  return plain ? { uri, ui, text, findings, diagnostics: next.diagnostics } : next;
}

/**
 * One edit (`remove` characters at `at` × the length replaced by `piece`) checked again: the new text, check and
 * document, the diagnostics made from scratch, and the ends the edit left alone as the document store knows them (the
 * texts may share more).
 */
function editAndCheck(engine: Engine, text: string, doc: TextDocument, e: { at: number; remove: number; piece: string }, uri: string, ui: Language) {
  const at = Math.floor(e.at * text.length);
  const end = Math.min(text.length, at + e.remove);
  const ends = { prefix: at, suffix: text.length - end };
  const next = text.slice(0, at) + e.piece + text.slice(end);
  const r = engine.lint(next, { uri });
  const nextDoc = TextDocument.create(uri, 'markdown', doc.version + 1, next);
  return { at, ends, text: next, r, doc: nextDoc, fresh: toDiagnostics(r.findings, nextDoc, ui, uri, next) };
}

describe('lsp: diagnostics after an edit reuse the last ones only where they are equal', function () {
  this.timeout(120000);

  for (const [file, language, crlf] of [
    ['rapport-schuldhulp.md', 'nl', false],
    ['report-employment-support.md', 'en', false],
    ['rapport-schuldhulp.md', 'nl', true],
  ] as const) {
    it(`${language}${crlf ? ', CRLF' : ''}: the diagnostics of ${file} after random edits are those made from scratch`, () => {
      let base = readFileSync(join(ROOT, 'samples', file), 'utf8');
      if (crlf) base = base.replace(/\r?\n/g, '\r\n');
      const engine = engineFor().engine;
      const uri = `file:///tmp/reuse-${language}${crlf ? '-crlf' : ''}.md`;
      const ui: Language = language;
      let reused = 0;
      let knownReused = 0;
      let total = 0;
      fc.assert(
        fc.property(fc.array(editsOf(PIECES), { minLength: 1, maxLength: 5 }), (edits) => {
          let text = base;
          let { doc, shown } = firstCheck(engine, text, uri, ui);
          for (const e of edits) {
            const step = editAndCheck(engine, text, doc, e, uri, ui);
            const { ends, r, fresh } = step;
            ({ text, doc } = step);
            const after = toDiagnosticsAfterEdit(shown, r.findings, doc, ui, uri, text);
            assert.deepEqual(after, fresh);
            const known = toDiagnosticsAfterEdit(shown, r.findings, doc, ui, uri, text, ends);
            assert.deepEqual(known, fresh);
            knownReused += known.filter((d) => shown.diagnostics.includes(d)).length;
            reused += after.filter((d) => shown.diagnostics.includes(d)).length;
            total += after.length;
            // The next edit starts from what the server keeps (with how far each diagnostic reads), or without it.
            shown = nextShown(shown, r.findings, doc, ui, uri, text, ends, after, e.at < 0.2);
          }
        }),
        { numRuns: 25, seed: language === 'nl' ? (crlf ? 7 : 5) : 6 },
      );
      // Many edits add or remove lines or whole paragraphs; still a good share of the diagnostics are the last check's objects.
      assert.ok(reused > total / 5, `reused ${reused} of ${total}`);
      // With the ends the store knows, a good share too (fewer where the texts share more than the edit left alone).
      assert.ok(knownReused > total / 5, `reused ${knownReused} of ${total} with the known ends, ${reused} with the compared ones`);
    });
  }
});

/**
 * Findings that read places on both sides of an edit (a term used again further on: its related places and its
 * "replace all" fix; a section's long sentences) keep their diagnostic when every place is where it was, moved with the
 * text; a place on the edited line after the edit moves within the line, and then the diagnostic is made anew.
 */
describe('lsp: diagnostics of findings with places on both sides of an edit', function () {
  this.timeout(120000);

  // Each term in every fourth paragraph, and a long sentence (a section's long sentences are its summary's related
  // places): an edit in one paragraph lies between the places of the others.
  const sentences = {
    nl: [
      'In het kader van het project werd gesproken met de bewoners.',
      'De interventie werd daarna door het team besproken.',
      'De stakeholders kregen een brief over de uitkomsten.',
      'De bewoners van de wijk vertelden in de gesprekken die wij in het voorjaar met hen voerden uitgebreid over hun ervaringen met de hulp en over de vragen die zij nog hadden over het vervolg.',
    ],
    en: [
      'In order to help, the team met the residents every week.',
      'The intervention was then discussed by the team.',
      'The stakeholders received a letter about the results.',
      'The residents of the neighbourhood told us at length in the talks we had with them in the spring about their experience with the help and about the questions they still had about what would come next.',
    ],
  };
  for (const language of ['nl', 'en'] as const) {
    it(`${language}: edits between the places of repeated terms give the diagnostics made from scratch`, () => {
      const heading = language === 'nl' ? '## Bevindingen' : '## Findings';
      const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => sentences[language][i % 4]).join('\n\n');
      const base = `# ${language === 'nl' ? 'Rapport' : 'Report'}\n\n${heading}\n\n${paragraphs(9)}\n\n${heading} 2\n\n${paragraphs(8)}\n`;
      const engine = engineFor().engine;
      const uri = `file:///tmp/both-sides-${language}.md`;
      const ui: Language = language;
      let reused = 0;
      let across = 0;
      fc.assert(
        fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), remove: fc.integer({ min: 0, max: 12 }), piece: fc.constantFrom('', 'x', 'ook ', 'in order to ', 'in het kader van ', '\n') }), { minLength: 1, maxLength: 4 }), (edits) => {
          let text = base;
          let { doc, shown } = firstCheck(engine, text, uri, ui);
          for (const e of edits) {
            const step = editAndCheck(engine, text, doc, e, uri, ui);
            const { at, ends, r, fresh } = step;
            ({ text, doc } = step);
            const after = toDiagnosticsAfterEdit(shown, r.findings, doc, ui, uri, text, ends);
            assert.deepEqual(after, fresh);
            assert.deepEqual(toDiagnosticsAfterEdit(shown, r.findings, doc, ui, uri, text), fresh);
            for (let i = 0; i < after.length; i++) {
              if (!shown.diagnostics.includes(after[i]!)) continue;
              reused++;
              const f = r.findings[i]!;
              const places = [f.offset, ...(f.related ?? []).map((x) => x.offset), ...f.fixes.flatMap((x) => x.edits.map((y) => y.offset))];
              if (places.some((p) => p < at) && places.some((p) => p >= at + e.piece.length)) across++;
            }
            shown = nextShown(shown, r.findings, doc, ui, uri, text, ends, after, false);
          }
        }),
        { numRuns: 60, seed: language === 'nl' ? 11 : 12 },
      );
      // The case this is about happened: diagnostics kept with places before and after an edit.
      assert.ok(across > 20, `${across} of ${reused} reused diagnostics had places on both sides of an edit`);
    });
  }
});

/**
 * While every finding's diagnostic is the last check's at the same index, toDiagnosticsAfterEdit hands back the last
 * list itself (no new list); only when the findings are exactly the last ones: an edit that removes the findings at
 * the end, or adds some, or changes one, gets a list of its own, equal to the one made from scratch.
 */
describe('lsp: diagnostics after an edit that leaves them all alone are the last list', function () {
  this.timeout(120000);

  it('the same list for an edit with no effect on them; a list of its own when findings at the end go or come', () => {
    const engine = engineFor().engine;
    const uri = 'file:///tmp/reuse-ends.md';
    const ui: Language = 'en';
    const head = '# Report\n\n## Findings\n\nThe team met the residents every week in the spring.\n\n';
    const tail = 'It was found that the operationalisation of the intervention was not sufficiently evaluated by the stakeholders involved.\n';
    let text = head + tail;
    let { doc, shown } = firstCheck(engine, text, uri, ui);
    assert.ok(shown.diagnostics.length > 0 && shown.diagnostics.every((d) => d.range.start.line >= 6), 'findings in the last paragraph only');
    let lists = 0;
    for (const [at, remove, piece] of [
      [head.indexOf('every'), 0, 'each '],
      [head.indexOf('residents'), 0, 'old '],
      [head.length, tail.length, ''],
      [head.length, 0, tail],
      [head.length + tail.indexOf('found'), 0, 'often '],
    ] as const) {
      const step = editAndCheck(engine, text, doc, { at: (at + 0.5) / text.length, remove, piece }, uri, ui);
      ({ text, doc } = step);
      const after = toDiagnosticsAfterEdit(shown, step.r.findings, doc, ui, uri, text, step.ends);
      assert.deepEqual(after, step.fresh);
      if (after === shown.diagnostics) lists++;
      else assert.ok(after.length !== shown.diagnostics.length || after.some((d, i) => d !== shown.diagnostics[i]), 'a list of its own only for other diagnostics');
      shown = nextShown(shown, step.r.findings, doc, ui, uri, text, step.ends, after, false);
    }
    // The two edits in the first paragraph left every diagnostic alone.
    assert.equal(lists, 2);
  });
});

/**
 * A diagnostic with fixes holds the text a few characters either side of each fix edit (holdsFor): an edit there, with
 * the finding itself left as it was (the engine hands out the same object), must give it a diagnostic of its own. Edits
 * just after the fix edits of the document rules' findings (terms and their "replace all"), one character at a time.
 */
describe('lsp: an edit next to a fix remakes its diagnostic', function () {
  this.timeout(120000);

  it('edits within the held text after fix edits give the diagnostics made from scratch', () => {
    const engine = engineFor().engine;
    const ui: Language = 'en';
    const base = readFileSync(join(ROOT, 'samples', 'report-employment-support.md'), 'utf8');
    const uri = 'file:///tmp/reuse-holds.md';
    const first = firstCheck(engine, base, uri, ui);
    const withFixes = first.r.findings.filter((f) => f.fixes.length > 0 && engine.rule(f.ruleId)?.scope === 'document' && f.offset < base.length - 100);
    assert.ok(withFixes.length >= 5, `${withFixes.length} findings of document rules with fixes`);
    let remade = 0;
    for (const f of withFixes.slice(0, 6)) {
      const end = Math.max(...f.fixes.flatMap((x) => x.edits.map((e) => e.endOffset)));
      for (const k of [1, 3, 8]) {
        // Each edit from the first check (the engine's last check of the document is then the one before it).
        const { doc, r } = firstCheck(engine, base, uri, ui);
        // As the server keeps it: with how far each diagnostic reads.
        const shown = showAfterEdit(undefined, r.findings, doc, ui, uri, base);
        const step = editAndCheck(engine, base, doc, { at: (end + k + 0.5) / base.length, remove: 0, piece: '~' }, uri, ui);
        const next = showAfterEdit(shown, step.r.findings, step.doc, ui, uri, step.text, step.ends);
        assert.deepEqual(next.diagnostics, step.fresh, `an edit ${k} after ${f.ruleId} at ${f.offset}`);
        remade += next.diagnostics.filter((d) => !shown.diagnostics.includes(d)).length;
      }
    }
    assert.ok(remade > 0);
  });

  it('a finding handed out again whose fix holds text the edit changed gets a diagnostic of its own (any finding, any edit there)', () => {
    const uri = 'file:///tmp/reuse-held.md';
    const text = 'We facilitate the work of others. '.repeat(4);
    const at = text.indexOf('facilitate', 40);
    // A finding as the engine hands it out (the same object after an edit elsewhere).
    const finding: Finding = {
      ruleId: 'vocabulary/jargon',
      severity: 'hint',
      offset: at,
      endOffset: at + 10,
      message: { nl: 'Onderzoekstaal', en: 'Research language' },
      fixes: [{ title: { nl: 'Vervang', en: 'Replace' }, preferred: true, edits: [{ offset: at, endOffset: at + 10, newText: 'help' }] }],
    };
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 30 }), fc.constantFrom('~', '', 'ab'), fc.nat({ max: 2 }), (k, piece, remove) => {
        const p = Math.max(0, at + 10 + k);
        const next = text.slice(0, p) + piece + text.slice(p + remove);
        if (next === text) return;
        const nextDoc = TextDocument.create(uri, 'markdown', 2, next);
        const shown = showAfterEdit(undefined, [finding], doc, 'en', uri, text);
        const ends = { prefix: p, suffix: text.length - p - remove };
        // The same finding object, where it was (a test of the reuse, not of a rule: it may be stale after an edit in it).
        const after = showAfterEdit(shown, [finding], nextDoc, 'en', uri, next, ends);
        assert.deepEqual(after.diagnostics, toDiagnostics([finding], nextDoc, 'en', uri, next));
        // Kept exactly when the edit is past what it holds (8 characters after its fix edit).
        assert.equal(after.diagnostics[0] === shown.diagnostics[0], p > at + 10 + 8);
      }),
      { numRuns: 200, seed: 36 },
    );
  });
});
