/**
 * Brug's end-to-end test in a real VS Code (code-server 4.139.1 = VS Code 1.139.1), driven like a
 * person would: keyboard and mouse in the workbench. It installs the packaged .vsix, opens a
 * workspace with copies of the sample reports, and checks diagnostics, quick fix, hover, code lens,
 * status bar, the report view, toggling and the workspace check. Screenshots go to test/e2e/artifacts/.
 *
 *   bash scripts/e2e-setup.sh                 # once: chromium, node 24, code-server (outside the repo)
 *   node scripts/package.mjs                  # builds brug-<version>.vsix
 *   node --import tsx test/e2e/run.ts         # prints "N passed, N failed"; exits 1 on any failure
 *
 * Environment: BRUG_E2E_VSIX (package to test), BRUG_E2E_HOME (tools), BRUG_E2E_ONLY (comma-separated
 * test names), BRUG_E2E_KEEP=1 (keep the temp folder), BRUG_E2E_TIMEOUT_S (watchdog, default 480).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { Harness, firstLine, norm, retry, sleep, webviewFrame } from './harness';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(repo, 'test/e2e/artifacts');
const started = Date.now();
const log = (s: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${s}\n`);

const SAMPLE = 'samples/rapport-schuldhulp.md';
const RULE_ID = /\b[a-z]+\/[a-z0-9-]+\b/;
const SQUIGGLE = '.monaco-editor .view-overlays [class*="squiggly-"]';

// ---------------------------------------------------------------------------------------------
// Setup

function vsixPath(): string {
  if (process.env.BRUG_E2E_VSIX) return resolve(process.env.BRUG_E2E_VSIX);
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
  const vsix = join(repo, `brug-${version}.vsix`);
  if (!existsSync(vsix)) {
    log(`${vsix} is missing: building it (node scripts/package.mjs)`);
    const r = spawnSync(process.execPath, [join(repo, 'scripts/package.mjs')], { cwd: repo, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('node scripts/package.mjs failed');
  }
  return vsix;
}

const samples = readdirSync(join(repo, 'samples'))
  .filter((f) => f.endsWith('.md'))
  .map((f): [string, string] => [join(repo, 'samples', f), `samples/${f}`]);

// ---------------------------------------------------------------------------------------------
// Workbench helpers

async function quickOpen(page: Page, file: string): Promise<void> {
  await retry(`quick open ${file}`, 3, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(file);
    const name = file.split('/').pop()!;
    // Enter opens the focused row: wait until the list has caught up with the typed name.
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 10_000 });
  }, log);
}

/** Runs a command from the command palette by its title, pressing Enter on the matching row. */
async function palette(page: Page, title: string): Promise<void> {
  await retry(`palette "${title}"`, 3, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    // The matching row must be the focused one before Enter.
    const focused = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
    await focused.waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 5_000 });
  }, log);
}

function editor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor:not(.inline-diff-widget) .view-lines').first();
}

/** Clicks into the text editor of the first editor group (its visible area) and goes to the top. */
async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const guard = page.locator('.editor-group-container').first().locator('.monaco-editor .overflow-guard').first();
  const box = await guard.boundingBox({ timeout: 5_000 });
  if (!box) throw new Error('no editor on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + Math.min(60, box.height / 2));
  await page.keyboard.press('Control+Home');
}

async function closePanel(page: Page): Promise<void> {
  const panel = page.locator('.part.panel');
  if (await panel.isVisible()) {
    await page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: 5_000 });
  }
}

/** Rules whose quick fix replaces words: the quick-fix test looks for one of these first. */
const PREFERRED_FIX_RULES = ['vocabulary/jargon', 'vocabulary/mixed-terms', 'readability/nominalization'];

/**
 * Presses F8 (next problem) until the problem's peek names one of `rules` (any problem when empty),
 * then closes the peek; the cursor stays on the problem. Returns the peek's text.
 */
async function goToProblem(page: Page, rules: string[], max = 40): Promise<string> {
  let first = '';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('F8');
    const peek = page.locator('.marker-widget').first();
    await peek.waitFor({ state: 'visible', timeout: 5_000 });
    await sleep(150);
    const text = norm(await peek.innerText()).replace(/\s+/g, ' ');
    if (i === 0) first = text;
    else if (text === first) break; // went round
    if (!rules.length || rules.some((r) => text.includes(r))) {
      await page.keyboard.press('Escape');
      await sleep(200);
      return text;
    }
  }
  throw new Error(`no problem of ${rules.join(', ')} found with F8`);
}

async function problemRows(page: Page): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(norm);
}

/** Waits until `fn` returns a truthy value, polling. */
async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeout = 30_000, every = 250): Promise<T> {
  const end = Date.now() + timeout;
  let lastErr: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    await sleep(every);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastErr ? ` (${firstLine(lastErr)})` : ''}`);
}

/** The text of Brug's status bar item (its DOM id ends in the item's id, brug.status). */
async function statusText(page: Page): Promise<string | undefined> {
  const items = await page.locator('.part.statusbar .statusbar-item[id$="brug.status"]').allInnerTexts();
  return items.map((s) => norm(s).trim()).find((s) => /Brug/.test(s));
}

/** Closes Brug's report view when it is open. */
async function closeReport(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: /Brug/ }).first();
  if (!(await tab.isVisible())) return;
  await tab.click();
  await page.keyboard.press('Control+W');
  await page.locator('iframe.webview.ready').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * The `nth` code lens on screen (top to bottom; -1 is the last) in the first editor group, and the heading it stands
 * above: the text of the editor line right below the lens, without the Markdown #'s.
 */
async function lensWithHeading(page: Page, nth: number): Promise<{ lens: Locator; heading: string }> {
  const group = page.locator('.editor-group-container').first();
  const lenses = group.locator('.monaco-editor .codelens-decoration a');
  // Monaco keeps widgets of lines off screen in the page, hidden or placed outside the viewport.
  const view = await group.locator('.monaco-editor .overflow-guard').first().boundingBox();
  if (!view) throw new Error('no editor on screen');
  const onScreen = (b: { y: number; height: number } | null): b is { y: number; height: number } => !!b && b.height > 0 && b.y >= view.y && b.y + b.height <= view.y + view.height;
  const visibleLenses = async () => {
    const found: Array<{ i: number; y: number; bottom: number }> = [];
    for (let i = 0; i < (await lenses.count()); i++) {
      const b = await lenses.nth(i).boundingBox();
      if (onScreen(b) && (await lenses.nth(i).isVisible())) found.push({ i, y: b.y, bottom: b.y + b.height });
    }
    return found.sort((a, b) => a.y - b.y);
  };
  const boxes = await until('code lenses on screen', async () => {
    const found = await visibleLenses();
    return found.length > (nth < 0 ? -nth - 1 : nth) ? found : undefined;
  }, 30_000, 300).catch(async () => visibleLenses());
  const pick = boxes.at(nth);
  if (!pick) throw new Error(`only ${boxes.length} code lenses on screen`);
  const lines: Array<{ y: number; text: string }> = [];
  for (const l of await group.locator('.monaco-editor .view-lines .view-line').all()) {
    const b = await l.boundingBox();
    if (onScreen(b)) lines.push({ y: b.y, text: norm(await l.innerText()) });
  }
  const below = lines.filter((l) => l.y >= pick.bottom - 2).sort((a, b) => a.y - b.y)[0];
  if (!below || !/^#+\s/.test(below.text)) throw new Error(`no heading below the lens: ${JSON.stringify(below?.text)}`);
  return { lens: lenses.nth(pick.i), heading: below.text.replace(/^#+\s+/, '').trim() };
}

async function openProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

async function brugProblems(page: Page): Promise<number> {
  return (await problemRows(page)).filter((r) => /\bbrug\b/.test(r)).length;
}

// ---------------------------------------------------------------------------------------------
// Tests

interface Test {
  name: string;
  run: (h: Harness, page: Page) => Promise<void>;
  /** Names of tests that must have passed for this one to make sense. */
  needs?: string[];
}

const tests: Test[] = [
  {
    name: 'workbench opens the workspace',
    run: async (h, page) => {
      await retry('load workbench', 2, async (attempt) => {
        if (attempt > 1) await page.reload();
        else await page.goto(h.url(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'samples' }).first().waitFor({ timeout: 60_000 });
      }, log);
    },
  },
  {
    name: 'diagnostics from Brug in the Problems panel',
    needs: ['workbench opens the workspace'],
    run: async (h, page) => {
      await quickOpen(page, SAMPLE);
      await editor(page).filter({ hasText: 'Eerder in beeld' }).waitFor({ timeout: 20_000 });
      await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const row = await until('a Brug row in the Problems panel', async () => {
        const rows = await problemRows(page);
        return rows.find((r) => /\bbrug\b/.test(r) && RULE_ID.test(r));
      });
      log(`  first Brug row: ${JSON.stringify(row.slice(0, 160))}`);
      await h.screenshot('problems-panel');
      // Filter the panel on one rule, as a person looking for long sentences would.
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      if (await filter.isVisible()) {
        await filter.click();
        await filter.fill('readability/long-sentence');
        const long = await until('a readability/long-sentence row', async () => (await problemRows(page)).find((r) => /\bbrug\b/.test(r) && r.includes('readability/long-sentence')), 10_000);
        log(`  long-sentence row: ${JSON.stringify(long.slice(0, 160))}`);
        await h.screenshot('problems-panel-filtered', page.locator('.part.panel'));
        await filter.fill('');
        await page.keyboard.press('Escape');
      } else log('  (no filter box found in the Problems panel)');
    },
  },
  {
    name: 'status bar shows language, score and verdict',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      const text = await until('the Brug status bar item with a score', async () => {
        const s = await statusText(page);
        return s && /Brug\s+(NL|EN)\b.*\d/.test(s) ? s : undefined;
      });
      log(`  status bar: ${JSON.stringify(text)}`);
      await h.screenshot('status-bar', page.locator('.part.statusbar'));
      // Its tooltip says what the item is; clicking it is tested through the report view below.
    },
  },
  {
    name: 'code lens above the headings',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      await closePanel(page);
      await focusEditor(page);
      const lens = page.locator('.monaco-editor .codelens-decoration').first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      const text = await until('code lens text', async () => norm(await lens.innerText()).trim() || undefined);
      log(`  code lens: ${JSON.stringify(text)}`);
      await h.screenshot('code-lens', page.locator('.editor-group-container.active'));
    },
  },
  {
    name: 'clicking a code lens shows its section in the report',
    needs: ['code lens above the headings'],
    run: async (h, page) => {
      await closeReport(page);
      await quickOpen(page, SAMPLE);
      await closePanel(page);
      await focusEditor(page);
      const frame = webviewFrame(page);
      // First with no report open (the panel is made for the click), then with the report open,
      // on the last heading of the document (its row is far down in the report).
      for (const [round, nth] of [['no report open', 2], ['report open', -1]] as const) {
        if (nth < 0) await page.keyboard.press('Control+End');
        const { lens, heading } = await lensWithHeading(page, nth);
        log(`  ${round}: clicking the lens above ${JSON.stringify(heading)}`);
        await lens.click();
        const focused = frame.locator('#sections tr.section-row.focused');
        // The row of the section clicked, and only that one (a second click moves the highlight).
        let seen = '(none)';
        await until(`the report's row for "${heading}" highlighted`, async () => {
          const rows = (await focused.allInnerTexts().catch(() => [] as string[])).map((r) => norm(r).split('\n')[0]!.trim());
          seen = rows.length ? rows.join(' | ') : '(none)';
          return rows.length === 1 && rows[0] === heading;
        }, 30_000).catch(() => {
          throw new Error(`the highlighted row is ${JSON.stringify(seen)}, not ${JSON.stringify(heading)}`);
        });
        // Scrolled into view: the row lies within the report's window.
        const inView = await until('the highlighted row in view', async () =>
          focused.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
          }),
        10_000);
        if (!inView) throw new Error('the highlighted row is not in view');
        await h.screenshot(`code-lens-report-${round.replace(/ /g, '-')}`);
        // Back to the text, as a writer would, for the next click.
        await focusEditor(page);
      }
      await closeReport(page);
    },
  },
  {
    name: 'hover over a diagnostic',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      await retry('hover', 3, async (attempt) => {
        await focusEditor(page);
        // F8 moves the cursor to the next problem and scrolls it into view; Escape closes its peek.
        for (let i = 0; i < attempt; i++) await page.keyboard.press('F8');
        await sleep(400);
        await page.keyboard.press('Escape');
        await sleep(300);
        const viewport = await page.locator('.editor-group-container').first().locator('.monaco-editor .overflow-guard').first().boundingBox({ timeout: 5_000 });
        const boxes = (await Promise.all((await page.locator(SQUIGGLE).all()).map((l) => l.boundingBox()))).filter(
          (b): b is NonNullable<typeof b> => !!b && !!viewport && b.y > viewport.y + 5 && b.y + b.height < viewport.y + viewport.height - 5 && b.width > 4,
        );
        if (!boxes.length) throw new Error('no squiggle on screen');
        const b = boxes[0]!;
        await page.mouse.move(b.x + Math.min(40, b.width / 2), b.y + b.height / 2);
        await page.mouse.move(b.x + Math.min(60, b.width / 2), b.y + b.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: /\S/ }).first();
        await hover.waitFor({ state: 'visible', timeout: 8_000 });
        const text = norm(await hover.innerText());
        if (!/brug|[a-z]+\/[a-z-]+/i.test(text)) throw new Error(`hover without Brug's finding: ${JSON.stringify(text.slice(0, 200))}`);
        log(`  hover: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200))}`);
      }, log);
      await h.screenshot('hover');
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'quick fix with Ctrl+. and Enter changes the text',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      const file = join(h.workspace, SAMPLE);
      const before = readFileSync(file, 'utf8');
      let title = '';
      await retry('quick fix', 3, async (attempt) => {
        await focusEditor(page);
        // Walk the problems with F8 to one whose fix replaces words (a jargon finding), as a writer would;
        // on a retry, or when there is none, take the first problem that offers any fix.
        const marker = await goToProblem(page, attempt === 1 ? PREFERRED_FIX_RULES : []);
        log(`  at problem: ${JSON.stringify(marker.slice(0, 120))}`);
        await page.keyboard.press('Control+.');
        const rows = page.locator('.action-widget .monaco-list-row.action');
        await rows.first().waitFor({ state: 'visible', timeout: 8_000 });
        const titles = (await rows.allInnerTexts()).map((t) => norm(t).trim());
        if (!titles.length || titles.every((t) => /no code actions/i.test(t))) {
          await page.keyboard.press('Escape');
          throw new Error('no quick fix at this problem');
        }
        // Move the focus with the arrow keys to a fix that replaces text, when the menu has one.
        const want = titles.findIndex((t) => /^(Vervang|Replace)\b/.test(t));
        const focusedAt = async () => (await rows.evaluateAll((els) => els.findIndex((e) => e.classList.contains('focused'))));
        if (want >= 0) {
          for (let i = 0; i < titles.length && (await focusedAt()) !== want; i++) await page.keyboard.press('ArrowDown');
        }
        const at = await focusedAt();
        title = titles[at >= 0 ? at : 0] ?? '';
        await h.screenshot('quick-fix-menu');
        await page.keyboard.press('Enter');
        await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }, log);
      log(`  applied: ${JSON.stringify(title)}`);
      await page.keyboard.press('Control+S');
      const after = await until('the fix on disk', async () => {
        const now = readFileSync(file, 'utf8');
        return now !== before ? now : undefined;
      }, 15_000);
      const changed = firstDifference(before, after);
      log(`  file changed at: ${JSON.stringify(changed)}`);
      const replacement = /^(?:Vervang door|Replace with) "(.+)"$|^(?:Vervang|Replace) ".*" → "(.+)"$/.exec(title)?.slice(1).find((x) => x !== undefined);
      if (replacement && !after.includes(replacement)) throw new Error(`the file does not contain the replacement ${JSON.stringify(replacement)}`);
      await h.screenshot('quick-fix-applied');
    },
  },
  {
    name: 'report view shows section bars',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      await closePanel(page);
      await focusEditor(page);
      await palette(page, 'Brug: Show report');
      const frame = webviewFrame(page);
      const bars = frame.locator('svg.section-bar rect.fill');
      await bars.first().waitFor({ state: 'attached', timeout: 30_000 });
      const n = await bars.count();
      if (n < 2) throw new Error(`only ${n} section bar(s)`);
      const titles = (await frame.locator('.section-title').allInnerTexts()).map(norm);
      log(`  ${n} section bars: ${titles.slice(0, 6).join(' | ')}${titles.length > 6 ? ' …' : ''}`);
      for (const id of ['metrics', 'sections', 'findings', 'client']) {
        await frame.locator(`section#${id}`).waitFor({ state: 'attached', timeout: 5_000 });
      }
      const rules = (await frame.locator('code.rule-id').allInnerTexts()).map(norm);
      if (!rules.length) throw new Error('the report lists no findings per rule');
      log(`  rules in report: ${rules.join(', ')}`);
      // More room for the pictures: hide the side bar while taking them.
      await page.keyboard.press('Control+B');
      await sleep(600);
      await h.screenshot('report-view');
      for (const id of ['client', 'findings']) {
        await frame.locator(`section#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await sleep(200);
        await h.screenshot(`report-view-${id}`);
      }
      await frame.locator('header').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.keyboard.press('Control+B');
    },
  },
  {
    name: 'report view follows edits',
    needs: ['report view shows section bars'],
    run: async (h, page) => {
      const frame = webviewFrame(page);
      const before = await frame.locator('tr.section-row').count();
      // Type a new section at the end of the document, in the editor on the left.
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('## Nieuw hoofdstuk', { delay: 5 });
      // Close a word suggestion first: Enter would accept it ("Hoofdstuk" from elsewhere in the file).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Dit hoofdstuk is kort. Het heeft twee zinnen.', { delay: 5 });
      await page.keyboard.press('Escape');
      // The report refreshes after the server's next check (debounced while typing).
      const titles = await until('the new section in the report', async () => {
        const all = (await frame.locator('.section-title').allInnerTexts()).map((t) => norm(t).trim());
        return all.some((t) => t.toLowerCase() === 'nieuw hoofdstuk') ? all : undefined;
      }, 30_000);
      if (titles.length !== before + 1) throw new Error(`expected ${before + 1} sections, got ${titles.length}: ${titles.join(' | ')}`);
      await page.keyboard.press('Control+S');
    },
  },
  {
    name: 'a rule\'s documentation opens from the report',
    needs: ['report view shows section bars'],
    run: async (h, page) => {
      const frame = webviewFrame(page);
      await retry('open the rule documentation', 3, async () => {
        const rule = frame.locator('details.rule', { has: frame.locator('code.rule-id', { hasText: 'readability/long-sentence' }) }).first();
        if ((await rule.getAttribute('open', { timeout: 5_000 })) === null) await rule.locator('summary').click({ timeout: 5_000 });
        await rule.locator('a.docs').click({ timeout: 5_000 });
      }, log);
      const tab = page.locator('.tabs-container .tab', { hasText: 'long-sentence' }).first();
      await tab.waitFor({ state: 'visible', timeout: 20_000 });
      log(`  opened: ${JSON.stringify(norm(await tab.innerText()).trim())}`);
      // The Markdown preview is a webview of its own: wait until it shows the rule's page.
      await until('the rule page in the preview', async () => {
        for (const f of page.frames()) {
          const text = await f.locator('body').innerText({ timeout: 500 }).catch(() => '');
          if (/Default severity/.test(text)) return true;
        }
        return false;
      }, 20_000, 500);
      await h.screenshot('rule-docs');
      // Brug does not check its own documentation pages.
      await sleep(1500);
      await openProblems(page);
      const own = (await problemRows(page)).filter((r) => r.includes('docs/rules'));
      if (own.length) throw new Error(`Brug checked its own documentation: ${JSON.stringify(own[0])}`);
      await closePanel(page);
      await tab.click();
      await page.keyboard.press('Control+W');
    },
  },
  {
    name: 'toggle for this document switches Brug off and on',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      await quickOpen(page, SAMPLE);
      await openProblems(page);
      if (!(await brugProblems(page))) throw new Error('no Brug problems before toggling');
      await focusEditor(page);
      await palette(page, 'Brug: Toggle for this document');
      await until('Brug problems gone', async () => (await brugProblems(page)) === 0, 20_000);
      const off = await until('status bar saying Brug is off', async () => {
        const s = await statusText(page);
        return s && /\b(uit|off)\b/.test(s) ? s : undefined;
      }, 10_000);
      log(`  off: status ${JSON.stringify(off)}`);
      await h.screenshot('toggled-off', page.locator('.part.statusbar'));
      await palette(page, 'Brug: Toggle for this document');
      await until('Brug problems back', async () => (await brugProblems(page)) > 0, 30_000);
      const on = await until('status bar with a score again', async () => {
        const s = await statusText(page);
        return s && /\d/.test(s) ? s : undefined;
      }, 10_000);
      log(`  on: status ${JSON.stringify(on)}`);
      await closePanel(page);
    },
  },
  {
    name: 'clicking the status bar item opens the report',
    needs: ['report view shows section bars'],
    run: async (h, page) => {
      // Close the report, then click Brug's status bar item.
      await page.locator('.tabs-container .tab', { hasText: /Brug/ }).first().click();
      await page.keyboard.press('Control+W');
      await page.locator('iframe.webview.ready').first().waitFor({ state: 'detached', timeout: 10_000 });
      await quickOpen(page, SAMPLE);
      await page.locator('.part.statusbar .statusbar-item[id$="brug.status"]').first().click();
      await webviewFrame(page).locator('svg.section-bar').first().waitFor({ state: 'attached', timeout: 30_000 });
    },
  },
  {
    name: 'an English report gets English messages',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      await quickOpen(page, 'samples/report-employment-support.md');
      const text = await until('the status bar in English', async () => {
        const s = await statusText(page);
        return s && /Brug EN\b/.test(s) && (!/perspectief/.test(s)) ? s : undefined;
      }, 30_000);
      log(`  status bar: ${JSON.stringify(text)}`);
      // The report follows the active document, and speaks its language.
      const frame = webviewFrame(page);
      await frame.locator('h2', { hasText: 'Readability per section' }).waitFor({ state: 'attached', timeout: 30_000 });
      await h.screenshot('english-report');
      await quickOpen(page, SAMPLE);
    },
  },
  {
    name: 'check workspace',
    needs: ['workbench opens the workspace'],
    run: async (h, page) => {
      await page.mouse.move(5, 300); // no tooltip over the notifications
      await palette(page, 'Brug: Check workspace');
      const text = await until('a notification from Brug that is not a progress message', async () => {
        const texts = (await page.locator('.notifications-toasts .notification-toast').allInnerTexts()).map(norm);
        return texts.find((t) => /Brug/.test(t) && !/…/.test(t));
      }, 60_000);
      log(`  notification: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200))}`);
      await sleep(800); // let the toast finish sliding in
      await h.screenshot('check-workspace');
    },
  },
  {
    name: 'settings have descriptions',
    needs: ['workbench opens the workspace'],
    run: async (h, page) => {
      await palette(page, 'Preferences: Open Settings (UI)');
      // The settings editor opens with the focus in its search box.
      await page.locator('.settings-editor .settings-header').first().waitFor({ state: 'visible', timeout: 15_000 });
      await sleep(500);
      await page.keyboard.type('@ext:brug.brug', { delay: 10 });
      const item = page.locator('.settings-editor .setting-item-contents', { hasText: 'Audience' }).first();
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      const text = norm(await item.innerText());
      if (!/Who must be able to read/.test(text)) throw new Error(`no description for brug.audience: ${JSON.stringify(text.slice(0, 200))}`);
      const count = await page.locator('.settings-editor .setting-item-contents').count();
      log(`  ${count} Brug settings shown`);
      await sleep(300);
      await h.screenshot('settings');
      await page.keyboard.press('Escape');
    },
  },
  {
    // Last: a .brug.yml changes how every report in the workspace is checked; it is removed at the end.
    name: '.brug.yml: completion offers rule ids and severities, a wrong value is flagged',
    needs: ['diagnostics from Brug in the Problems panel'],
    run: async (h, page) => {
      const file = join(h.workspace, '.brug.yml');
      // A writer starts the file with a section; the cursor goes where a rule id comes.
      writeFileSync(file, '# Brug voor dit project\nrules:\n  ');
      try {
        await quickOpen(page, '.brug.yml');
        await closePanel(page);
        await focusEditor(page);
        await page.keyboard.press('Control+End');
        const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
        const suggestions = async (what: string, want: string) =>
          until(`${what} in the suggestions`, async () => {
            await page.keyboard.press('Control+Space');
            await rows.first().waitFor({ state: 'visible', timeout: 5_000 });
            const labels = (await rows.allInnerTexts()).map((t) => norm(t).trim());
            return labels.some((l) => l.startsWith(want)) ? labels : undefined;
          }, 30_000, 500);
        // 1. Rule ids under rules: (typing a few letters narrows the list, as a writer would).
        await page.keyboard.type('readability/long-se', { delay: 20 });
        const ids = await suggestions('readability/long-sentence', 'readability/long-sentence');
        log(`  under rules: ${ids.slice(0, 4).map((l) => JSON.stringify(l.split('\n')[0])).join(', ')}`);
        await h.screenshot('brug-yml-rule-ids');
        // Accepting a key inserts "key: "; then the allowed values come.
        const focused = page.locator('.editor-widget.suggest-widget .monaco-list-row.focused');
        if (!norm(await focused.innerText()).startsWith('readability/long-sentence')) throw new Error('the focused suggestion is not readability/long-sentence');
        await page.keyboard.press('Enter');
        await editor(page).filter({ hasText: 'readability/long-sentence: ' }).waitFor({ timeout: 5_000 });
        const values = await suggestions('the severities', 'warning');
        const severities = values.map((l) => l.split('\n')[0]!.trim());
        for (const s of ['off', 'hint', 'info', 'warning', 'error']) if (!severities.includes(s)) throw new Error(`no "${s}" among ${JSON.stringify(severities)}`);
        log(`  after the rule id: ${severities.join(', ')}`);
        await page.keyboard.press('Escape');
        // 2. A value Brug does not know, saved: a problem in .brug.yml itself.
        await page.keyboard.type('loud', { delay: 20 });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+S');
        // The completion replaced what was typed: one rule id, not "readability/readability/…".
        await until('the file saved', async () => /^ {2}readability\/long-sentence: loud$/m.test(readFileSync(file, 'utf8')), 10_000);
        await openProblems(page);
        const row = await until('a problem in .brug.yml', async () => {
          const texts = await problemRows(page);
          return texts.find((r) => /"loud"/.test(r) && /readability\/long-sentence/.test(r));
        }, 30_000);
        log(`  problem: ${JSON.stringify(row.replace(/\s+/g, ' ').slice(0, 200))}`);
        const squiggle = page.locator(`.editor-group-container.active ${SQUIGGLE}`).first();
        await squiggle.waitFor({ state: 'attached', timeout: 10_000 });
        await h.screenshot('brug-yml-problem');
        await closePanel(page);
      } finally {
        rmSync(file, { force: true });
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    },
  },
];

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  return `line ${line}: ${b.slice(Math.max(0, i - 30), i + 60).replace(/\n/g, '⏎')}`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const only = process.env.BRUG_E2E_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  // A selected test brings the tests it needs along.
  const wanted = new Set(only?.length ? tests.filter((t) => only.some((o) => t.name.includes(o))).map((t) => t.name) : tests.map((t) => t.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tests) if (wanted.has(t.name)) for (const n of t.needs ?? []) if (!wanted.has(n)) grew = !!wanted.add(n);
  }
  const selected = tests.filter((t) => wanted.has(t.name));

  const h = new Harness({ repo, vsix: vsixPath(), artifacts, files: samples, log });
  const watchdogS = Number(process.env.BRUG_E2E_TIMEOUT_S || 480);
  const watchdog = setTimeout(() => {
    log(`watchdog: the run took more than ${watchdogS} s; stopping`);
    h.killNow();
    process.stdout.write(`0 passed, ${selected.length} failed\n`);
    process.exit(1);
  }, watchdogS * 1000);
  watchdog.unref();
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    h.killNow();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => h.killNow());

  const passed: string[] = [];
  const failed: string[] = [];
  try {
    h.prepare();
    await h.start();
    const page = await h.openBrowser();
    page.on('pageerror', (err) => log(`  page error: ${firstLine(err)}`));
    for (const t of selected) {
      const missing = (t.needs ?? []).filter((n) => !passed.includes(n) && selected.some((s) => s.name === n));
      if (missing.length) {
        log(`FAIL ${t.name}: needs ${missing.join(', ')}`);
        failed.push(t.name);
        continue;
      }
      const t0 = Date.now();
      try {
        await Promise.race([
          t.run(h, page),
          sleep(120_000).then(() => {
            throw new Error('test took more than 120 s');
          }),
        ]);
        passed.push(t.name);
        log(`ok   ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (err) {
        failed.push(t.name);
        log(`FAIL ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s): ${firstLine(err)}`);
        await h.screenshot(`failed-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    }
  } catch (err) {
    log(`setup failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    for (const t of selected) if (!passed.includes(t.name) && !failed.includes(t.name)) failed.push(t.name);
  } finally {
    if (failed.length) h.keepLogs();
    await h.stop();
    clearTimeout(watchdog);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in ${artifacts}`);
  process.stdout.write(`${passed.length} passed, ${failed.length} failed\n`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.stdout.write(`0 passed, ${tests.length} failed\n`);
    process.exit(1);
  },
);
