/**
 * Agreement with careful human judgements: every labelled dev document, its label, the
 * labeller's confidence, Brug's verdict and the evidence Brug prints. High-confidence labels
 * must agree; the others are measured and printed. LaTeX documents are checked twice: with
 * the LaTeX adapter (chosen by extension) and as plain text (as before the adapter existed),
 * so the test holds either way.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/index.js';
import type { ClientPerspective } from '../../server/src/engine/rules/client/analysis.js';
import { main } from '../../server/src/cli/main.js';
import { cp, findings, lineOf, repo, shared } from './helpers.js';
import { clientLabels, pct, scoreClient } from '../../scripts/evaluate-lib.js';
import type { ClientResult } from '../../scripts/evaluate-lib.js';

const dev = join(shared, 'corpora', 'dev');
const labelsFile = join(dev, 'LABELS.tsv');
const seedFile = join(shared, 'seed', 'de-praktijk-van-de-uitvoerende-professional.txt');

function evidence(c: ClientPerspective): string {
  const m = c.method;
  const method = m.asDataSource && m.asCoResearchers ? 'clients source+involved' : m.asDataSource ? 'clients as source' : m.asCoResearchers ? 'clients involved' : m.notInvolved.length ? 'clients NOT a source' : m.professionalSources.length ? 'professionals only' : 'no source named';
  const heard = c.clientQuotes + c.voiceStatements + c.experienceStatements;
  const ratio = c.clientToProfessionalRatio === null ? '–' : String(c.clientToProfessionalRatio);
  const strongest = c.evidence.strongest ? `, strongest: ${c.evidence.strongest.kind} line ${c.evidence.strongest.line}` : '';
  return `${c.clientMentionsPer1000}/1000 words, c:p ${ratio}, ${c.clientQuotes} client quotes (${c.evidence.counter.length} counter), ${heard - c.clientQuotes} statements, method: ${method}${strongest}`;
}

const available = existsSync(labelsFile);

/**
 * The issue's targets (issue 14) on the dev corpus: absent vs voiced ≥ 90 %, exact on three classes
 * (present, partial, not voiced) ≥ 80 %. A verdict that equals the alternative reading the labeller
 * names for a low- or medium-confidence label agrees as well. Leave-one-document-out figures per
 * language are in docs/evaluation.md (`npm run evaluate`; too slow for every test run).
 */
(available ? describe : describe.skip)('client: agreement with the labelled dev corpus', function () {
  this.timeout(600000);
  const labels = available ? clientLabels(dev) : [];
  const results: ClientResult[] = [];
  const table: string[][] = [];

  after(() => {
    if (table.length === 0) return;
    const header = ['document', 'label', 'confidence', 'Brug', 'evidence'];
    const width = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
    console.log(['', line(header), line(width.map((w) => '-'.repeat(w))), ...table.map(line), ''].join('\n'));
  });

  for (const l of labels) {
    const path = join(dev, l.file);
    const text = readFileSync(path, 'utf8');
    const modes: Array<['adapter' | 'plain text', { path: string; format?: 'plaintext' }]> = [['adapter', { path }]];
    if (l.file.endsWith('.tex') && l.confidence === 'high') modes.push(['plain text', { path, format: 'plaintext' }]);
    for (const [mode, options] of modes) {
      const name = `${l.file}${mode === 'plain text' ? ' (as plain text)' : ''}`;
      it(`${name}: label ${l.verdict} (${l.confidence}${l.alternative ? `, alternative ${l.alternative}` : ''})`, () => {
        const c = cp(lint(text, options));
        if (mode === 'adapter') results.push({ label: l, verdict: c.verdict, removed: [], summary: c.summary.en });
        table.push([name, l.verdict, l.confidence, c.verdict, evidence(c)]);
        // High-confidence labels must agree.
        if (l.confidence === 'high') assert.equal(c.verdict, l.verdict, `${name}: ${c.summary.en}`);
        // The method judgement agrees where the label is definite and the labeller sure enough.
        if (l.confidence !== 'low' && l.methodInvolvesClients === 'no') assert.equal(c.method.involvesClients, false, name);
        if (l.confidence !== 'low' && l.methodInvolvesClients === 'yes') assert.equal(c.method.involvesClients, true, name);
        // Whatever the verdict, its evidence is listed by kind with lines, and the strongest piece names its line.
        for (const e of [...c.evidence.quotes, ...c.evidence.reported, ...c.evidence.method, ...c.evidence.counter]) assert.ok(e.line >= 1 && text.split('\n').length >= e.line, name);
        if (c.verdict === 'present' || c.verdict === 'partial') {
          assert.ok(c.evidence.strongest, `${name}: no strongest evidence`);
          assert.ok(c.summary.en.includes(`line ${c.evidence.strongest.line}`), c.summary.en);
        }
      });
    }
  }

  it('meets the targets: absent vs voiced ≥ 90 %, exact on three classes ≥ 80 % (report: per language and the misses)', () => {
    assert.equal(results.length, labels.length, 'every labelled document was judged');
    for (const lang of ['nl', 'en', 'all'] as const) {
      const s = scoreClient(results, lang);
      console.log(`      client verdict ${lang}: absent vs voiced ${pct(s.binary, s.total)} (with alternatives ${pct(s.binaryAlt, s.total)}), exact 3 classes ${pct(s.exact3, s.total)} (with alternatives ${pct(s.exact3Alt, s.total)})`);
      if (lang === 'all') for (const m of s.misses) console.log(`        ${m}`);
    }
    const all = scoreClient(results, 'all');
    assert.ok(all.binaryAlt / all.total >= 0.9, `absent vs voiced ${pct(all.binaryAlt, all.total)}`);
    assert.ok(all.exact3Alt / all.total >= 0.8, `exact ${pct(all.exact3Alt, all.total)}`);
    // Strictly (without the labellers' alternative readings) the measured level holds too.
    assert.ok(all.binary / all.total >= 0.9, `absent vs voiced (strict) ${pct(all.binary, all.total)}`);
    assert.ok(all.exact3 / all.total >= 0.8, `exact (strict) ${pct(all.exact3, all.total)}`);
  });
});

(existsSync(seedFile) ? describe : describe.skip)('client: the seed paper (a background paper about professionals)', function () {
  this.timeout(60000);
  it('is about professionals and hears only them: the client perspective is absent, and Brug says why', () => {
    const r = lint(readFileSync(seedFile, 'utf8'), { path: seedFile });
    const c = cp(r);
    assert.equal(c.verdict, 'absent');
    // Clients are named often, but professionals twice as often.
    assert.ok(c.clientMentionsPer1000 > 5, String(c.clientMentionsPer1000));
    assert.ok(c.clientToProfessionalRatio! < 0.6, String(c.clientToProfessionalRatio));
    // The method: a survey and focus groups among professionals; no client source, no involvement.
    assert.ok(!c.method.asDataSource && !c.method.asCoResearchers);
    assert.ok(c.method.professionalSources.some((s) => /enqu[eé]te uitgezet onder publieke professionals/.test(s.text)));
    assert.equal(c.participantsAre, 'professionals', 'respondenten en deelnemers zijn professionals');
    // The quotations in it are professionals'.
    assert.equal(c.clientQuotes, 0);
    assert.ok(c.professionalQuotes > 0);
    const [f] = findings(r, 'client/missing-perspective');
    assert.ok(f);
    assert.match(f.message.nl, /methode: alleen professionals als bron/);
  });
});

describe('client: `brug check` on the bundled samples', () => {
  for (const [file, title, text] of [
    ['rapport-schuldhulp.md', '# Eerder in beeld', /Het rapport spreekt over cliënten, maar zij komen er zelf niet aan het woord\. Bewijs: .*"Klanten zijn niet geïnterviewd/],
    ['report-employment-support.md', '# Next Step Fernbridge', /Clients are talked about, but they do not speak in this report\. Evidence: .*"Programme participants were not interviewed/],
  ] as const) {
    it(`${file}: the warning on the title heading, with its evidence, and the closing verdict line`, async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['check', join(repo, 'samples', file)], { out: (s) => out.push(s), err: (s) => err.push(s), cwd: repo });
      assert.equal(code, 1);
      const lines = out.join('\n').split('\n');
      const source = readFileSync(join(repo, 'samples', file), 'utf8');
      const titleLine = source.split('\n').findIndex((l) => l.startsWith(title)) + 1;
      const warning = lines.find((l) => l.includes('[client/missing-perspective]'));
      assert.ok(warning, out.join('\n'));
      assert.ok(warning.startsWith(`samples/${file}:${titleLine}:1 warning `), warning);
      assert.match(warning, text);
      assert.match(lines.filter((l) => /^\s+(Cliëntperspectief|Client perspective): /.test(l)).join('\n'), /(afwezig|absent) — /);
      const r = lint(source, { path: file });
      assert.equal(lineOf(r, findings(r, 'client/missing-perspective')[0]!.offset), titleLine);
    });
  }

  it('prints the clientPerspective block in JSON', async () => {
    const out: string[] = [];
    await main(['check', '--format', 'json', join(repo, 'samples', 'rapport-schuldhulp.md')], { out: (s) => out.push(s), err: () => {}, cwd: repo });
    const json = JSON.parse(out.join('\n'));
    const c = json.files[0].clientPerspective;
    assert.equal(c.verdict, 'absent');
    assert.equal(c.clientQuotes, 0);
    assert.equal(c.methodInvolvesClients, false);
    assert.ok(c.sections.some((s: { title: string; role: string }) => s.title === 'Methode' && s.role === 'method'));
  });
});
