// Runs once before the Firefox tests: checks for Firefox ESR and builds the Firefox extension.
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../e2e/paths';
import { assertFirefoxInstalled } from './firefox';

export default function setup(): void {
  assertFirefoxInstalled();
  // FACTLENS_E2E_NO_BUILD=1 reuses .output/firefox-mv2 when iterating on tests alone.
  if (process.env.FACTLENS_E2E_NO_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build:firefox'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
