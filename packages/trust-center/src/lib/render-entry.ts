import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import type { CollectionEntry } from 'astro:content';
import { currentLanguage } from '../i18n/editions.ts';
import { renderLocalized as render } from './translations/localize.ts';
import { contentComponents } from '../components/content/index.ts';

let container: Promise<AstroContainer> | undefined;
// RSS, Atom and JSON Feed carry the same item bodies: each is rendered once per build, not per feed.
const rendered = new Map<string, Promise<string>>();

/** An entry's body (.md or .mdx) as an HTML string, for feeds, which cannot hold components. */
export function entryHtml(entry: CollectionEntry<'subprocessorChanges' | 'updates'>): Promise<string> {
  if (import.meta.env.DEV) return renderHtml(entry);
  const key = `${currentLanguage()}/${entry.collection}/${entry.id}`;
  let html = rendered.get(key);
  if (!html) rendered.set(key, (html = renderHtml(entry)));
  return html;
}

async function renderHtml(entry: CollectionEntry<'subprocessorChanges' | 'updates'>): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(entry);
  // The same components as the pages, so a body using <Contact /> reads the same in a feed.
  return (await (await container).renderToString(Content, { props: { components: contentComponents } })).trim();
}
