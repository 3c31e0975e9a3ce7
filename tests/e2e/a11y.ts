// Runs axe-core in a page (injected through CDP, so page CSP doesn't apply) and returns the
// serious and critical violations, scoped to a selector when given (axe pierces open shadow roots).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  const source = await readFile(axePath, 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (scope) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const context = scope ? { include: scope } : document;
    const { violations } = await axe.run(context, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }, include ?? null);
  return result;
}
