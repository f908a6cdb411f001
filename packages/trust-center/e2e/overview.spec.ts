import { expect, test, type Locator, type Page } from '@playwright/test';
import { useTranslations } from '../src/i18n/index.ts';
import { buildDate, isoDate } from '../src/lib/dates.ts';
import { deriveDocumentVersion, versionSources } from '../src/lib/document-version.ts';
import { countryName } from '../src/lib/format.ts';
import { atAGlance } from '../src/lib/overview/at-a-glance.ts';
import { changeTitle } from '../src/lib/subprocessors/describe.ts';
import { currentSubprocessors, loadContent } from './support/content.ts';

// The overview's "at a glance" band (issue #14 item 1), over whichever site was built: what it must
// state is derived here from the content files, the same way the page derives it, so a fact the
// content leaves out must be missing from the band too.
const t = useTranslations();
const o = t.overview;
const content = loadContent();
const company = content.company.data;
const today = buildDate();
const certifications = [...content.certifications].sort((a, b) => a.data.order - b.data.order);
const glance = atAGlance({
  company,
  certifications,
  controls: content.controls,
  current: currentSubprocessors(content),
  changes: content.subprocessorChanges,
  lastUpdated: new Date(deriveDocumentVersion(versionSources(content), today)),
  today,
});
const names = new Map(content.subprocessors.map((entry) => [entry.id, entry.data.name]));

const band = (page: Page) => page.getByRole('region', { name: o.glance, exact: true });
/** The value (dd) of one of the band's terms. */
const fact = (page: Page, term: string) => band(page).getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test('the band states certifications, data location, encryption, the next change and the last update from the content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: `${company.name} ${t.siteSuffix}`, exact: true })).toBeVisible();
  const certs = fact(page, o.glanceCertifications);
  await expect(certs.getByRole('listitem')).toHaveCount(certifications.length);
  for (const { id, data } of certifications) {
    const item = certs.getByRole('listitem').filter({ has: page.getByRole('link', { name: data.framework, exact: true }) });
    await expect(item.getByRole('link')).toHaveAttribute('href', `/certifications/#${id}`);
    await expect(item).toContainText(t.statuses[data.status]);
  }
  const where = fact(page, o.dataLocation);
  for (const part of [company.hostingRegion.provider, company.hostingRegion.region, countryName(company.hostingRegion.country)]) await expect(where).toContainText(part);
  if (glance.processingCountries.length > 0) await expect(where).toContainText(countryName(glance.processingCountries[0]!));

  const change = fact(page, o.glanceChanges);
  if (glance.nextChange) {
    await expect(change.getByRole('link', { name: changeTitle(glance.nextChange, names), exact: true })).toHaveAttribute('href', `/subprocessors/changes/${glance.nextChange.id}/`);
    await expect(change.locator('time')).toHaveAttribute('datetime', isoDate(glance.nextChange.data.effective));
  } else {
    await expect(change).toContainText(o.glanceNoChange);
  }
  await expect(change.getByRole('link', { name: o.glanceSubscribe })).toHaveAttribute('href', '/subprocessors/#subscribe');

  const encryption = band(page).getByRole('term').filter({ hasText: new RegExp(`^${o.glanceEncryption}$`) });
  if (glance.encryption.length === 0) await expect(encryption).toHaveCount(0);
  for (const item of glance.encryption) {
    await expect(fact(page, o.glanceEncryption).getByRole('link', { name: `${item.label}: ${item.value}`, exact: true })).toHaveAttribute('href', `/whitepaper/#${item.section}`);
  }
  await expect(fact(page, o.glanceUpdated).locator('time')).toHaveAttribute('datetime', isoDate(glance.lastUpdated));
});

// Issue #14's "done when": the posture above the fold at 1280 × 800, within the first two screens at 390 × 844.
for (const { width, height, limit } of [
  { width: 1280, height: 800, limit: 800 },
  { width: 390, height: 844, limit: 2 * 844 },
]) {
  test(`certifications, data location and the next sub-processor change are within ${limit} px of the top at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const bottom = async (locator: Locator) => {
      const box = await locator.boundingBox();
      expect(box, 'shown').not.toBeNull();
      return box!.y + box!.height;
    };
    for (const [name, locator] of [
      ['certifications', fact(page, o.glanceCertifications)],
      ['data location', fact(page, o.dataLocation)],
      ['next sub-processor change', fact(page, o.glanceChanges)],
    ] as const) {
      expect(await bottom(locator), `${name} ends within ${limit} px`).toBeLessThanOrEqual(limit);
    }
  });
}

test('printed pages leave out the header search, navigation and skip link, and show where external links go', async ({ page }) => {
  const sub = currentSubprocessors(content)[0]!;
  await page.emulateMedia({ media: 'print' });
  for (const path of ['/', `/subprocessors/${sub.id}/`]) {
    await page.goto(path);
    await expect(page.getByRole('search', { name: t.search.headerLabel })).toBeHidden();
    await expect(page.getByRole('navigation', { name: t.nav.label })).toBeHidden();
    await expect(page.getByRole('navigation', { name: t.nav.more })).toBeHidden();
    await expect(page.getByRole('link', { name: t.skipLink })).toBeHidden();
    // The company still heads the printed page (its name or logo).
    await expect(page.getByRole('banner').getByRole('link', { name: `${company.name} ${t.siteSuffix}`, exact: true })).toBeVisible();
  }
  const after = (link: Locator) => link.evaluate((a) => getComputedStyle(a, '::after').content);
  const website = page.getByRole('main').locator(`a[href="${sub.data.website}"]`).first();
  expect(await after(website)).toBe(`" (${sub.data.website})"`);
  const internal = page.getByRole('main').locator('a[href^="/"]').first();
  expect(await after(internal)).toBe('none');
  // On screen the addresses are not repeated.
  await page.emulateMedia({ media: 'screen' });
  expect(await after(website)).toBe('none');
});
