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
import { toDiagnostics, toDiagnosticsAfterEdit } from '../../server/src/lsp/diagnostics.js';
import type { Shown } from '../../server/src/lsp/diagnostics.js';
import type { Language } from '../../server/src/engine/types.js';
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
      let total = 0;
      fc.assert(
        fc.property(fc.array(editsOf(PIECES), { minLength: 1, maxLength: 5 }), (edits) => {
          let text = base;
          let r = engine.lint(text, { uri });
          let doc = TextDocument.create(uri, 'markdown', 1, text);
          let shown: Shown = { uri, ui, text, findings: r.findings, diagnostics: toDiagnostics(r.findings, doc, ui, uri, text) };
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.remove));
            r = engine.lint(text, { uri });
            doc = TextDocument.create(uri, 'markdown', doc.version + 1, text);
            const after = toDiagnosticsAfterEdit(shown, r.findings, doc, ui, uri, text);
            assert.deepEqual(after, toDiagnostics(r.findings, doc, ui, uri, text));
            reused += after.filter((d) => shown.diagnostics.includes(d)).length;
            total += after.length;
            shown = { uri, ui, text, findings: r.findings, diagnostics: after };
          }
        }),
        { numRuns: 25, seed: language === 'nl' ? (crlf ? 7 : 5) : 6 },
      );
      // Many edits add or remove lines or whole paragraphs; still a good share of the diagnostics are the last check's objects.
      assert.ok(reused > total / 5, `reused ${reused} of ${total}`);
    });
  }
});
