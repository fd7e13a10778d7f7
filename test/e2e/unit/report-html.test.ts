/**
 * The report view's renderer and the client's message choice, outside VS Code (no `vscode` import).
 * The real look is checked by the e2e run in code-server; these cover odd and hostile data.
 */
import { strict as assert } from 'node:assert';
import { renderPage, renderReportBody, reportLanguage } from '../../../client/src/report-html';
import { pick, t, uiLanguage, verdictName } from '../../../client/src/messages';

const metrics = (score: number, words = 200) => ({ words, sentences: 10, averageSentenceLength: 20, longSentenceShare: 0.2, passiveShare: 0.1, lix: 50, score, band: { nl: 'moeilijk', en: 'difficult' } });

/** The shape server/src/lsp/report.ts sends (ReportData). */
const report = {
  uri: 'file:///ws/a.md',
  language: 'nl',
  format: 'markdown',
  messages: 'nl',
  metrics: metrics(38.4),
  band: 'moeilijk',
  scoreName: 'Flesch-Douma',
  sections: [
    { title: 'Samenvatting', level: 2, role: 'summary', line: 3, language: 'nl', metrics: metrics(25), band: 'zeer moeilijk', clientMentions: 2 },
    { title: 'Resultaten', level: 2, role: 'results', line: 9, language: 'nl', metrics: metrics(140), band: 'zeer makkelijk' },
    { title: 'Literatuur', level: 2, role: 'references', line: 20, language: 'nl', metrics: metrics(0, 0), band: 'geen tekst' },
  ],
  rules: [
    {
      ruleId: 'readability/long-sentence',
      description: 'Lange zinnen',
      docs: 'file:///ext/docs/rules/readability/long-sentence.md',
      count: 2,
      findings: [
        { message: 'Deze zin telt 44 woorden.', severity: 'warning', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } } },
        { message: 'Deze zin telt 30 woorden.', severity: 'warning', range: { start: { line: 6, character: 2 }, end: { line: 6, character: 10 } } },
      ],
    },
  ],
  findings: 2,
  clientPerspective: {
    verdict: 'absent',
    clientMentionsPer1000: 20.2,
    clientToProfessionalRatio: 0.82,
    clientQuotes: 0,
    professionalQuotes: 1,
    voiceStatements: 0,
    experienceStatements: 0,
    clientTerms: [{ term: 'klanten', count: 7 }],
    professionalTerms: [{ term: 'klantmanagers', count: 8 }],
    quotes: [],
    statements: [],
    method: { involvesClients: false, clientSources: [], professionalSources: [], notInvolved: [{ text: 'Klanten zijn niet geïnterviewd', line: 32, offset: 0, endOffset: 1 }], planned: [] },
    involvement: [],
    keySections: [{ index: 1, title: 'Conclusies', line: 40, role: 'conclusion', words: 100, mentionsClients: false }],
    reasons: [{ nl: 'geen citaten van cliënten', en: 'no client quotes' }],
    summary: { nl: 'Cliëntperspectief: afwezig', en: 'Client perspective: absent' },
  },
};

describe('client: report view HTML', () => {
  it('renders metrics, a bar per section, the client perspective and findings per rule', () => {
    const html = renderReportBody(report, 'en', 'a.md');
    // The server says its texts are Dutch: the page follows.
    assert.match(html, /Leesbaarheid per hoofdstuk/);
    assert.equal((html.match(/<svg class="section-bar"/g) ?? []).length, 3);
    assert.match(html, /width="25"/);
    assert.match(html, /width="100"/, 'scores above 100 are clamped to the bar');
    assert.match(html, /width="0"/, 'a section without text has an empty bar');
    assert.match(html, /<code class="rule-id">readability\/long-sentence<\/code> <span class="count">2<\/span>/);
    assert.match(html, /data-line="4" data-character="0"/, 'findings link to their 0-based line');
    assert.match(html, /data-docs="file:\/\/\/ext\/docs\/rules\/readability\/long-sentence.md"/);
    assert.match(html, /<strong>afwezig<\/strong>/);
    assert.match(html, /1 : 1,2/);
    assert.match(html, /Klanten zijn niet geïnterviewd/);
    assert.match(html, /Conclusies — noemt geen cliënten/);
    assert.match(html, /waarschuwing/);
  });

  it('escapes everything that comes from the document', () => {
    const evil = { ...report, sections: [{ title: '<script>alert(1)</script>', level: 1, line: 1, metrics: metrics(50) }], rules: [{ ruleId: 'x/"><img src=x>', count: 1, findings: [{ message: '<b>hi</b>' }] }] };
    const html = renderReportBody(evil, 'nl', '<a.md>');
    assert.doesNotMatch(html, /<script>|<img|<b>hi/);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /&lt;a\.md&gt;/);
  });

  it('survives data of another shape', () => {
    for (const data of [null, undefined, 42, 'x', [], {}, { sections: 'no', rules: {}, metrics: null }, { findings: [{ ruleId: 'a/b', message: { nl: 'x', en: 'y' }, line: 3 }] }]) {
      const html = renderReportBody(data, 'en', 'a.md');
      assert.match(html, /<h1>/);
    }
    const flat = renderReportBody({ findings: [{ ruleId: 'a/b', message: { nl: 'x', en: 'y' }, line: 3 }] }, 'en', 'a.md');
    assert.match(flat, /a\/b/);
    assert.match(flat, /data-line="2"/);
  });

  it('puts the page behind a strict content security policy', () => {
    const page = renderPage('<p>x</p>', 'nl', 'NONCE123', 'vscode-webview://abc');
    assert.match(page, /default-src 'none'/);
    assert.match(page, /script-src 'nonce-NONCE123'/);
    assert.match(page, /style-src 'nonce-NONCE123'/);
    assert.doesNotMatch(page, /https?:\/\//, 'nothing from the network');
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(page, / style="/, 'no inline style attributes (the CSP would block them)');
    assert.doesNotMatch(renderReportBody(report, 'nl', 'a.md'), / style="/);
  });

  it('knows the language of a report', () => {
    assert.equal(reportLanguage(report), 'nl');
    assert.equal(reportLanguage({ language: 'en' }), 'en');
    assert.equal(reportLanguage(null), undefined);
  });
});

describe('client: messages', () => {
  it('follows brug.messages, then the document, then VS Code', () => {
    assert.equal(uiLanguage('en', 'nl', 'nl'), 'en');
    assert.equal(uiLanguage('auto', 'nl', 'en'), 'nl');
    assert.equal(uiLanguage('auto', undefined, 'nl-BE'), 'nl');
    assert.equal(uiLanguage(undefined, 'de', 'fr'), 'en');
  });

  it('fills in arguments and picks a language from server values', () => {
    assert.equal(t('nl', 'workspaceCheckedCount', 2, 40), 'Brug heeft 2 documenten gecontroleerd en 40 meldingen gevonden.');
    assert.equal(pick({ nl: 'ja', en: 'yes' }, 'en'), 'yes');
    assert.equal(pick('plain', 'nl'), 'plain');
    assert.equal(verdictName('nl', 'partial'), 'gedeeltelijk');
    assert.equal(verdictName('en', { nl: 'x', en: 'y' }), 'y');
  });
});
