import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';

let container: AstroContainer | undefined;

/** An MDX entry's body as an HTML string, for feeds, which cannot hold components. */
export async function entryHtml(entry: CollectionEntry<'subprocessorChanges' | 'updates'>): Promise<string> {
  container ??= await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const { Content } = await render(entry);
  return (await container.renderToString(Content)).trim();
}
