/**
 * The components content may use in MDX bodies: facts that live in the company file, so that a
 * changed address or notice period changes everywhere at once instead of being retyped.
 *
 * This table is the allowlist the content check enforces (mdx-policy.ts) and the list of
 * components every page, feed and PDF passes to `<Content components={…} />`
 * (src/components/content/index.ts must provide exactly these names, which TypeScript checks).
 * It is plain data so the check can run before Astro starts.
 */

/** The contact kinds of company.yaml (`contacts.general`, …), in the order the README lists them. */
export const contactKinds = ['general', 'security', 'privacy'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** What a component accepts: each prop with its allowed values, and whether it may wrap text. */
export interface ComponentSpec {
  /** Props and their allowed literal values; `required` props must be written. */
  props: Record<string, { values: readonly string[]; required: boolean }>;
  /** Whether the component may have content between its tags (its link text). */
  children: boolean;
  /** How it is written and what it renders, for messages and the README. */
  usage: string;
}

export const contentComponentSpecs = {
  /** A mailto link to one of the company's contact addresses, showing the address. */
  Contact: {
    props: { kind: { values: contactKinds, required: true } },
    children: false,
    usage: '<Contact kind="security" />',
  },
  /** A link to the Data Processing Agreement (`dpaUrl`); shows the address unless given link text. */
  DpaLink: {
    props: {},
    children: true,
    usage: '<DpaLink /> or <DpaLink>link text</DpaLink>',
  },
  /** The notice period for new sub-processors (`noticePeriodDays`), as "30 days". */
  NoticePeriod: {
    props: {},
    children: false,
    usage: '<NoticePeriod />',
  },
} as const satisfies Record<string, ComponentSpec>;

export type ContentComponentName = keyof typeof contentComponentSpecs;

/** The text <DpaLink /> shows for an address: without scheme, `www.` or trailing slash ("example.com/legal"). */
export function addressText(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
}

export const contentComponentNames = Object.keys(contentComponentSpecs) as ContentComponentName[];

export function isContentComponent(name: string): name is ContentComponentName {
  return Object.hasOwn(contentComponentSpecs, name);
}

/**
 * Lowercase HTML elements content may use, for what Markdown cannot say: an abbreviation with its
 * expansion, a line break inside a paragraph, keyboard keys, super- and subscript. Each may carry
 * only the attributes below. Everything else has a Markdown form (links, images, emphasis, lists,
 * tables) or has no place in a trust center's text.
 */
export const allowedElements = ['abbr', 'br', 'kbd', 'sub', 'sup'] as const;

/** The only attributes an allowed element may carry: plain text, no addresses, no styling. */
export const allowedElementAttributes = ['title', 'lang', 'dir'] as const;
