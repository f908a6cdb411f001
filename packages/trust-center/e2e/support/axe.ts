import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** WCAG 2.2 AA and every level it builds on. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What to run: the rules with these tags, or these rules only. */
export type AxeScope = { tags: string[] } | { rules: string[] };

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/**
 * axe-core's violations on the page as it is now, one line each, `rule: help (the elements it found)`,
 * so a failure names what to fix and where.
 *
 * axe-core's source is evaluated once per document, not once per run: AxeBuilder evaluates it on
 * every analyze() and again in a blank page it opens for finishRun(), which costs more than the
 * checks. Both run in the page's own document; the site's pages have no frames (the CSP allows
 * none), and a page that has some still goes through AxeBuilder, which checks each frame.
 */
export async function axeViolations(page: Page, scope: AxeScope): Promise<string[]> {
  const runOnly = 'tags' in scope ? { type: 'tag' as const, values: scope.tags } : { type: 'rule' as const, values: scope.rules };
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page });
    const results = await ('tags' in scope ? builder.withTags(scope.tags) : builder.withRules(scope.rules)).analyze();
    return results.violations.map(format);
  }
  // Through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axe.source);
  // Only what a line needs crosses back, not the passes and their nodes.
  const violations = await page.evaluate(async (options) => {
    const results = await window.axe!.run(document, options);
    return results.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target: [...target] })) }));
  }, { runOnly });
  return violations.map(format);
}

function format(violation: Violation): string {
  return `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`;
}
