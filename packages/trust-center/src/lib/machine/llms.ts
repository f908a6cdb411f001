import { mdLink, mdText } from './markdown.ts';

/**
 * `/llms.txt` as the llms.txt proposal (https://llmstxt.org/) describes it: an H1 with the site's
 * name, a blockquote summary, optional prose, then H2 sections each holding a list of
 * `- [name](url): notes` links; a section named "Optional" holds what a reader may skip.
 */

/** One link of a section. */
export interface LlmsLink {
  /** The link text. */
  name: string;
  /** An absolute URL. */
  url: string;
  /** One sentence on what is there; left out when empty. */
  notes?: string | undefined;
}

export interface LlmsTxt {
  /** The H1: the trust center's name. */
  title: string;
  /** The blockquote: one or two sentences. */
  summary: string;
  /** Paragraphs after the summary, before the sections. */
  prose: readonly string[];
  /** The H2 sections, in order; an empty section is left out. */
  sections: readonly { title: string; links: readonly LlmsLink[] }[];
}

/** The file's text; every content value is escaped so no name or note can break the structure. */
export function llmsTxt({ title, summary, prose, sections }: LlmsTxt): string {
  const blocks = [`# ${mdText(title)}`, `> ${mdText(summary)}`, ...prose.map((paragraph) => mdText(paragraph))];
  for (const section of sections) {
    if (section.links.length === 0) continue;
    const links = section.links.map(({ name, url, notes }) => `- ${mdLink(name, url)}${notes?.trim() ? `: ${mdText(notes)}` : ''}`);
    blocks.push(`## ${mdText(section.title)}\n\n${links.join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
