import { markdownToMdast } from 'satteri';

// Markdown read back with a Markdown parser (Sätteri, the one Astro's MDX uses), never with the
// engine's own code: a value must come back as the same text, in the node it was put in.

/** The parts of an mdast node the tests read. */
export interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: MarkdownNode[];
}

/** The Markdown's syntax tree. */
export const parseMarkdown = (markdown: string) => markdownToMdast(markdown) as MarkdownNode;

/** A node's text as a reader sees it: its text and inline code, without the markup. */
export const markdownText = (node: MarkdownNode): string =>
  node.type === 'text' || node.type === 'inlineCode' ? (node.value ?? '') : (node.children ?? []).map(markdownText).join('');
