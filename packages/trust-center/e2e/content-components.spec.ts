import { expect, test } from '@playwright/test';
import type { ContactKind } from '../src/lib/content/components.ts';
import { loadContent, normalise, plainText, sentences } from './support/content.ts';

// The content components (<Contact />, <DpaLink />, <NoticePeriod />) render the company file's
// facts wherever a body appears: pages (here), PDFs (pdf.spec.ts compares them word for word) and
// feeds (here). Whatever content was built, every use is checked.
const content = loadContent();
const company = content.company.data;

const pages = [
  ...content.whitepaper.map((entry) => ({ entry, path: '/whitepaper/' })),
  ...content.faq.map((entry) => ({ entry, path: '/faq/' })),
  ...content.updates.map((entry) => ({ entry, path: `/updates/${entry.id}/` })),
  ...content.subprocessorChanges.map((entry) => ({ entry, path: `/subprocessors/changes/${entry.id}/` })),
];

test('each <Contact /> and <DpaLink /> in content is a link to the company file’s address', async ({ page }) => {
  for (const { entry, path } of pages) {
    const body = entry.body ?? '';
    const contacts = [...body.matchAll(/<Contact\s+kind="(\w+)"\s*\/>/g)].map((match) => company.contacts[match[1] as ContactKind]!);
    if (contacts.length === 0 && !/<DpaLink\b/.test(body)) continue;
    await page.goto(path);
    const main = page.getByRole('main');
    for (const address of contacts) await expect(main.locator(`a[href="mailto:${address}"]`).first(), `${entry.file}`).toHaveText(address);
    if (/<DpaLink\b/.test(body)) await expect(main.locator(`a[href="${company.dpaUrl}"]`).first(), entry.file).toBeVisible();
  }
});

test('feed items carry each body as readers see it, components rendered', async ({ request }) => {
  for (const [path, entries] of [
    ['/updates/feed.json', content.updates],
    ['/subprocessors/changes/feed.json', content.subprocessorChanges],
  ] as const) {
    const feed = (await (await request.get(path)).json()) as { items: { url: string; content_html?: string }[] };
    for (const entry of entries) {
      const html = feed.items.find((item) => item.url.endsWith(`/${entry.id}/`))?.content_html ?? '';
      expect(html, entry.file).not.toMatch(/<(?:Contact|DpaLink|NoticePeriod)\b/);
      const text = normalise(html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      for (const sentence of sentences(plainText(entry.body ?? ''))) expect(text, entry.file).toContain(normalise(sentence));
    }
  }
});
