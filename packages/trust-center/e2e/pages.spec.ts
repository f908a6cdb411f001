import { expect, test, type Page } from '@playwright/test';
import { displayId, frameworks, requirementAnchor } from '../src/data/frameworks/index.ts';
import { listPages, listPath } from '../src/lib/subprocessors/views.ts';
import { currentSubprocessors, loadContent, normalise, plainText, sentences } from './support/content.ts';

const content = loadContent();
const company = content.company.data;

async function mainText(page: Page): Promise<string> {
  return normalise(await page.getByRole('main').innerText());
}

function expectSentences(text: string, markdown: string, where: string) {
  for (const sentence of sentences(plainText(markdown))) {
    expect(text, `${where}: "${sentence}"`).toContain(sentence);
  }
}

test('overview shows certifications, key facts, controls, retention, documents and contacts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(company.name);
  const main = page.getByRole('main');
  for (const { data } of content.certifications) {
    const card = main.getByRole('article').filter({ has: page.getByRole('heading', { name: data.framework, exact: true }) });
    await expect(card).toContainText(data.statement);
    // Status is written in words, not only shown as a colour.
    await expect(card).toContainText(new RegExp(data.status.replace('-', ' '), 'i'));
  }
  const text = await mainText(page);
  expect(text).toContain(company.hostingRegion.region);
  for (const { data } of content.controls) {
    await expect(main.getByRole('link', { name: data.title, exact: true })).toHaveAttribute('href', `/whitepaper/#${data.section}`);
    if (data.keyFact) expect(text).toContain(`${data.keyFact.label} ${data.keyFact.value}`);
  }
  for (const tier of content.retention.data.tiers) expect(text).toContain(tier.rule);
  for (const { data } of content.documents) expect(text).toContain(data.title);
  await expect(main.locator('#contact ~ ul').getByRole('link', { name: company.contacts.security })).toHaveAttribute('href', `mailto:${company.contacts.security}`);
});

test('whitepaper has every section, word for word, with an anchor and a contents entry', async ({ page }) => {
  await page.goto('/whitepaper/');
  const text = await mainText(page);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  for (const { id, data, body } of content.whitepaper) {
    const heading = page.getByRole('heading', { name: `${data.number}${data.number.includes('.') ? '' : '.'} ${data.title}`, exact: true });
    await expect(heading).toHaveAttribute('id', id);
    await expect(contents.getByRole('link', { name: new RegExp(`^${data.number}\\.? ${data.title}$`) })).toHaveAttribute('href', `#${id}`);
    expectSentences(text, body ?? '', `whitepaper ${id}`);
  }
});

test('FAQ groups every question under its category with an anchor and the full answer', async ({ page }) => {
  await page.goto('/faq/');
  const text = await mainText(page);
  for (const { id, data, body } of content.faq) {
    await expect(page.getByRole('heading', { level: 2, name: data.category, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: data.question, exact: true })).toHaveAttribute('id', id);
    expect(text).toContain(plainText(body ?? ''));
  }
});

test('certifications page states each framework with status, target and evidence', async ({ page }) => {
  await page.goto('/certifications/');
  for (const { id, data } of content.certifications) {
    const card = page.locator(`#${id}`);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(data.framework);
    await expect(card).toContainText(data.statement);
    if (data.targetLabel) await expect(card).toContainText(data.targetLabel);
    for (const evidence of data.evidence) {
      if (evidence.url) await expect(card.getByRole('link', { name: evidence.label })).toHaveAttribute('href', evidence.url);
      else await expect(card.getByText(evidence.label, { exact: true })).toBeVisible();
    }
  }
});

test('controls list their framework ids, and each framework page lists its requirements with the controls that address them', async ({ page }) => {
  const mapped = content.controls.filter(({ data }) => data.frameworks);
  expect(mapped.length, 'the fixture maps some controls').toBeGreaterThan(0);
  await page.goto('/controls/');
  for (const { id, data } of content.controls) {
    const item = page.locator(`#control-${id}`);
    await expect(item.getByRole('link', { name: data.title, exact: true })).toHaveAttribute('href', `/whitepaper/#${data.section}`);
    // Exactly the ids the content names, each linking to its requirement's anchor; none for an unmapped control.
    const expected = frameworks.flatMap((framework) =>
      (data.frameworks?.[framework.key] ?? []).map((ref) => ({ name: displayId(framework, ref), href: `/controls/${framework.slug}/#${requirementAnchor(ref)}` })),
    );
    const links = item.getByRole('link').filter({ hasNotText: data.title });
    await expect(links).toHaveCount(expected.length);
    for (const [index, { name, href }] of expected.entries()) {
      await expect(links.nth(index)).toHaveText(name);
      await expect(links.nth(index)).toHaveAttribute('href', href);
    }
  }
  for (const framework of frameworks) {
    const addressing = (ref: string) => mapped.filter(({ data }) => data.frameworks?.[framework.key]?.includes(ref));
    const refs = [...new Set(mapped.flatMap(({ data }) => data.frameworks?.[framework.key] ?? []))];
    const response = await page.goto(`/controls/${framework.slug}/`);
    if (refs.length === 0) {
      expect(response?.status(), `${framework.slug}: no page when no control maps it`).toBe(404);
      continue;
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(framework.name);
    await expect(page.getByRole('main').locator('dt')).toHaveCount(refs.length);
    for (const ref of refs) {
      const term = page.locator(`dt#${requirementAnchor(ref)}`);
      await expect(term).toHaveText(displayId(framework, ref));
      const controls = term.locator('xpath=following-sibling::dd[1]').getByRole('link');
      await expect(controls).toHaveText(addressing(ref).map(({ data }) => data.title));
      for (const [index, control] of addressing(ref).entries()) await expect(controls.nth(index)).toHaveAttribute('href', `/controls/#control-${control.id}`);
    }
  }
});

test('sub-processor table lists every sub-processor, each with its own page', async ({ page }) => {
  // One visit per sub-processor: a long list (the awkward fixture has 40) takes longer than one page.
  test.slow();
  // The table lists who is on the list as of the build date: the change log decides, not the files.
  // It is paged (lib/subprocessors/views.ts); each page holds its part of the list in name order.
  const current = currentSubprocessors(content);
  for (const { page: number, items } of listPages([...current].sort((a, b) => new Intl.Collator('en').compare(a.data.name, b.data.name)))) {
    await page.goto(listPath(number));
    await expect(page.getByRole('main')).toContainText(`${company.noticePeriodDays} days' notice`);
    const table = page.getByRole('table', { name: 'Current sub-processors' });
    await expect(table.getByRole('row')).toHaveCount(items.length + 1);
    for (const { id, data } of items) {
      // By its link: the name cell also says when a change is ahead of it.
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: data.name, exact: true }) });
      await expect(row).toContainText(data.purpose);
      await expect(row.getByRole('link', { name: data.name })).toHaveAttribute('href', `/subprocessors/${id}/`);
    }
  }
  for (const { id, data } of content.subprocessors) {
    await page.goto(`/subprocessors/${id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.name);
    const text = await mainText(page);
    expect(text).toContain(normalise(data.purpose));
    if (data.legalEntity) expect(text).toContain(normalise(data.legalEntity));
    if (data.retentionNote) expect(text).toContain(normalise(data.retentionNote));
    for (const category of data.dataCategories) expect(text).toContain(normalise(category));
    await expect(page.getByRole('link', { name: data.website })).toHaveAttribute('href', data.website);
  }
});

test('documents page links each document and says how to request the others', async ({ page }) => {
  await page.goto('/documents/');
  for (const { data } of content.documents) {
    await expect(page.getByRole('heading', { level: 2, name: data.title, exact: true })).toBeVisible();
    if (data.access === 'external') await expect(page.getByRole('link', { name: data.title })).toHaveAttribute('href', data.url);
    if (data.access === 'page') await expect(page.getByRole('link', { name: data.title })).toHaveAttribute('href', data.path);
    if (data.access === 'on-request') {
      const address = company.contacts[data.contact] ?? company.contacts.general;
      await expect(page.getByRole('link', { name: `Request it from ${address}` }).first()).toHaveAttribute('href', new RegExp(`^mailto:${address}\\?subject=`));
    }
  }
});

test('security page says where to report a concern', async ({ page }) => {
  await page.goto('/security/');
  await expect(page.getByRole('main').getByRole('link', { name: company.contacts.security })).toHaveAttribute('href', `mailto:${company.contacts.security}`);
  if (company.securityReportingNote) await expect(page.getByRole('main')).toContainText(company.securityReportingNote);
});

test('every page has the site name, navigation, footer facts, a canonical URL and Open Graph tags', async ({ page }) => {
  await page.goto('/faq/');
  await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(company.name) })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FAQ' })).toHaveAttribute('aria-current', 'page');
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(company.organisationNumber);
  await expect(footer.getByRole('link', { name: company.contacts.general })).toBeVisible();
  // The pages the header has no room for are one click away from every page.
  const more = footer.getByRole('navigation', { name: 'More' });
  await expect(more.getByRole('link', { name: 'What changed' })).toHaveAttribute('href', '/changes/');
  await expect(more.getByRole('link', { name: 'Questionnaire' })).toHaveAttribute('href', '/questionnaire/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL('/faq/', process.env.SITE_URL ?? company.siteUrl).href);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /FAQ|questions/i);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/');
});

test('sub-processors page links feeds and downloads, and the change log links each change', async ({ page }) => {
  await page.goto('/subprocessors/');
  const main = page.getByRole('main');
  for (const name of ['RSS 2.0', 'Atom 1.0', 'JSON Feed 1.1', 'Calendar (iCalendar)', 'CSV (spreadsheet)', 'JSON']) {
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(main.getByRole('heading', { name: 'Upcoming changes' })).toBeVisible();
  await main.getByRole('link', { name: 'Full change log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sub-processor change log');
  for (const event of content.subprocessorChanges) {
    await expect(page.locator(`#change-${event.id}`).getByRole('link')).toHaveAttribute('href', `/subprocessors/changes/${event.id}/`);
  }
  const first = content.subprocessorChanges[0]!;
  await page.goto(`/subprocessors/changes/${first.id}/`);
  await expect(page.getByRole('main')).toContainText(/In effect since|Upcoming, effective/);
});

test('news lists every update exactly once across its archive pages, each with its own page', async ({ page }) => {
  const titles = new Map(content.updates.map(({ id, data }) => [`/updates/${id}/`, data.title]));
  // Walk the archive through its "Older updates" link (rel=next) until there is none.
  const listed: string[] = [];
  let next: string | null = '/updates/';
  while (next) {
    await page.goto(next);
    for (const link of await page.getByRole('main').getByRole('listitem').getByRole('link').all()) {
      const href = await link.getAttribute('href');
      if (!href || !titles.has(href)) continue;
      listed.push(href);
      await expect(link).toHaveAccessibleName(titles.get(href)!);
    }
    const older = page.getByRole('navigation', { name: 'Update pages' }).locator('a[rel="next"]');
    next = (await older.count()) > 0 ? await older.getAttribute('href') : null;
  }
  expect(listed.sort()).toEqual([...titles.keys()].sort());
  const first = content.updates[0]!;
  await page.goto(`/updates/${first.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.data.title);
  await expect(page.getByRole('main')).toContainText(plainText(first.body ?? '').slice(0, 60));
});
