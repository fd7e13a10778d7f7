import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client.js';

const LONG = 'De gemeente werkt samen met het UWV bij de begeleiding van inwoners met schulden die al lange tijd in een moeilijke situatie zitten en daardoor weinig ruimte hebben om zelf stappen te zetten.';

interface Summary {
  files: number;
  checked: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

describe('lsp: workspace check', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;
  const uri = (p: string) => pathToFileURL(join(dir, p)).href;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brug-ws-'));
  });
  afterEach(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks every supported file with progress and publishes diagnostics for closed files', async () => {
    mkdirSync(join(dir, 'hoofdstukken'));
    mkdirSync(join(dir, 'concepten'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'rapport.md'), `# Titel\n\n${LONG}\n`);
    writeFileSync(join(dir, 'hoofdstukken', 'h1.txt'), `Inleiding\n\n${LONG}\n`);
    writeFileSync(join(dir, 'hoofdstukken', 'h2.tex'), `\\section{Aanpak}\n${LONG}\n`);
    writeFileSync(join(dir, 'hoofdstukken', 'h3.Rmd'), `# Resultaten\n\nEr wordt gekeken naar de gegevens.\n`);
    writeFileSync(join(dir, 'concepten', 'oud.md'), `# Oud\n\n${LONG}\n`);
    writeFileSync(join(dir, 'node_modules', 'readme.md'), `# Pakket\n\n${LONG}\n`);
    writeFileSync(join(dir, 'code.js'), `// ${LONG}\n`);
    writeFileSync(join(dir, '.brug.yml'), 'ignore: [concepten]\n');
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    // An open document is checked as the editor has it, not as it is on disk.
    await client.open(uri('rapport.md'), 'markdown', '# Titel\n\nEr wordt gekeken naar de gegevens.\n');
    await client.diagnosticsFor(uri('rapport.md'));

    const summary = await client.request<Summary>('workspace/executeCommand', { command: 'brug.checkWorkspace', arguments: [] });
    assert.equal(summary.files, 5, 'md, txt, tex, Rmd and the ignored draft; not node_modules or .js');
    assert.equal(summary.checked, 4);
    assert.equal(summary.skipped, 1, 'concepten/ is ignored by .brug.yml');
    assert.equal(summary.cancelled, false);

    for (const f of ['hoofdstukken/h1.txt', 'hoofdstukken/h2.tex']) {
      const d = client.diagnostics.get(uri(f));
      assert.ok(d?.diagnostics.some((x) => x.code === 'readability/long-sentence'), `long sentence in ${f}`);
      assert.equal(d!.version, undefined, 'closed files have no version');
    }
    assert.ok(client.diagnostics.get(uri('hoofdstukken/h3.Rmd'))?.diagnostics.some((x) => x.code === 'readability/passive-voice'));
    assert.equal(client.diagnostics.get(uri('concepten/oud.md')), undefined);
    assert.equal(client.diagnostics.get(uri('node_modules/readme.md')), undefined);
    assert.ok(!client.diagnostics.get(uri('rapport.md'))!.diagnostics.some((x) => x.code === 'readability/long-sentence'), 'the editor text, not the file');

    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(kinds.filter((k) => k === 'report').length >= 4);
    const begin = client.progress[0]!.value;
    assert.equal(begin.cancellable, true);
    assert.match(begin.title!, /^Brug: /);
    assert.ok(client.progress.some((p) => /^\d van 5: hoofdstukken\/h1\.txt$/.test(p.value.message ?? '') || /^\d of 5: hoofdstukken\/h1\.txt$/.test(p.value.message ?? '')));
  });

  it('publishes the same diagnostics when closed files are checked on worker threads', async () => {
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `deel-${i}.md`), `# Deel ${i}\n\n${LONG}\n\nEr wordt gekeken naar ${i} dossiers.\n`);
    writeFileSync(join(dir, 'notities.txt'), `Notities\n\n${LONG}\n`);
    const run = async (workers: string) => {
      client = new TestClient({ folders: [dir], env: { BRUG_WORKERS: workers } });
      await client.initialize();
      const summary = await client.request<Summary>('workspace/executeCommand', { command: 'brug.checkWorkspace', arguments: [] });
      const published = [...client.diagnostics.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([u, p]) => [u, JSON.stringify(p.diagnostics)]);
      const threads = client.logs.some((l) => /runs \d+ closed files on 2 worker threads/.test(l.message));
      await client.stop();
      return { summary, published, threads };
    };
    const serial = await run('0');
    const pooled = await run('2');
    assert.equal(serial.summary.checked, 5);
    assert.equal(serial.threads, false);
    assert.equal(pooled.threads, true, 'the pool ran');
    assert.deepEqual(pooled.summary, serial.summary);
    assert.deepEqual(pooled.published, serial.published);
  });

  it('checks a multi-file LaTeX thesis as one document and publishes findings in the file they are in', async () => {
    mkdirSync(join(dir, 'chapters'));
    writeFileSync(
      join(dir, 'main.tex'),
      '\\documentclass{report}\n\\usepackage[dutch]{babel}\n\\title{Schuldhulp in de wijk}\n\\begin{document}\n\\maketitle\n\\input{chapters/methode}\n\\input{chapters/resultaten}\n\\end{document}\n',
    );
    writeFileSync(join(dir, 'chapters', 'methode.tex'), '\\chapter{Methode}\nWe spraken met twaalf klantmanagers en vier beleidsmedewerkers van de gemeente.\n');
    writeFileSync(
      join(dir, 'chapters', 'resultaten.tex'),
      `\\chapter{Resultaten}\nVolgens de klantmanagers wachten cli\\"enten lang. De cli\\"enten krijgen brieven van de gemeente. Veel cli\\"enten begrijpen die niet. ${LONG}\n`,
    );
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const summary = await client.request<Summary>('workspace/executeCommand', { command: 'brug.checkWorkspace', arguments: [] });
    assert.equal(summary.files, 3);
    assert.equal(summary.checked, 1, 'the main file with its chapters, once');
    const results = client.diagnostics.get(uri('chapters/resultaten.tex'))?.diagnostics ?? [];
    assert.ok(results.some((x) => x.code === 'readability/long-sentence'), 'a chapter finding lands in the chapter');
    const main = client.diagnostics.get(uri('main.tex'))?.diagnostics ?? [];
    // The client perspective is judged on the whole thesis: staff-only method in one chapter, clients in another.
    assert.ok(main.some((x) => x.code === 'client/missing-perspective'), 'the document-level finding sits on the title in main.tex');
  });

  it('stops when the user cancels the progress', async () => {
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, `deel-${String(i).padStart(3, '0')}.md`), `# Deel ${i}\n\n${LONG}\n\n${LONG.replace('gemeente', `gemeente ${i}`)}\n`);
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    const running = client.request<Summary>('workspace/executeCommand', { command: 'brug.checkWorkspace', arguments: [] });
    const begin = await client.until(() => client.progress.find((p) => p.value.kind === 'begin'), 'progress begin');
    await client.until(() => client.progress.filter((p) => p.value.kind === 'report').length >= 3, 'some progress');
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    const summary = await running;
    assert.equal(summary.cancelled, true);
    assert.ok(summary.checked < 150, `stopped early (${summary.checked})`);
    assert.equal(client.progress.at(-1)!.value.kind, 'end');
  });
});
