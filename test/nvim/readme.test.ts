/**
 * The README's Neovim snippets, as written: each ```lua block under a "**Neovim X.Y …**" label in the
 * Install section is used as init.lua of a headless Neovim that opens a report, with
 * `brug-language-server` on the PATH as `npm install -g` puts it there (a link to server/bin). Brug's
 * diagnostics must arrive in that report and in a second one, from one client. A snippet for a newer
 * Neovim than the one installed is only parsed (Debian 12 has 0.7). Skipped locally without nvim;
 * CI installs it (scripts/e2e-setup.sh).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from '../lsp/client.js';
import { SERVER_ENVIRONMENT } from '../../client/src/protocol.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');

interface Snippet {
  label: string;
  /** The lowest Neovim it is for, and whether later ones are meant too. */
  version: [number, number];
  orLater: boolean;
  code: string;
}

/** The Neovim snippets of the README's Install section, in order. */
export function readmeSnippets(readme: string): Snippet[] {
  const start = readme.indexOf('\n## Install');
  assert.ok(start >= 0, 'README has an Install section');
  const end = readme.indexOf('\n## ', start + 1);
  const install = readme.slice(start, end < 0 ? undefined : end);
  const out: Snippet[] = [];
  const re = /^\*\*(Neovim (\d+)\.(\d+)([^*]*))\*\*[^\n]*\n+```lua\n([\s\S]*?)\n```/gm;
  for (let m = re.exec(install); m; m = re.exec(install)) {
    out.push({ label: m[1]!, version: [Number(m[2]), Number(m[3])], orLater: /or later/.test(m[4]!), code: `${m[5]!}\n` });
  }
  return out;
}

function installedVersion(): [number, number] | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(r.stdout) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const atLeast = (have: [number, number], want: [number, number]) => have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);

const REPORT = `# Support for residents with debts

The municipality works together with the agency on the support of residents with debts who have been in a difficult situation for a long time and therefore have little room to take steps themselves.

We will make a decision about the results soon.
`;

const SECOND = `# Second report

In order to facilitate the process, it was decided that the pilot would stop.
`;

describe('README: the Neovim snippets work as written', function () {
  this.timeout(60000);
  const snippets = readmeSnippets(readFileSync(join(REPO, 'README.md'), 'utf8'));
  let version: [number, number] | undefined;
  let dir: string;

  before(function () {
    version = installedVersion();
    if (!version) {
      if (process.env.CI === 'true') throw new Error('nvim is not installed, and CI=true: install it (apt-get install -y neovim)');
      this.skip(); // Skipped: nvim is not installed here (apt-get install -y neovim to run it).
    }
    ensureBundle();
    dir = mkdtempSync(join(tmpdir(), 'brug-nvim-readme-'));
    // `brug-language-server` on the PATH, as npm install -g links it (its own #! line picks node).
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const shim = join(bin, 'brug-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'server/bin/brug-language-server.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a snippet for Neovim 0.7 (Debian 12), for 0.8 or later and for 0.11 or later', () => {
    assert.deepEqual(
      snippets.map((s) => `${s.version.join('.')}${s.orLater ? '+' : ''}`).sort(),
      ['0.11+', '0.7', '0.8+'],
    );
    for (const s of snippets) assert.match(s.code, /'brug-language-server', '--stdio'/, s.label);
    // The environment the VS Code extension starts the server with (client/src/protocol.ts), the same in each snippet.
    const env = Object.entries(SERVER_ENVIRONMENT).map(([k, v]) => `${k} = '${v}'`).join(', ');
    for (const s of snippets) assert.ok(s.code.includes(`cmd_env = { ${env} },`), `${s.label}: cmd_env = { ${env} }`);
  });

  for (const [i, label] of ['0.8+', '0.7', '0.11+'].entries()) {
    it(`the snippet for Neovim ${label} brings Brug's diagnostics to a report, or parses where that Neovim is not installed`, async function () {
      const s = snippets.find((x) => `${x.version.join('.')}${x.orLater ? '+' : ''}` === label);
      assert.ok(s, `a snippet for Neovim ${label}`);
      const runs = atLeast(version!, s.version) && (s.orLater || version![1] === s.version[1]);
      const run = join(dir, `run-${i}`);
      const ws = join(run, 'ws');
      mkdirSync(ws, { recursive: true });
      const init = join(run, 'init.lua');
      writeFileSync(init, s.code);
      if (!runs) {
        // Only its Lua is checked here: the Neovim it is for is not installed.
        const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `lua local f, e = loadfile('${init}'); if not f then io.stderr:write(e) vim.cmd('cq!') end`, '-c', 'qa!'], { encoding: 'utf8', timeout: 20000 });
        assert.equal(r.status, 0, `the snippet for ${s.label} does not parse: ${r.stderr}`);
        return;
      }
      writeFileSync(join(ws, 'report.md'), REPORT);
      writeFileSync(join(ws, 'second.md'), SECOND);
      const out = join(run, 'result.txt');
      const env = {
        ...process.env,
        PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
        XDG_CACHE_HOME: join(run, 'cache'),
        XDG_STATE_HOME: join(run, 'state'),
        XDG_CONFIG_HOME: join(run, 'config'),
        XDG_DATA_HOME: join(run, 'data'),
        OUT: out,
        SECOND: join(ws, 'second.md'),
      };
      const code = await new Promise<number | null>((resolveExit, reject) => {
        const p = spawn('nvim', ['--headless', '-i', 'NONE', '-u', init, 'report.md', '-c', `luafile ${join(HERE, 'readme-check.lua')}`], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => {
          p.kill('SIGKILL');
          reject(new Error(`nvim did not finish in 50 s\n${stderr}`));
        }, 50000);
        p.on('exit', (c) => {
          clearTimeout(timer);
          resolveExit(c);
        });
      });
      const result = existsSync(out) ? readFileSync(out, 'utf8') : '(no result file)';
      assert.equal(code, 0, result);
      assert.match(result, /^filetype: markdown$/m);
      assert.match(result, /^first: readability\/long-sentence line 3$/m);
      assert.match(result, /^first: vocabulary\/jargon line 5$/m);
      assert.match(result, /^second: vocabulary\/jargon line 3$/m);
      assert.match(result, /^brug clients: 1$/m);
      assert.match(result, /RESULT: PASS/);
    });
  }
});
