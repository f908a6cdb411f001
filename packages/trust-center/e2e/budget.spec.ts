import { expect, test } from '@playwright/test';
import { BUDGET, checkDist, formatReport } from '../scripts/lib/budget.ts';
import { distDir } from './support/dist.ts';

// Page-weight budgets over the built files (README "Performance"): every page's HTML plus the CSS
// and JavaScript it loads on first view, gzip level 9, within one round trip; the median page
// within half of what Starlight ships; no JavaScript outside /search/; every PDF under 1 MB.
test('every page fits the first-view budget, no page but /search/ loads JavaScript, every PDF is under 1 MB', () => {
  const report = checkDist(distDir);
  console.log(`page weight, first view (gzip -9):\n${formatReport(report)}`);
  expect(report.pages.length).toBeGreaterThan(10);
  expect(report.max).toBeLessThanOrEqual(BUDGET.pageBytes);
  expect(report.failures).toEqual([]);
});
