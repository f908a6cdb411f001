import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validFixture } from '../helpers/fixture-content.ts';
import { buildProject, builtFixture, copyProject, packageRoot } from '../helpers/project-copy.ts';

// A site that replaces two components (the footer, wrapping the engine's own, and the status badge
// inside the engine's certification card) and whose content is German while its UI words are
// English: the built pages show the replacements, say `lang="en"` and mark the company's text `de`.
const siteConfig = (options: string) => `// @ts-check
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

export default defineConfig({
  integrations: [trustCenter(${options})],
});
`;

// The example of docs/overrides.md, word for word.
const footer = /```astro\n---\n\/\/ src\/components\/Footer\.astro\n([\s\S]*?)```/.exec(readFileSync(path.join(packageRoot, '../../docs/overrides.md'), 'utf8'))![1]!.replace(/^/, '---\n');

const badge = `---
import type { ComponentProps } from 'astro/types';
import type EngineBadge from 'astro-trust-center/components/StatusBadge.astro';

type Props = ComponentProps<typeof EngineBadge>;
---

<span data-site-badge class="tracking-widest">{Astro.props.status}</span>
`;

const files = {
  'company.yaml': validFixture['company.yaml']!.replace('languages: [en]', 'languages: [de, en]'),
};

const { project, dist } = builtFixture(files, '2026-11-27', 300_000);
mkdirSync(path.join(project, 'src'), { recursive: true });
writeFileSync(path.join(project, 'src/Footer.astro'), footer);
writeFileSync(path.join(project, 'src/Badge.astro'), badge);
writeFileSync(path.join(project, 'astro.config.mjs'), siteConfig(`{ components: { SiteFooter: './src/Footer.astro', StatusBadge: 'src/Badge.astro' } }`));

const pages = ['index.html', 'whitepaper/index.html', 'faq/index.html', 'certifications/index.html', 'subprocessors/index.html', 'search/index.html', '404.html'];

describe('component overrides', () => {
  it("puts the site's footer on every page, around the engine's own", () => {
    for (const page of pages) {
      const html = dist(page);
      expect(html, page).toContain('<p data-site-footer>Security: <a href="mailto:security@example.com">security@example.com</a></p>');
      // The engine's footer is still there, inside the replacement.
      expect(html.match(/<footer/g), page).toHaveLength(1);
    }
  });

  it("replaces a component the engine uses inside another (the certification card's status)", () => {
    for (const page of ['index.html', 'certifications/index.html']) expect(dist(page), page).toContain('<span data-site-badge class="tracking-widest">in-progress</span>');
  });
});

describe("the site's own classes", () => {
  it("generate CSS from a replacement's Tailwind classes (engine components use no tracking-widest), and no class from outside the site and the engine", () => {
    const css = readdirSync(path.join(project, 'dist/_astro'))
      .filter((file) => file.endsWith('.css'))
      .map((file) => readFileSync(path.join(project, 'dist/_astro', file), 'utf8'))
      .join('\n');
    expect(css).toMatch(/\.tracking-widest\s*\{/);
    // The copy's node_modules links every installed package; a scan of them found classes like these.
    expect(css).not.toMatch(/\.(invisible|isolate|container)\s*\{/);
  });
});

describe('page language', () => {
  it('says the UI words’ language on <html>, and the company’s language on its own text', () => {
    for (const page of pages) expect(dist(page), page).toMatch(/^<!DOCTYPE html><html lang="en"/i);
    // Whitepaper: each section title and body.
    const whitepaper = dist('whitepaper/index.html');
    expect(whitepaper).toMatch(/<h2 id="overview" lang="de"/);
    expect(whitepaper).toMatch(/<h3 id="encryption" lang="de"/);
    expect(whitepaper.match(/<div lang="de" class="prose/g)).toHaveLength(2);
    // FAQ: the category, the question and the answer.
    const faq = dist('faq/index.html');
    expect(faq).toMatch(/<h2 id="[^"]+" lang="de"[^>]*>\s*Data\s*</);
    expect(faq).toMatch(/<h3 id="where" lang="de"/);
    expect(faq).toMatch(/<div lang="de" class="prose[^>]*>\s*<p>In Frankfurt\.<\/p>/);
    // UI words are not marked: the navigation has no lang of its own.
    expect(dist('index.html')).not.toMatch(/<(nav|header|footer)[^>]* lang=/);
  });
});

describe('option mistakes stop the build in one line', () => {
  it.each([
    [`{ components: { Footer: './src/Footer.astro' } }`, /^trustCenter\(\): option components\.Footer: is not a component a site can replace \(it can replace: SiteHeader, /m],
    [`{ components: { SiteFooter: './src/Nope.astro' } }`, /^trustCenter\(\): option components\.SiteFooter: \.\/src\/Nope\.astro does not exist \(looked for .*\/src\/Nope\.astro\)$/m],
  ])('%s', async (options, line) => {
    const copy = copyProject();
    try {
      writeFileSync(path.join(copy, 'astro.config.mjs'), siteConfig(options));
      const { failed, output } = await buildProject(copy, { BUILD_DATE: '2026-11-27' });
      expect(failed).toBe(true);
      expect(output).toMatch(line);
      expect(output.match(/trustCenter\(\): option/g)).toHaveLength(1);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
