/**
 * The first diagnostics of a long document (issue 10): its first part is checked on its own and
 * published at once (a preview), before the whole document's check is done. The preview shows
 * only what the whole check keeps: block rules' findings, and long sentences (over the rule's
 * limit whatever their section) as hints, with the link definitions of the whole document. The whole check may raise a hint to a warning; it never
 * takes back or rewords what the preview showed.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { TestClient } from './client.js';

const LONG_EN = (i: number) =>
  `In district ${i} the team visited ${i + 3} households that had waited for help with their debts for many months, and the families told us about [letters][l1][^n1] they could not read, about phone calls that nobody answered and about the long way to the office in town ${i * 7}.`;
const SHORT_EN = (i: number) => `We spoke with ${i + 2} families in street ${i}. They told us what helped them. The team wrote it down.`;
const SUMMARY_EN = 'The municipality of this town asked us in the spring to find out how families with debts find their way to the help they need.';

const LONG_NL = (i: number) =>
  `In wijk ${i} bezocht het team ${i + 3} huishoudens die al maanden op hulp bij hun schulden wachtten, en de gezinnen vertelden ons over [brieven][l1][^n1] die zij niet konden lezen, over telefoontjes die niemand beantwoordde en over de lange weg naar het kantoor in dorp ${i * 7}.`;
const SHORT_NL = (i: number) => `Wij spraken met ${i + 2} gezinnen in straat ${i}. Zij vertelden wat hen hielp. Het team schreef het op.`;
const SUMMARY_NL = 'De gemeente vroeg ons in het voorjaar om uit te zoeken hoe gezinnen met schulden de weg vinden naar de hulp die zij nodig hebben.';

/** A report of about `chars` characters: a summary with sentences over its own limit only, then numbered chapters. */
function report(language: 'en' | 'nl', chars: number): string {
  const [title, summary, chapter] = language === 'en' ? ['Debts in town', 'Summary', 'Chapter'] : ['Schulden in de stad', 'Samenvatting', 'Hoofdstuk'];
  const parts = [`# ${title}`, `## ${summary}`, language === 'en' ? SUMMARY_EN : SUMMARY_NL];
  let size = 0;
  for (let i = 1; size < chars; i++) {
    const section = [`## ${chapter} ${i}`, language === 'en' ? SHORT_EN(i) : SHORT_NL(i), i % 3 === 0 ? (language === 'en' ? LONG_EN(i) : LONG_NL(i)) : language === 'en' ? SHORT_EN(i + 1000) : SHORT_NL(i + 1000), language === 'en' ? SHORT_EN(i + 2000) : SHORT_NL(i + 2000)];
    parts.push(...section);
    size += section.join('\n\n').length;
  }
  // A footnote and a reference link whose definitions come at the very end, the footnote first: the first part reads
  // both as references too (a link stub right after a footnote stub must not become a line of the note).
  return `${parts.join('\n\n')}\n\n[^n1]: A note on the letters.\n\n[l1]: https://example.org/letters\n`;
}

const place = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

describe('lsp: the first diagnostics of a long document (preview)', function () {
  this.timeout(180000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ settings: { debounceMs: 0, maxDocumentSize: 0 } });
    await client.initialize();
  });
  after(async () => client.stop());

  for (const language of ['en', 'nl'] as const) {
    it(`${language}: shows long sentences of the first part early, as hints, and the whole check keeps every one of them`, async () => {
      const uri = `file:///tmp/brug-preview/report-${language}.md`;
      await client.open(uri, 'markdown', report(language, 120_000));
      await client.checkedCurrent(uri, 170000);
      const published = client.publications.filter((p) => p.uri === uri);
      assert.ok(published.length >= 2, 'a preview was published before the whole check');
      const preview = published[0]!.diagnostics;
      const final = client.diagnostics.get(uri)!.diagnostics;
      const long = preview.filter((d) => d.code === 'readability/long-sentence');
      assert.ok(long.length >= 2, `the preview shows the first part's long sentences (${preview.map(place).join('; ')})`);
      assert.ok(long.every((d) => d.severity === DiagnosticSeverity.Hint), 'as hints: which of them the whole check marks depends on the rest of the document');
      // The summary's sentences are over the summary's limit but not over the rule's own: they wait for the whole check.
      assert.ok(final.some((d) => d.code === 'readability/long-sentence' && d.range.start.line === 4), 'the whole check flags the summary sentence');
      assert.ok(!preview.some((d) => d.range.start.line === 4), 'the preview leaves the summary sentence to the whole check');
      // Nothing the preview showed is taken back or reworded; a severity only goes up.
      const kept = new Map(final.map((d) => [place(d), d]));
      for (const d of preview) {
        const same = kept.get(place(d));
        assert.ok(same, `the whole check keeps ${place(d)}`);
        assert.ok(same.severity! <= d.severity!, `${place(d)}: severity ${d.severity} → ${same.severity}`);
      }
      assert.ok(final.some((d) => d.code === 'readability/long-sentence' && d.severity === DiagnosticSeverity.Warning && long.some((p) => place(p) === place(d))), 'the whole check raises some of them to warnings');
    });
  }
});
