// `npm run demo`: builds Factlens and opens Chromium with it on a bilingual demo page.
// With a display it opens a real window to play with; without one it runs headless, rests the
// pointer on a few mentions and writes screenshots to demo-output/.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/browser';
import { assertChromiumInstalled } from '../tests/e2e/chromium';
import { cardLocator, hoverMark, waitForMarks } from '../tests/e2e/page-helpers';
import { REPO_ROOT } from '../tests/e2e/paths';
import { startServer } from '../tests/e2e/server';

const OUT = resolve(REPO_ROOT, 'demo-output');
const HOVERS = ['Qwen 1.5', 'Ascend 910B', 'Kimi', '通义千问'];

assertChromiumInstalled();
console.log('Building the extension…');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const server = await startServer();
const url = server.url('/demo.html');

if (process.env.DISPLAY) {
  const browser = await launchWithExtension({ headless: false });
  const page = await browser.context.newPage();
  await page.goto(url);
  console.log(`Chromium is open on ${url} with Factlens loaded. Close the window (or press Ctrl+C) to stop.`);
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
} else {
  await mkdir(OUT, { recursive: true });
  for (const lang of ['en-US', 'zh-CN'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const browser = await launchWithExtension({ lang, colorScheme });
      const page = await browser.context.newPage();
      await page.goto(url);
      await waitForMarks(page, 10);
      for (const [i, text] of HOVERS.entries()) {
        await page.mouse.move(5, 5);
        await cardLocator(page)
          .waitFor({ state: 'hidden' })
          .catch(() => {});
        await hoverMark(page, text);
        await cardLocator(page).waitFor({ state: 'visible', timeout: 5000 });
        const file = resolve(OUT, `card-${i + 1}-${lang}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`  ${file}`);
      }
      await browser.close();
    }
  }
  await server.close();
  console.log(`No display found: ran headless and wrote screenshots to ${OUT}`);
}
