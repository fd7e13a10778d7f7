/**
 * The standalone HTML report (`brug report`) opened in headless Chromium: it renders, loads
 * nothing from the network, logs no console errors, shows the practice card with the twelve
 * insights and the readability chart, and a full-page screenshot goes to test/e2e/artifacts/.
 *
 *   node --import tsx test/e2e/report-page.ts    # after scripts/e2e-setup.sh (or with /usr/bin/chromium)
 *
 * BRUG_E2E_CHROMIUM points at another browser; BRUG_REPORT_SCREENSHOT=path also saves the Dutch
 * screenshot there (the README's docs/images/report.png is made this way).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../server/src/cli/main.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(repo, 'test/e2e/artifacts');
const executable = [process.env.BRUG_E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

const CASES = [
  { sample: 'samples/rapport-schuldhulp.md', lang: 'nl', name: 'report-nl' },
  { sample: 'samples/report-employment-support.md', lang: 'en', name: 'report-en' },
];

async function run(): Promise<number> {
  if (!executable) {
    process.stderr.write('report-page: no Chromium found (run scripts/e2e-setup.sh or set BRUG_E2E_CHROMIUM)\n');
    return 1;
  }
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  let failed = 0;
  try {
    for (const c of CASES) {
      const out = join(artifacts, `${c.name}.html`);
      const code = await main(['report', c.sample, '--output', out], { out: () => {}, err: (s) => process.stderr.write(`${s}\n`), cwd: repo });
      const problems: string[] = [];
      if (code !== 0) problems.push(`brug report exited ${code}`);
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(out).href);
      const lang = await page.getAttribute('html', 'lang');
      if (lang !== c.lang) problems.push(`<html lang="${lang}">, expected ${c.lang}`);
      const insights = await page.locator('[data-insight]').count();
      if (insights !== 12) problems.push(`${insights} insights on the card, expected 12`);
      for (let n = 1; n <= 12; n++) {
        if (!(await page.locator(`[data-insight="${n}"] .status`).isVisible())) problems.push(`insight ${n} has no visible status`);
      }
      const bars = await page.locator('.chart svg .bar').count();
      if (bars < 1) problems.push('the readability chart has no bars');
      const box = await page.locator('.chart svg').boundingBox();
      if (!box || box.width < 300 || box.height < 40) problems.push(`the chart is not rendered at a readable size (${JSON.stringify(box)})`);
      await page.screenshot({ path: join(artifacts, `${c.name}.png`), fullPage: true });
      // The top of the page (header, card, chart) as the README shows it.
      await page.screenshot({ path: join(artifacts, `${c.name}-top.png`), clip: { x: 0, y: 0, width: 1100, height: 1250 } });
      if (c.lang === 'nl' && process.env.BRUG_REPORT_SCREENSHOT) copyFileSync(join(artifacts, `${c.name}-top.png`), resolve(repo, process.env.BRUG_REPORT_SCREENSHOT));
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(artifacts, `${c.name}-print.png`), fullPage: true });
      await page.close();
      if (problems.length) {
        failed++;
        process.stdout.write(`FAIL report page ${c.sample}\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      } else process.stdout.write(`ok   report page ${c.sample} (${insights} insights, ${bars} chart bars)\n`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`report page: ${CASES.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

run().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`report-page: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
