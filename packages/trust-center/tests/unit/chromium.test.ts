import { describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/lib/browser.ts';
import { acquireChromium } from '../../src/lib/chromium.ts';

describe('acquireChromium (the build’s one Chromium)', () => {
  it('gives steps that overlap the same browser, closes it when the last lets go, and starts a new one after', async () => {
    const resolved = resolveBrowser();
    const [pdfs, images] = await Promise.all([acquireChromium(resolved), acquireChromium(resolved)]);
    expect(images.browser).toBe(pdfs.browser);
    await pdfs.release();
    await pdfs.release(); // twice is once
    expect(images.browser.isConnected()).toBe(true);
    await images.release();
    expect(images.browser.isConnected()).toBe(false);
    const later = await acquireChromium(resolved);
    expect(later.browser).not.toBe(pdfs.browser);
    await later.release();
  }, 60_000);

  it('fails for each step when the browser cannot start, and does not keep the failed start', async () => {
    const broken = { ...resolveBrowser(), executablePath: '/nonexistent/chromium' };
    await expect(acquireChromium(broken)).rejects.toThrow();
    await expect(acquireChromium(broken)).rejects.toThrow();
  }, 60_000);
});
