import { describe, expect, it } from 'vitest';
import { defaultFavicon, themeTokens } from '../../src/lib/brand/brand.ts';
import type { Certification } from '../../src/schemas/certification.ts';
import {
  hexColour,
  ICONS,
  socialColours,
  socialImageFor,
  socialImageKey,
  socialImageTitle,
  STATUS_MAX,
  statusLine,
  truncate,
  webManifest,
} from '../../src/lib/social/images.ts';
import { cardHtml, iconHtml } from '../../src/lib/social/render.ts';

const cert = (framework: string, status: Certification['status'], order: number): Certification => ({ framework, kind: 'certification', status, order, statement: `${framework} statement`, evidence: [] });
const company = { hostingRegion: { provider: 'AWS', region: 'Dublin', country: 'IE' } };

describe('which image a page uses', () => {
  it('gives every bounded page its own image, named by its path', () => {
    expect(socialImageFor('/')).toEqual({ path: '/social/image.png' });
    expect(socialImageFor('/faq/')).toEqual({ path: '/social/faq/image.png' });
    expect(socialImageFor('/subprocessors/acme/')).toEqual({ path: '/social/subprocessors/acme/image.png' });
    expect(socialImageFor('/controls/iso-27001')).toEqual({ path: '/social/controls/iso-27001/image.png' });
    expect(socialImageFor('/404.html')).toEqual({ path: '/social/404/image.png' });
    const pages = ['/', '/faq/', '/subprocessors/', '/subprocessors/acme/', '/subprocessors/acme-2/', '/certifications/', '/404/'];
    expect(new Set(pages.map((page) => socialImageFor(page).path)).size).toBe(pages.length);
  });

  it('gives the pages of an unbounded section the section’s one image', () => {
    for (const page of ['/updates/', '/updates/2/', '/updates/2026-11-01-news-item/']) expect(socialImageFor(page)).toEqual({ path: '/social/updates/image.png', shared: 'updates' });
    for (const page of ['/changes/', '/changes/7/']) expect(socialImageFor(page)).toEqual({ path: '/social/changes/image.png', shared: 'changes' });
    for (const page of ['/subprocessors/changes/', '/subprocessors/changes/3/', '/subprocessors/changes/2026-01-05-acme-added/']) {
      expect(socialImageFor(page)).toEqual({ path: '/social/subprocessors/changes/image.png', shared: 'subprocessorChanges' });
    }
    for (const page of ['/subprocessors/category/infrastructure/', '/subprocessors/location/de/2/', '/subprocessors/transfer/sccs/']) {
      expect(socialImageFor(page)).toEqual({ path: '/social/subprocessors-views/image.png', shared: 'subprocessorViews' });
    }
    // A sub-processor whose id merely starts like a section is not in it.
    expect(socialImageFor('/subprocessors/changes-inc/').shared).toBeUndefined();
  });

  it('titles a shared image by its section and any other by its page', () => {
    expect(socialImageTitle(socialImageFor('/updates/12/'), 'Updates, page 12')).toBe('News');
    expect(socialImageTitle(socialImageFor('/changes/'), 'What changed')).toBe('What changed');
    expect(socialImageTitle(socialImageFor('/faq/'), 'Frequently asked questions')).toBe('Frequently asked questions');
  });
});

describe('truncate', () => {
  it('leaves a short text as it is, with its spaces tidied', () => {
    expect(truncate('  Sub-processors\n list ', 90)).toBe('Sub-processors list');
  });

  it('cuts a long text to the limit with an ellipsis, at a word when one is near', () => {
    const cut = truncate('Frequently asked questions about the security of the platform and everything else', 40);
    expect(cut).toBe('Frequently asked questions about the…');
    expect([...cut].length).toBeLessThanOrEqual(40);
  });

  it('cuts a single long compound inside the word, never beyond the limit', () => {
    const cut = truncate('Datenschutzfolgenabschätzungsverfahrensbeschreibungsdienstleistungen', 20);
    expect(cut).toBe('Datenschutzfolgenab…');
  });

  it('counts and keeps emoji and combined letters whole', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(`${family.repeat(10)}`, 5);
    expect(cut).toBe(`${family.repeat(4)}…`);
  });
});

describe('statusLine', () => {
  it('states each certification with its status in the content’s order, then the data location', () => {
    const line = statusLine([cert('SOC 2 Type II', 'planned', 2), cert('ISO 27001', 'in-progress', 1)], company);
    expect(line).toBe('ISO 27001: In progress · SOC 2 Type II: Planned · Data hosted in Ireland');
  });

  it('leaves out expired certifications, and states only the data location when nothing else is stated', () => {
    expect(statusLine([cert('ISO 9001', 'expired', 1)], company)).toBe('Data hosted in Ireland');
    expect(statusLine([], { hostingRegion: { provider: 'Hetzner', region: 'Falkenstein', country: 'DE' } })).toBe('Data hosted in Germany');
  });

  it('stays within its limit and always keeps the data location', () => {
    const many = Array.from({ length: 8 }, (_, i) => cert(`Framework number ${i} with a long official name`, 'certified', i));
    const line = statusLine(many, company);
    expect(line.length).toBeLessThanOrEqual(STATUS_MAX);
    expect(line.startsWith('Framework number 0 with a long official name: Certified · ')).toBe(true);
    expect(line.endsWith(' · Data hosted in Ireland')).toBe(true);
    const huge = statusLine([cert('A'.repeat(300), 'certified', 1)], company);
    expect(huge.length).toBeLessThanOrEqual(STATUS_MAX);
    expect(huge).toMatch(/^A+… · Data hosted in Ireland$/);
  });
});

describe('the image HTML and its cache key', () => {
  const card = { company: 'Ærø & <Co>', title: '<script>alert(1)</script> “quoted”', status: 'ISO 27001: Certified', mark: defaultFavicon(), markIsLogo: false, ...socialColours(themeTokens()), language: 'en' };

  it('shows markup-looking text as text', () => {
    const html = cardHtml(card);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ærø &amp; &lt;Co&gt;');
    // The mark goes in as an image, where an SVG runs no script.
    expect(html).toMatch(/<img class="mark" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="">/);
  });

  it('keys an image by the renderer and everything it shows', () => {
    const html = cardHtml(card);
    const key = socialImageKey('renderer-1', html);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(socialImageKey('renderer-1', cardHtml({ ...card }))).toBe(key);
    expect(socialImageKey('renderer-2', html)).not.toBe(key);
    expect(socialImageKey('renderer-1', cardHtml({ ...card, status: 'ISO 27001: Expired' }))).not.toBe(key);
    expect(socialImageKey('renderer-1', cardHtml({ ...card, accent: '#123456' }))).not.toBe(key);
    expect(socialImageKey('renderer-1', iconHtml(card.mark, 32, false, card.surface))).not.toBe(socialImageKey('renderer-1', iconHtml(card.mark, 180, true, card.surface)));
  });
});

describe('the web app manifest', () => {
  it('names the site, its icons and the theme’s colours as hex', () => {
    const manifest = JSON.parse(webManifest('Acme Trust Center', 'Acme', 'en', socialColours(themeTokens(), { light: { accent: 'oklch(50% 0.2 300)', onAccent: '#fff' }, dark: { accent: '#fff', onAccent: '#000' } })));
    expect(manifest).toMatchObject({ name: 'Acme Trust Center', short_name: 'Acme', lang: 'en', start_url: '/', background_color: '#ffffff' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.theme_color).toBe(hexColour('oklch(50% 0.2 300)'));
    expect(manifest.icons).toEqual([
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ]);
    expect(ICONS.map((icon) => icon.path)).toContain('/apple-touch-icon.png');
  });

  it('refuses a colour it cannot parse', () => {
    expect(() => hexColour('not-a-colour')).toThrow(/not a CSS colour/);
  });
});
