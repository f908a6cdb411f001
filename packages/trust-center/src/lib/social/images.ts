import { isTranslation, splitLanguage } from '../../i18n/editions.ts';
import { createHash } from 'node:crypto';
import { useTranslations } from '../../i18n/index.ts';
import type { Certification } from '../../schemas/certification.ts';
import type { Company } from '../../schemas/company.ts';
import type { ResolvedAccent, ThemeTokens } from '../brand/brand.ts';
import { parseCssColor } from '../brand/contrast.ts';
import { countryName } from '../format.ts';

/**
 * Social preview images (Open Graph, Twitter cards) and the icons: which image a page uses, the text
 * the image shows, and the key a rendered image is cached under. Pure functions; the rendering is
 * in render.ts, the build step in integrations/social-images.ts (docs/social-previews.md).
 */

/** The size of every preview image, as Open Graph and the large Twitter card expect. */
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** Where the preview images are written in the output. */
export const SOCIAL_IMAGE_PREFIX = '/social/';

/** The file name of each image, inside the folder its page's path names. */
const IMAGE_FILE = 'image.png';

/** The icons rendered from the brand favicon: site path, size in pixels, and whether the background is opaque. */
export const ICONS = [
  // The PNG fallback of /favicon.svg, for browsers and tools that read no SVG icon; transparent like the SVG.
  { path: '/favicon.png', size: 32, opaque: false },
  // iOS draws a transparent touch icon on black; an opaque background keeps the mark readable.
  { path: '/apple-touch-icon.png', size: 180, opaque: true },
  // The sizes a web app manifest is expected to name.
  { path: '/icon-192.png', size: 192, opaque: true },
  { path: '/icon-512.png', size: 512, opaque: true },
] as const;

/** The web app manifest's path. */
export const MANIFEST_PATH = '/manifest.webmanifest';

/**
 * Sections whose pages are unbounded in number (news items and their archive pages, the change
 * history, the sub-processor change log, the filtered views of the sub-processor list, one per
 * category, country and transfer mechanism): all their pages share the section's one image, so a
 * site with thousands of news items renders one image for them, not thousands. Longest prefix first.
 */
export const SHARED_SECTIONS = [
  { prefix: '/subprocessors/changes/', section: 'subprocessorChanges' },
  { prefix: '/subprocessors/category/', section: 'subprocessorViews' },
  { prefix: '/subprocessors/location/', section: 'subprocessorViews' },
  { prefix: '/subprocessors/transfer/', section: 'subprocessorViews' },
  { prefix: '/updates/', section: 'updates' },
  { prefix: '/changes/', section: 'changes' },
] as const;

export type SharedSection = (typeof SHARED_SECTIONS)[number]['section'];

/** Where each shared section's image lives, under SOCIAL_IMAGE_PREFIX. */
const SHARED_FOLDERS: Record<SharedSection, string> = {
  subprocessorChanges: 'subprocessors/changes/',
  // Not under subprocessors/: a sub-processor with the id "views" has its own image there.
  subprocessorViews: 'subprocessors-views/',
  updates: 'updates/',
  changes: 'changes/',
};

/** The image a page uses: its site path, and the section it shares with when it shares one. */
export interface SocialImageRef {
  /** The image's path on the site, for example `/social/faq/image.png`. */
  path: string;
  /** The shared section, when the page is one of an unbounded collection's pages. */
  shared?: SharedSection;
}

/**
 * The image of the page at `pathname` (as Astro.url gives it): a page of a shared section gets the
 * section's image; any other page its own, in a folder named by its path (so no two pages collide).
 */
export function socialImageFor(pathname: string): SocialImageRef {
  const page = `/${pathname.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '')}/`.replace(/^\/\/$/, '/');
  // A translation's pages share their section's image the same way, in the translation's folder.
  const { language, path: sourcePage } = splitLanguage(page);
  const shared = SHARED_SECTIONS.find(({ prefix }) => sourcePage.startsWith(prefix));
  const folder = isTranslation(language) ? `${language}/` : '';
  if (shared) return { path: `${SOCIAL_IMAGE_PREFIX}${folder}${SHARED_FOLDERS[shared.section]}${IMAGE_FILE}`, shared: shared.section };
  return { path: `${SOCIAL_IMAGE_PREFIX}${page.slice(1)}${IMAGE_FILE}` };
}

/** The title an image shows: the section's name for a shared image, else the page's own title. */
export function socialImageTitle(ref: SocialImageRef, pageTitle: string, locale?: string): string {
  const t = useTranslations(locale);
  return ref.shared ? t.social.sections[ref.shared] : pageTitle;
}

/** A title longer than this many characters (graphemes) is cut, with an ellipsis. */
export const TITLE_MAX = 90;
/** The status line is cut at this many characters. */
export const STATUS_MAX = 110;

/**
 * Cuts `text` to at most `max` graphemes, at a word boundary when one is near, and ends it with an
 * ellipsis. Counts graphemes, so an emoji or a letter with its accents is never split.
 */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean)].map((part) => part.segment);
  if (graphemes.length <= max) return clean;
  const head = graphemes.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  // Cut at the last space unless that drops more than a fifth of the room (one long German compound).
  const cut = space > head.length * 0.8 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:·–—-]+$/u, '')}…`;
}

/**
 * The status line: certifications in the content's order with their status, then where the content
 * says customer data is hosted. Only what the content states; expired certifications are left out (a
 * preview is no place for them without their dates). Certifications are added while the line stays
 * within STATUS_MAX, so the data location is always there; the first one is cut when even it is too long.
 */
export function statusLine(certifications: readonly Certification[], company: Pick<Company, 'hostingRegion'>, language = 'en', locale?: string): string {
  const t = useTranslations(locale);
  const separator = ' · ';
  const data = t.social.dataIn(countryName(company.hostingRegion.country, language));
  const shown: string[] = [];
  const listed = [...certifications].filter((c) => c.status !== 'expired').sort((a, b) => a.order - b.order || a.framework.localeCompare(b.framework));
  for (const c of listed) {
    const part = t.social.certification(c.framework, t.statuses[c.status]);
    const length = [...shown, part, data].join(separator).length;
    if (length <= STATUS_MAX) shown.push(part);
    else if (shown.length === 0) shown.push(truncate(part, STATUS_MAX - data.length - separator.length));
    else break;
  }
  return [...shown, data].join(separator);
}

/** Everything a preview image shows: a change to any field is a different image. */
export interface SocialCard {
  /** The company's name. */
  company: string;
  /** The page's or section's title, already cut to TITLE_MAX. */
  title: string;
  /** The status line (statusLine). */
  status: string;
  /** The mark beside the name: the logo SVG when the brand has one, else the favicon SVG. */
  mark: string;
  /** Whether the mark is a logo that spells the name (wide, drawn alone), or a mark the name is written beside (the favicon, or a logo with brand.logoIncludesName false). */
  markIsLogo: boolean;
  /** The accent colour (a CSS colour), for the band along the edge. */
  accent: string;
  /** The theme's page background, text and secondary text colours (CSS colours). */
  surface: string;
  fg: string;
  muted: string;
  /** The language of the content, for the text's shaping and hyphenation. */
  language: string;
}

/**
 * The cache key of one rendered image: a hash of the renderer (engine code, library and browser,
 * see integrations/social-images.ts) and of the HTML the image is rendered from, which holds
 * everything it shows. The same key always stands for the same bytes.
 */
export function socialImageKey(renderer: string, html: string): string {
  const hash = createHash('sha256');
  for (const [name, value] of [
    ['kind', 'social-image'],
    ['renderer', renderer],
    ['html', html],
  ] as const) {
    hash.update(`\0${name}\0${value.length}\0`).update(value);
  }
  return hash.digest('hex');
}

/** The light scheme's colours a card and the manifest use: the brand accent when given, else the theme's. */
export interface SocialColours {
  accent: string;
  surface: string;
  fg: string;
  muted: string;
}

export function socialColours(tokens: ThemeTokens, accent?: ResolvedAccent): SocialColours {
  const token = (name: string) => tokens.light[name] ?? '#000';
  return { accent: accent?.light.accent ?? token('--tc-accent'), surface: token('--tc-surface'), fg: token('--tc-fg'), muted: token('--tc-muted') };
}

/** A CSS colour as #rrggbb: the manifest's colours are read by tools that know no oklch(). */
export function hexColour(value: string): string {
  const parsed = parseCssColor(value);
  if (!parsed.ok) throw new Error(`social images: ${parsed.reason}`);
  return parsed.color.to('srgb').toString({ format: 'hex', collapse: false });
}

/** The web app manifest: the site's name, its icons and the theme's colours (W3C Web Application Manifest). */
export function webManifest(siteName: string, shortName: string, language: string, colours: SocialColours): string {
  const manifest = {
    name: siteName,
    short_name: shortName,
    lang: language,
    start_url: '/',
    scope: '/',
    // A website that stays in the browser: nothing in it works as an installed app.
    display: 'browser',
    theme_color: hexColour(colours.accent),
    background_color: hexColour(colours.surface),
    icons: ICONS.filter((icon) => icon.path.startsWith('/icon-')).map((icon) => ({ src: icon.path, sizes: `${icon.size}x${icon.size}`, type: 'image/png' })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
