/**
 * The environment the server starts with (client/src/protocol.ts SERVER_ENVIRONMENT): the VS Code extension adds the
 * allocator settings to the editor's own environment, without overriding what a user set there; the test client (and
 * so every language-server test and benchmark) starts the server the same way.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { SERVER_ENVIRONMENT, serverEnvironment } from '../../client/src/protocol.js';
import { TestClient } from './client.js';

function environOf(pid: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) out.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return out;
}

describe('lsp: the environment the server starts with', () => {
  it('adds two malloc arenas and a fixed trim bound, and keeps what the editor\'s environment sets', () => {
    assert.deepStrictEqual({ ...SERVER_ENVIRONMENT }, { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' });
    const env = serverEnvironment({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '4', BRUG_HOME: '/ext' });
    assert.deepStrictEqual(env, { PATH: '/usr/bin', MALLOC_ARENA_MAX: '4', BRUG_HOME: '/ext', MALLOC_TRIM_THRESHOLD_: '131072' });
    // The editor's environment object is not changed.
    const own: Record<string, string | undefined> = { PATH: '/usr/bin' };
    serverEnvironment(own);
    assert.deepStrictEqual(own, { PATH: '/usr/bin' });
  });

  it('the extension starts its server with it', () => {
    const source = readFileSync(new URL('../../client/src/extension.ts', import.meta.url), 'utf8');
    const options = /function serverOptions[\s\S]*?\n}\n/.exec(source)?.[0] ?? '';
    assert.match(options, /const env = serverEnvironment\(\{ \.\.\.process\.env, BRUG_HOME: context\.extensionPath \}\);/);
    assert.equal((options.match(/options: \{ env,/g) ?? []).length, 2, 'run and debug both start the server with env');
  });

  it('a server started as the extension starts it has it, checks a document, and one started without it does not', async function () {
    if (!existsSync('/proc/self/environ')) this.skip();
    this.timeout(60_000);
    for (const launchEnvironment of [true, false]) {
      const client = new TestClient({ launchEnvironment, env: launchEnvironment ? {} : { MALLOC_ARENA_MAX: '', MALLOC_TRIM_THRESHOLD_: '' } });
      try {
        await client.initialize();
        const environ = environOf(client.process.pid!);
        if (launchEnvironment) {
          assert.equal(environ.get('MALLOC_ARENA_MAX'), '2');
          assert.equal(environ.get('MALLOC_TRIM_THRESHOLD_'), '131072');
        } else {
          assert.notEqual(environ.get('MALLOC_ARENA_MAX'), '2');
        }
        const uri = 'file:///tmp/brug-launch/rapport.md';
        await client.open(uri, 'markdown', '# Klein\n\nEr wordt gekeken naar de gegevens.\n');
        const diagnostics = await client.diagnosticsFor(uri);
        assert.ok(diagnostics.some((d) => d.code === 'readability/passive-voice'), 'the passive sentence is found');
      } finally {
        await client.stop();
      }
    }
  });
});
