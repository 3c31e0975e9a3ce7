// Runs once before the browser tests: checks for Chromium and builds the extension under test.
import { execFileSync } from 'node:child_process';
import { assertChromiumInstalled } from './chromium';
import { REPO_ROOT } from './paths';

export default function setup(): void {
  assertChromiumInstalled();
  // FACTLENS_E2E_NO_BUILD=1 reuses .output/chrome-mv3 when iterating on tests alone.
  if (process.env.FACTLENS_E2E_NO_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
