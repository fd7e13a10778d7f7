import { strict as assert } from 'node:assert';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { removeWorkspaces, runCli, tempWorkspace } from '../helpers/workspace.js';
import { parseYamlWithSchema } from '../../server/src/engine/config/validate.js';
import outputSchema from '../../server/schema/brug-output.schema.json' with { type: 'json' };
import { lint } from '../../server/src/index.js';
import { fixDocument } from '../../server/src/cli/fix-run.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

const run = runCli;
const workspace = (files: Record<string, string | Buffer>) => tempWorkspace('brug-cli-', files);

const LONG_NL =
  'De gemeente heeft in het afgelopen jaar met veel verschillende partners in de wijk gesproken over de manier waarop inwoners met geldzorgen eerder kunnen worden bereikt en geholpen door de juiste mensen.';

describe('brug check (CLI)', () => {
  after(removeWorkspaces);

  it('prints findings as path:line:column severity message [rule-id], then the metrics', async () => {
    const dir = workspace({ 'rapport.md': `# Rapport\n\n${LONG_NL}\n` });
    const r = await run(['check', 'rapport.md'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^rapport\.md:3:1 warning .+ \[readability\/long-sentence\]$/m);
    assert.match(r.out, /Flesch-Douma/);
    assert.match(r.out, /woorden/);
  });

  it('writes the metrics as the language of its messages writes numbers: "1 zin", "33 woorden per zin", "63,1"', async () => {
    const dir = workspace({ 'rapport.md': `# Rapport\n\nDe cliënt en de consulent. ${LONG_NL}\n\n${'Het team sprak met de inwoners over hun geldzorgen en over de hulp van de gemeente. '.repeat(90)}\n` });
    const nl = (await run(['check', 'rapport.md'], dir)).out;
    const metrics = nl.split('\n').filter((l) => /^ {2}(taal|Hoofdstukken|\s{2})/.test(l)).join('\n');
    // 1,2 thousand words: grouped as Dutch writes them, the averages with a decimal comma.
    assert.match(metrics, /taal: nl · 1\.\d{3} woorden · \d+ zinnen · \d+,\d woorden per zin · Flesch-Douma \d+(,\d)? \(/);
    assert.match(metrics, /LIX \d+(,\d)? · /);
    assert.doesNotMatch(metrics.replace(/1\.\d{3} woorden/g, ''), /\d\.\d/);
    const en = (await run(['check', 'rapport.md', '--messages', 'en'], dir)).out;
    assert.match(en, /language: nl · 1,\d{3} words · \d+ sentences · \d+\.\d words per sentence · Flesch-Douma \d+(\.\d)? \(/);
    const one = workspace({ 'kort.md': `${LONG_NL}\n` });
    assert.match((await run(['check', 'kort.md'], one)).out, / · \d+ woorden · 1 zin · /);
    assert.match((await run(['check', 'kort.md', '--messages', 'en'], one)).out, / · \d+ words · 1 sentence · /);
  });

  it('exits 0 when nothing reaches --fail-on, 1 when something does', async () => {
    const dir = workspace({ 'a.md': '# Kort\n\nDit is kort. Het is goed zo.\n' });
    assert.equal((await run(['check', 'a.md'], dir)).code, 0);
    const dir2 = workspace({ 'b.md': `# Lang\n\n${LONG_NL}\n` });
    assert.equal((await run(['check', 'b.md', '--fail-on', 'error'], dir2)).code, 0);
    assert.equal((await run(['check', 'b.md', '--fail-on', 'warning'], dir2)).code, 1);
  });

  it('prints JSON in the documented shape, valid against its schema, with UTF-16 columns', async () => {
    const text = `# Cliënten 😀\n\n😀 ${LONG_NL}\n`;
    const dir = workspace({ 'r.md': text });
    const r = await run(['check', 'r.md', '--format', 'json'], dir);
    const json = JSON.parse(r.out);
    const check = parseYamlWithSchema(JSON.stringify(json), outputSchema);
    assert.deepEqual(check.problems, []);
    assert.equal(json.tool.name, 'brug');
    const file = json.files[0];
    assert.equal(file.path, 'r.md');
    assert.equal(file.language, 'nl');
    assert.equal(file.format, 'markdown');
    assert.ok(file.metrics.fleschDouma !== undefined && file.metrics.words > 0);
    assert.deepEqual(Object.keys(file.sections[0]), ['title', 'level', 'role', 'line', 'metrics']);
    const long = file.findings.find((f: { ruleId: string }) => f.ruleId === 'readability/long-sentence');
    assert.ok(long);
    assert.deepEqual(
      Object.keys(long),
      ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'fixes', 'data'],
    );
    // The emoji is two UTF-16 units, plus a space: the sentence starts at column 4.
    assert.equal(long.line, 3);
    assert.equal(long.column, 4);
    assert.equal(text.slice(long.offset, long.endOffset), LONG_NL);
  });

  it('prints SARIF 2.1.0 and GitHub annotations', async () => {
    const dir = workspace({ 'r.md': `# R\n\n${LONG_NL}\n` });
    const sarif = JSON.parse((await run(['check', 'r.md', '--format', 'sarif'], dir)).out);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'readability/long-sentence');
    assert.equal(result.level, 'warning');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 3);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'readability/long-sentence');
    // The explanation travels with the report; no link to a file on the machine that ran it.
    assert.match(rule.help.markdown, /## What it finds/);
    assert.equal(rule.helpUri, undefined);
    assert.doesNotMatch(JSON.stringify(sarif), /file:\/\//);
    const gh = (await run(['check', 'r.md', '--format', 'github'], dir)).out;
    assert.match(gh, /^::warning file=r\.md,line=3,col=1,endLine=3,endColumn=\d+,title=readability\/long-sentence::/m);
  });

  it('recurses into folders over the supported extensions and accepts globs', async () => {
    const dir = workspace({ 'docs/a.md': `# A\n\n${LONG_NL}\n`, 'docs/sub/b.txt': `${LONG_NL}\n`, 'docs/c.json': '{}', 'docs/d.qmd': '# D\n\nKort.\n' });
    const r = await run(['check', 'docs', '--format', 'json'], dir);
    const paths = JSON.parse(r.out).files.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['docs/a.md', 'docs/d.qmd', 'docs/sub/b.txt']);
    const g = await run(['check', 'docs/**/*.txt', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(g.out).files.map((f: { path: string }) => f.path), ['docs/sub/b.txt']);
  });

  it('exits 2 with a one-line message for missing and binary files, and still checks the others', async () => {
    const dir = workspace({ 'ok.md': `# Ok\n\n${LONG_NL}\n`, 'junk.txt': Buffer.from([0, 1, 2, 255, 0, 65]) });
    const r = await run(['check', 'ok.md', 'junk.txt', 'missing.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /junk\.txt: not a text file/);
    assert.match(r.err, /missing\.md: no such file/);
    assert.match(r.out, /ok\.md:3:1 warning/);
  });

  it('reports a bad value in .brug.yml with file and line; only that setting falls back, the exit code is the findings\'', async () => {
    const dir = workspace({ '.brug.yml': 'audience: practitioner\nrules:\n  readability/long-sentence: loud\n', 'a.md': `# A\n\n${LONG_NL}\n` });
    const r = await run(['check', 'a.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /\.brug\.yml:3:\d+: rules\.readability\/long-sentence: "loud" is not allowed; allowed: one of off, hint, info, warning, error/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.match(r.out, /long-sentence/);
  });

  it('reads .brug.yml from the folder upwards: rules off and audience', async () => {
    const dir = workspace({ '.brug.yml': 'rules:\n  readability/long-sentence: off\n', 'sub/a.md': `# A\n\n${LONG_NL}\n` });
    const r = await run(['check', 'sub/a.md', '--format', 'json'], dir);
    assert.ok(!JSON.parse(r.out).files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'readability/long-sentence'));
  });

  it('--fix applies safe fixes only and writes a file back only when it changed', async () => {
    const dir = workspace({ 'a.md': '# A\n\nWe will make a decision in order to help people.\n', 'b.md': '# B\n\nShort and clear.\n' });
    const before = readFileSync(join(dir, 'b.md'));
    const r = await run(['check', 'a.md', 'b.md', '--fix', '--language', 'en'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    // Only the safe fixes are written (issue 13); suggestions are left for the editor.
    const text = '# A\n\nWe will make a decision in order to help people.\n';
    const lintA = (t: string) => lint(t, { path: join(dir, 'a.md'), language: 'en' });
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), fixDocument(text, lintA(text), lintA).text);
    assert.match(r.out, /brug --fix: \d+ fix(es)? in [01] files? applied; \d+ suggestions? left to choose in the editor/);
    assert.deepEqual(readFileSync(join(dir, 'b.md')), before);
  });

  it('rejects unknown options and formats with exit 2', async () => {
    const dir = workspace({});
    assert.equal((await run(['check', '--format', 'xml'], dir)).code, 2);
    assert.equal((await run(['check', '--bogus'], dir)).code, 2);
    assert.equal((await run(['frobnicate'], dir)).code, 2);
  });

  it('runs as `npx brug` from the repository root (the built bin)', function () {
    if (!existsSync(join(ROOT, 'server', 'dist', 'cli.mjs'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const r = spawnSync('npx', ['--no-install', 'brug', 'check', 'samples', '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.ok(json.files.length >= 2);
    assert.ok(json.files.some((f: { language: string }) => f.language === 'nl'));
    assert.ok(json.files.some((f: { language: string }) => f.language === 'en'));
  });
});
