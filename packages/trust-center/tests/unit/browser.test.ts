import { describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE, resolveBrowser } from '../../src/lib/browser.ts';

const present = (...files: string[]) => (file: string) => files.includes(file);
const candidates = ['/usr/bin/chromium', '/usr/bin/google-chrome'];

describe('resolveBrowser', () => {
  it('prefers CHROMIUM_PATH over everything else', () => {
    const found = resolveBrowser({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      playwrightPath: () => '/pw/chrome',
      exists: present('/opt/chrome/chrome', '/pw/chrome', '/usr/bin/chromium'),
      candidates,
    });
    expect(found).toMatchObject({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('fails loudly when CHROMIUM_PATH points nowhere instead of falling back', () => {
    expect(() => resolveBrowser({ env: { CHROMIUM_PATH: '/nowhere' }, exists: present('/usr/bin/chromium'), candidates })).toThrow(
      `CHROMIUM_PATH is set to "/nowhere", but no file is there. ${NO_BROWSER_MESSAGE}`,
    );
  });

  it("uses Playwright's own browser before the system's", () => {
    const found = resolveBrowser({ env: {}, playwrightPath: () => '/pw/chrome', exists: present('/pw/chrome', '/usr/bin/chromium'), candidates });
    expect(found).toMatchObject({ executablePath: '/pw/chrome', source: 'playwright' });
  });

  it("falls back to the system's Chromium when Playwright has not downloaded one", () => {
    const found = resolveBrowser({ env: {}, playwrightPath: () => '/pw/chrome', exists: present('/usr/bin/google-chrome'), candidates });
    expect(found).toMatchObject({ executablePath: '/usr/bin/google-chrome', source: 'system' });
  });

  it('takes the system’s headless shell before its full Chromium', () => {
    const found = resolveBrowser({ env: {}, playwrightPath: () => undefined, exists: present('/usr/bin/chromium', '/usr/bin/chromium-headless-shell') });
    expect(found).toMatchObject({ executablePath: '/usr/bin/chromium-headless-shell', source: 'system' });
  });

  it('says how to get a browser when there is none', () => {
    expect(() => resolveBrowser({ env: {}, playwrightPath: () => undefined, exists: present(), candidates })).toThrow(NO_BROWSER_MESSAGE);
  });
});
