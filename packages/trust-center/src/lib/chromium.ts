import { chromium, type Browser } from 'playwright-core';
import type { ResolvedBrowser } from './browser.ts';

/** The Chromium the build's steps share, and how many of them hold it. */
let shared: { executablePath: string; browser: Promise<Browser>; users: number } | undefined;

/**
 * One Chromium for every step of a build that draws with it (the PDFs, the social images): they
 * run side by side, and a second browser would cost a second start (about 1.5 s of CPU here) and
 * its memory. Each step takes it here and gives it back with `release`; the last one out closes
 * it, and a step that comes later starts a new one. Each step works in its own context.
 */
export async function acquireChromium(resolved: ResolvedBrowser): Promise<{ browser: Browser; release: () => Promise<void> }> {
  if (!shared || shared.executablePath !== resolved.executablePath) {
    const launching = chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
    shared = { executablePath: resolved.executablePath, browser: launching, users: 0 };
    // A launch that fails is not kept for the next step to inherit.
    const failed = shared;
    launching.catch(() => {
      if (shared === failed) shared = undefined;
    });
  }
  const held = shared;
  held.users++;
  let browser: Browser;
  try {
    browser = await held.browser;
  } catch (error) {
    held.users--;
    throw error;
  }
  let released = false;
  return {
    browser,
    release: async () => {
      if (released) return;
      released = true;
      held.users--;
      if (held.users > 0) return;
      if (shared === held) shared = undefined;
      await browser.close();
    },
  };
}
