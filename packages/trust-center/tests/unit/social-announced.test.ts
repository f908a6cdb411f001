import { afterEach, describe, expect, it } from 'vitest';
import { announceSocialImage, listenForSocialImages, type AnnouncedImage } from '../../src/lib/social/announced.ts';

describe('images announced while the pages render', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('reach the listener until it stops listening, and nothing happens when none listens', () => {
    const heard: AnnouncedImage[] = [];
    announceSocialImage({ path: '/social/faq/image.png', title: 'FAQ', language: 'en' });
    stop = listenForSocialImages((image) => heard.push(image));
    announceSocialImage({ path: '/social/nb/faq/image.png', title: 'Ofte stilte spørsmål', language: 'nb' });
    stop();
    announceSocialImage({ path: '/social/updates/image.png', title: 'News', language: 'en' });
    expect(heard).toEqual([{ path: '/social/nb/faq/image.png', title: 'Ofte stilte spørsmål', language: 'nb' }]);
  });

  it('meet on a global, so the prerender bundle’s copy of the module reaches the integration’s', () => {
    const heard: string[] = [];
    stop = listenForSocialImages((image) => heard.push(image.path));
    const listener = (globalThis as Record<symbol, unknown>)[Symbol.for('astro-trust-center.social-image-announced')];
    expect(typeof listener).toBe('function');
    (listener as (image: AnnouncedImage) => void)({ path: '/social/x/image.png', title: 'X', language: 'en' });
    expect(heard).toEqual(['/social/x/image.png']);
  });

  it('leave a newer listener in place when an older one stops', () => {
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = listenForSocialImages((image) => first.push(image.path));
    stop = listenForSocialImages((image) => second.push(image.path));
    stopFirst();
    announceSocialImage({ path: '/social/a/image.png', title: 'A', language: 'en' });
    expect(first).toEqual([]);
    expect(second).toEqual(['/social/a/image.png']);
  });
});
