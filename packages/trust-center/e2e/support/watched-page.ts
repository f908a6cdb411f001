import { test as base, type Page } from '@playwright/test';
import { headersFor } from '../../src/lib/headers.ts';

/** A page served with the hosts' headers, and what went wrong on it during the current test. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP reports. */
  errors: string[];
  /** The path of every script the page requested. */
  scripts: string[];
}

/** Playwright's default viewport for a test's own context, which each test starts from. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/**
 * `watched`: one browser page per worker, reused by every test that asks for it, cleared of the
 * previous test's findings, back at the default viewport and the light scheme. A new context and
 * page per test cost more than a page's checks; each test still loads its own document (goto), and
 * with request interception on, Chromium's cache is off, so every file is fetched and watched again.
 * A failed test ends its worker, so the next test starts on a fresh page.
 */
export const test = base.extend<{ watched: WatchedPage }, { watchedWorkerPage: WatchedPage }>({
  watchedWorkerPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const context = await browser.newContext({
        ...(baseURL ? { baseURL } : {}),
        locale: 'en-US',
        colorScheme: 'light',
        viewport: DEFAULT_VIEWPORT,
      });
      const page = await context.newPage();
      const watched: WatchedPage = { page, errors: [], scripts: [] };
      page.on('console', (message) => {
        // The location names the resource a "Failed to load resource" message is about.
        if (message.type() === 'error') watched.errors.push(`${message.text()} (${message.location().url})`);
        else if (/Content.Security.Policy/i.test(message.text())) watched.errors.push(`CSP: ${message.text()}`);
      });
      page.on('pageerror', (error) => watched.errors.push(error.message));
      page.on('request', (request) => {
        if (request.resourceType() === 'script') watched.scripts.push(new URL(request.url()).pathname);
      });
      // Serve every response with the headers the hosts send (src/lib/headers.ts), so the header
      // policy is enforced on top of the page's own <meta> policy.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const { pathname } = new URL(route.request().url());
        await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(pathname) } });
      });
      await use(watched);
      await context.close();
    },
    { scope: 'worker' },
  ],
  watched: async ({ watchedWorkerPage: watched }, use) => {
    // The previous test's document is gone before its findings are cleared, so nothing it still
    // does (a late request, a message) is counted against the next page.
    await watched.page.goto('about:blank');
    watched.errors.length = 0;
    watched.scripts.length = 0;
    await watched.page.setViewportSize(DEFAULT_VIEWPORT);
    await watched.page.emulateMedia({ colorScheme: 'light' });
    await use(watched);
  },
});
