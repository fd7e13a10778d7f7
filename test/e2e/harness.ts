/**
 * The machinery of Brug's end-to-end test: a real VS Code (code-server, the VS Code server and
 * workbench) on 127.0.0.1 and a free port, driven by playwright-core with Debian's chromium.
 * Everything runs from a temporary folder with its own XDG folders, and `stop()` kills the
 * whole code-server process group (language servers and extension hosts included) and the browser.
 * Recipe and pitfalls: shared/research/e2e-feasibility.md.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type FrameLocator, type Locator, type Page, chromium } from 'playwright-core';

export interface HarnessOptions {
  repo: string;
  vsix: string;
  artifacts: string;
  /** Files copied into the workspace: [source, path in the workspace]. */
  files: Array<[string, string]>;
  log: (line: string) => void;
}

export function e2eHome(): string {
  return process.env.BRUG_E2E_HOME || join(homedir(), '.cache', 'brug-e2e');
}

export function tools() {
  const home = e2eHome();
  return {
    node: process.env.BRUG_E2E_NODE || join(home, 'node24/node_modules/node/bin/node'),
    codeServer: process.env.BRUG_E2E_CODE_SERVER || join(home, 'cs/node_modules/code-server/out/node/entry.js'),
    chromium: process.env.BRUG_E2E_CHROMIUM || '/usr/bin/chromium',
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn` up to `tries` times; flaky UI steps (quick open, palette) get a second chance. */
export async function retry<T>(what: string, tries: number, fn: (attempt: number) => Promise<T>, log?: (s: string) => void): Promise<T> {
  let last: unknown;
  for (let i = 1; i <= tries; i++) {
    try {
      return await fn(i);
    } catch (err) {
      last = err;
      log?.(`  ${what}: attempt ${i} failed: ${firstLine(err)}`);
    }
  }
  throw last;
}

export function firstLine(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  return s.split('\n')[0]!.slice(0, 300);
}

/** Text as the editor shows it: VS Code renders spaces as U+00A0. */
export const norm = (s: string) => s.replace(/\u00a0/g, ' ');

export class Harness {
  readonly run: string;
  readonly workspace: string;
  private readonly userData: string;
  private readonly extensions: string;
  private server: ChildProcess | undefined;
  private browser: Browser | undefined;
  page!: Page;
  port = 0;

  constructor(private readonly opts: HarnessOptions) {
    this.run = mkdtempSync(join(tmpdir(), 'brug-e2e-'));
    this.workspace = join(this.run, 'ws');
    this.userData = join(this.run, 'ud');
    this.extensions = join(this.run, 'ext');
  }

  private env(): NodeJS.ProcessEnv {
    const h = join(this.run, 'home');
    return {
      ...process.env,
      XDG_DATA_HOME: join(h, 'data'),
      XDG_CONFIG_HOME: join(h, 'config'),
      XDG_CACHE_HOME: join(h, 'cache'),
      XDG_STATE_HOME: join(h, 'state'),
      // Keep code-server's own defaults from the environment out.
      PASSWORD: '',
      HASHED_PASSWORD: '',
    };
  }

  /** Workspace, settings, and the extension installed from the .vsix. */
  prepare(): void {
    const { log } = this.opts;
    for (const [src, rel] of this.opts.files) {
      mkdirSync(join(this.workspace, rel, '..'), { recursive: true });
      cpSync(src, join(this.workspace, rel));
    }
    mkdirSync(join(this.userData, 'User'), { recursive: true });
    writeFileSync(
      join(this.userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'telemetry.telemetryLevel': 'off',
          'workbench.startupEditor': 'none',
          'security.workspace.trust.enabled': false,
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'workbench.editor.enablePreview': false,
          'chat.disableAIFeatures': true,
          'git.enabled': false,
          'editor.minimap.enabled': false,
          'editor.wordWrap': 'on',
          'editor.hover.delay': 300,
          'editor.codeLens': true,
          'files.autoSave': 'off',
          'window.restoreWindows': 'none',
          'brug.trace.server': 'off',
        },
        null,
        2,
      ),
    );
    writeFileSync(join(this.run, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    const { node, codeServer } = tools();
    for (const [what, p] of [['node 24', node], ['code-server', codeServer]] as const) {
      if (!existsSync(p)) throw new Error(`${what} not found at ${p}: run "bash scripts/e2e-setup.sh" first (or set BRUG_E2E_HOME)`);
    }
    log(`installing ${this.opts.vsix}`);
    const r = spawnSync(
      node,
      [codeServer, '--config', join(this.run, 'config.yaml'), '--user-data-dir', this.userData, '--extensions-dir', this.extensions, '--install-extension', this.opts.vsix],
      { env: this.env(), encoding: 'utf8', timeout: 120_000 },
    );
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status ?? r.signal}): ${out}`);
    const installed = existsSync(this.extensions) ? readdirSync(this.extensions).filter((d) => d.startsWith('brug.brug-')) : [];
    if (!installed.length) throw new Error(`the extension is not in ${this.extensions} after --install-extension: ${out}`);
    log(`installed ${installed.join(', ')}`);
  }

  /** Starts code-server in its own process group and waits until it answers. */
  async start(): Promise<void> {
    const { node, codeServer } = tools();
    this.port = await freePort();
    const logFile = createWriteStream(join(this.opts.artifacts, 'code-server.log'));
    this.server = spawn(
      node,
      [
        codeServer,
        '--config', join(this.run, 'config.yaml'),
        '--user-data-dir', this.userData,
        '--extensions-dir', this.extensions,
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${this.port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--reconnection-grace-time', '30',
        this.workspace,
      ],
      { env: this.env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.server.stdout?.pipe(logFile);
    this.server.stderr?.pipe(logFile);
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (this.server.exitCode !== null) throw new Error(`code-server exited with ${this.server.exitCode}; see artifacts/code-server.log`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (res.ok) {
          this.opts.log(`code-server on 127.0.0.1:${this.port} after ${Date.now() - started} ms`);
          return;
        }
      } catch {
        // not yet
      }
      await sleep(250);
    }
    throw new Error('code-server did not answer /healthz within 60 s');
  }

  async openBrowser(): Promise<Page> {
    this.browser = await chromium.launch({
      executablePath: tools().chromium,
      headless: true,
      timeout: 60_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      env: this.env(),
    });
    const context = await this.browser.newContext({ viewport: { width: 1500, height: 950 }, deviceScaleFactor: 1 });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(30_000);
    return this.page;
  }

  url(): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`;
  }

  async screenshot(name: string, target?: Locator): Promise<string> {
    const file = join(this.opts.artifacts, `${name}.png`);
    try {
      if (target) await target.screenshot({ path: file, timeout: 10_000 });
      else await this.page.screenshot({ path: file, timeout: 10_000 });
      this.opts.log(`  screenshot ${file}`);
    } catch (err) {
      this.opts.log(`  screenshot ${name} failed: ${firstLine(err)}`);
    }
    return file;
  }

  /** Keeps code-server's logs (extension host, language server output) for a failed run. */
  keepLogs(): void {
    const logs = join(this.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(this.opts.artifacts, 'logs'), { recursive: true });
  }

  async stop(): Promise<void> {
    if (this.browser) {
      await Promise.race([this.browser.close().catch(() => undefined), sleep(10_000)]);
      this.browser = undefined;
    }
    const srv = this.server;
    if (srv?.pid) {
      const alive = () => {
        try {
          process.kill(-srv.pid!, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(-srv.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 40 && alive(); i++) await sleep(100);
      if (alive()) {
        try {
          process.kill(-srv.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      this.server = undefined;
    }
    if (!process.env.BRUG_E2E_KEEP) rmSync(this.run, { recursive: true, force: true, maxRetries: 3 });
    else this.opts.log(`kept ${this.run}`);
  }

  /** Synchronous last resort (watchdog, signal, process exit): kill the process group, remove the temp folder. */
  killNow(): void {
    const pid = this.server?.pid;
    if (pid) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
      this.server = undefined;
    }
    if (!process.env.BRUG_E2E_KEEP) {
      try {
        rmSync(this.run, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  }
}

/** The report webview's content frame (VS Code nests the page in two iframes). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
