/**
 * Pages tell the social-images step which image they point to while Astro renders them, so the
 * images can be drawn during the rendering, on the core Astro's one thread leaves idle, instead of
 * after it (integrations/social-images.ts). The pages run in Astro's prerender bundle, a copy of
 * the engine's modules apart from the integration's, so the two meet on a global, as the rendering
 * language does (i18n/rendering-language.ts). Outside a build nothing listens, and nothing happens.
 */

/** An image a page names: where it is served, the title it shows and the page's language. */
export interface AnnouncedImage {
  path: string;
  title: string;
  language: string;
}

const LISTENER = Symbol.for('astro-trust-center.social-image-announced');

type Listener = (image: AnnouncedImage) => void;

function slot(): { [LISTENER]?: Listener } {
  return globalThis as { [LISTENER]?: Listener };
}

/** Called by BaseLayout for every page it renders. */
export function announceSocialImage(image: AnnouncedImage): void {
  slot()[LISTENER]?.(image);
}

/** Hears every announced image until the returned function is called. */
export function listenForSocialImages(listener: Listener): () => void {
  slot()[LISTENER] = listener;
  return () => {
    if (slot()[LISTENER] === listener) delete slot()[LISTENER];
  };
}
