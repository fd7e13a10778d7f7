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

const dev = join(shared, 'corpora', 'dev');
const labelsFile = join(dev, 'LABELS.tsv');
const seedFile = join(shared, 'seed', 'de-praktijk-van-de-uitvoerende-professional.txt');

interface Label {
  file: string;
  verdict: string;
  confidence: string;
  methodInvolvesClients: string;
  conclusionsMentionClients: string;
}

function labels(): Label[] {
  const [head, ...rows] = readFileSync(labelsFile, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const col = (name: string) => head!.indexOf(name);
  return rows.map((r) => ({
    file: r[col('file')]!,
    // The labels write not_applicable; Brug says not-applicable.
    verdict: r[col('client_perspective')]!.replace('_', '-'),
    confidence: r[col('confidence')]!,
    methodInvolvesClients: r[col('method_involves_clients')]!,
    conclusionsMentionClients: r[col('conclusions_mention_clients')]!,
  }));
}

function evidence(c: ClientPerspective): string {
  const m = c.method;
  const method = m.asDataSource && m.asCoResearchers ? 'clients source+involved' : m.asDataSource ? 'clients as source' : m.asCoResearchers ? 'clients involved' : m.notInvolved.length ? 'clients NOT a source' : m.professionalSources.length ? 'professionals only' : 'no source named';
  const heard = c.clientQuotes + c.voiceStatements + c.experienceStatements;
  const ratio = c.clientToProfessionalRatio === null ? '–' : String(c.clientToProfessionalRatio);
  return `${c.clientMentionsPer1000}/1000 words, c:p ${ratio}, ${c.clientQuotes} client quotes (${c.professionalQuotes} prof.), ${heard - c.clientQuotes} statements, method: ${method}${m.asDataSource && heard === 0 ? ' (nothing heard)' : ''}`;
}

const available = existsSync(labelsFile);

(available ? describe : describe.skip)('client: agreement with the labelled dev corpus', function () {
  this.timeout(120000);
  const rows: string[][] = [];
  let agree = 0;
  let total = 0;

  after(() => {
    const header = ['document', 'label', 'confidence', 'Brug', 'evidence'];
    const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
    console.log(['', line(header), line(width.map((w) => '-'.repeat(w))), ...rows.map(line), `agreement: ${agree}/${total}`, ''].join('\n'));
  });

  for (const l of available ? labels() : []) {
    const path = join(dev, l.file);
    const text = readFileSync(path, 'utf8');
    const modes: Array<['adapter' | 'plain text', { path: string; format?: 'plaintext' }]> = [['adapter', { path }]];
    if (l.file.endsWith('.tex')) modes.push(['plain text', { path, format: 'plaintext' }]);
    for (const [mode, options] of modes) {
      const name = `${l.file}${mode === 'plain text' ? ' (as plain text)' : ''}`;
      it(`${name}: label ${l.verdict} (${l.confidence})`, () => {
        const c = cp(lint(text, options));
        total++;
        if (c.verdict === l.verdict) agree++;
        rows.push([name, l.verdict, l.confidence, c.verdict, evidence(c)]);
        if (l.confidence === 'high') assert.equal(c.verdict, l.verdict, `${name}: ${c.summary.en}`);
        else if (c.verdict !== l.verdict) {
          // Lower-confidence labels name their alternative reading; Brug must give one of the two.
          assert.ok(c.verdict === 'not-applicable' || c.verdict === 'absent', `${name}: ${c.summary.en}`);
        }
        // The method judgement agrees where the label is definite.
        if (l.methodInvolvesClients === 'no') assert.equal(c.method.involvesClients, false, name);
        if (l.methodInvolvesClients === 'yes') assert.equal(c.method.involvesClients, true, name);
      });
    }
  }
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
