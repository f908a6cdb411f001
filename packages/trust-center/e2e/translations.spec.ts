import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { getMeta } from 'unpdf';
import { languageNames, translations as words } from '../src/i18n/index.ts';
import { generatedPdfs, pdfPath } from '../src/lib/pdf/documents.ts';
import { openPdf, outline } from '../src/lib/pdf/inspect.ts';
import { sitemapLanguages, sitemapPaths } from './support/content.ts';
import { distDir, readDist, fileForPath } from './support/dist.ts';

// A translated site's editions, judged on the built output: every page has its twin in every
// language (both sitemaps' ways), says its language, names its twins (hreflang, both ways), and its
// switcher lands on the twin; each translation's PDFs are tagged, have outlines and say their language.

const paths = sitemapPaths();
const languages = sitemapLanguages(paths);
const source = paths.filter((p) => !languages.some((language) => p.startsWith(`/${language}/`)));
const twin = (p: string, language: string) => `/${language}${p}`;

test.skip(languages.length === 0, 'the site has no translation');

for (const language of languages) {
  test(`every page has its ${language} twin in the sitemap and the other way round`, () => {
    const translated = paths.filter((p) => p.startsWith(`/${language}/`));
    expect(translated.map((p) => p.slice(language.length + 1)).sort()).toEqual([...source].sort());
  });

  test(`every ${language} page says its language and names its twins both ways (hreflang, x-default), as the source's pages do`, () => {
    for (const p of source) {
      const sourceHead = readDist(fileForPath(p));
      const translatedHead = readDist(fileForPath(twin(p, language)));
      expect(translatedHead, twin(p, language)).toMatch(new RegExp(`<html lang="${language}"`));
      for (const head of [sourceHead, translatedHead]) {
        const alternates = Object.fromEntries([...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], new URL(m[2]!).pathname]));
        expect(alternates[language], p).toBe(twin(p, language));
        expect(alternates['x-default'], p).toBe(p);
        expect(Object.values(alternates).filter((value) => value === p).length, p).toBe(2);
      }
    }
  });

  test(`the sitemap lists each page's ${language} twin beside it`, () => {
    const xml = readFileSync(path.join(distDir, 'sitemap-0.xml'), 'utf8');
    for (const p of source.slice(0, 20)) {
      const entry = new RegExp(`<url><loc>[^<]*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</loc>(.*?)</url>`).exec(xml)?.[1] ?? '';
      expect(entry, p).toContain(`hreflang="${language}" href="`);
      expect(entry, p).toMatch(new RegExp(`hreflang="${language}" href="[^"]*${twin(p, language).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    }
  });

  test(`the language switcher works without JavaScript and lands on the twin, both ways (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const p of ['/', '/faq/', '/subprocessors/', source.find((candidate) => candidate.startsWith('/updates/') && candidate !== '/updates/') ?? '/updates/']) {
      await page.goto(p);
      await page.getByRole('banner').getByRole('link', { name: languageNames[language as keyof typeof languageNames] }).click();
      await expect(page).toHaveURL(new RegExp(`${twin(p, language).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // Links of the translated page stay in its edition.
      await expect(page.getByRole('banner').getByRole('navigation', { name: words[language as keyof typeof words].nav.label }).getByRole('link').first()).toHaveAttribute('href', `/${language}/`);
      await page.getByRole('banner').getByRole('link', { name: languageNames.en }).click();
      await expect(page).toHaveURL(new RegExp(`${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
    await context.close();
  });

  for (const pdf of generatedPdfs) {
    test(`${twin(pdfPath(pdf), language)} is tagged, has an outline and says it is in ${language}`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(distDir, twin(pdfPath(pdf), language))));
      const { info } = (await getMeta(bytes.slice())) as { info: Record<string, string> };
      expect(info.Language).toBe(language);
      const document = await openPdf(bytes);
      expect(((await document.getMarkInfo()) as { Marked?: boolean } | null)?.Marked).toBe(true);
      expect(await (await document.getPage(1)).getStructTree()).not.toBeNull();
      expect((await outline(document)).length).toBeGreaterThan(0);
      // Its contents are in the language: the UI words of its table of contents.
      const titles = JSON.stringify(await outline(document));
      expect(titles).toContain(words[language as keyof typeof words].pdf.contents);
      // Its links work as the source's do: as many lead inside the PDF, and those leaving it go to the translation's pages.
      const source = await openPdf(new Uint8Array(readFileSync(path.join(distDir, pdfPath(pdf)))));
      const [translatedLinks, sourceLinks] = [await links(document), await links(source)];
      expect(translatedLinks.internal).toBe(sourceLinks.internal);
      const site = new URL(sourceLinks.external.find((url) => url.startsWith('http')) ?? 'https://x.invalid/').origin;
      for (const url of translatedLinks.external.filter((candidate) => candidate.startsWith(site))) {
        const target = new URL(url).pathname;
        if (paths.includes(target) || paths.includes(`/${language}${target}`)) expect(target, url).toMatch(new RegExp(`^/${language}/`));
      }
      await source.loadingTask.destroy();
      await document.loadingTask.destroy();
    });
  }
}

/** A PDF's link annotations: how many jump inside it, and the addresses of those that leave it. */
async function links(document: Awaited<ReturnType<typeof openPdf>>): Promise<{ internal: number; external: string[] }> {
  let internal = 0;
  const external: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    for (const annotation of (await (await document.getPage(number)).getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
      if (annotation.subtype !== 'Link') continue;
      if (typeof annotation.dest === 'string') internal++;
      else if (annotation.url) external.push(annotation.url);
    }
  }
  return { internal, external };
}
