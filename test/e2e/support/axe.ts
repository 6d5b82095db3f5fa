/** axe-core's serious and critical violations on any page (the kiosk helper has its own). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

export interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** e.g. await accessibilityViolations(page) → [] */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (root: Document) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((each) => each.impact === 'serious' || each.impact === 'critical')
      .map((each) => ({
        id: each.id,
        impact: each.impact,
        nodes: each.nodes.map((node) => String(node.target)),
      }));
  });
}
