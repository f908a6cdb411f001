import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** The Chromium every browser task uses (end-to-end tests now, PDFs later), and how it was found. */
export interface ResolvedBrowser {
  executablePath: string;
  /** Where it came from, for logs: the environment variable, Playwright's download, or the system. */
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
  /** Flags that keep a headless Chromium quiet and offline-safe on any machine. */
  args: string[];
}

/**
 * Common names of a system Chromium or Chrome on Linux and macOS. Chromium's headless shell
 * (Debian's `chromium-headless-shell`) comes first: it is the same engine without the desktop
 * browser around it, and prints and draws the build's PDFs and images in about two thirds of the
 * time (a clean build of eight PDFs: 11.0–12.4 s against 16.2–18.0 s).
 */
export const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The headless shell hints glyph outlines by default and the full browser does not, which moves
  // line breaks (a 30-page PDF became 31). Without hinting both lay text out alike, and print the
  // same PDFs byte for byte, so which of the two a machine has does not change a document.
  '--font-render-hinting=none',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium found: set CHROMIUM_PATH to a Chromium or Chrome executable, or run "npx playwright install chromium", or install the system package (Debian/Ubuntu: "apt-get install chromium-headless-shell").';

interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** Where Playwright would put its own browser; injectable for tests. */
  playwrightPath?: () => string | undefined;
  exists?: (file: string) => boolean;
  candidates?: string[];
}

/**
 * Finds Chromium in this order: CHROMIUM_PATH, Playwright's own browser, the system's.
 * Throws one line saying how to get one when none is found.
 */
export function resolveBrowser(options: ResolveOptions = {}): ResolvedBrowser {
  const { env = process.env, exists = existsSync, candidates = SYSTEM_CANDIDATES } = options;
  const playwrightPath = options.playwrightPath ?? defaultPlaywrightPath;
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    const resolved = path.resolve(fromEnv);
    if (!exists(resolved)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there. ${NO_BROWSER_MESSAGE}`);
    return { executablePath: resolved, source: 'CHROMIUM_PATH', args: BROWSER_ARGS };
  }
  const bundled = playwrightPath();
  if (bundled && exists(bundled)) return { executablePath: bundled, source: 'playwright', args: BROWSER_ARGS };
  const system = candidates.find((candidate) => exists(candidate));
  if (system) return { executablePath: system, source: 'system', args: BROWSER_ARGS };
  throw new Error(NO_BROWSER_MESSAGE);
}

/**
 * Playwright's own headless shell when it downloaded one (`npx playwright install chromium` brings
 * both, and Playwright itself launches the shell for headless runs), else its full Chromium.
 */
function defaultPlaywrightPath(): string | undefined {
  return playwrightHeadlessShell() ?? playwrightChromium();
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright throws when its browser registry has no entry for this platform.
    return undefined;
  }
}

function playwrightHeadlessShell(): string | undefined {
  try {
    // Not a documented API: Playwright's registry, which its package exports. Anything unexpected
    // there falls back to the full Chromium above.
    const core = createRequire(import.meta.url)('playwright-core/lib/coreBundle') as {
      registry?: { registry?: { findExecutable?: (name: string) => { executablePath?: () => string | undefined } | undefined } };
    };
    const shell = core.registry?.registry?.findExecutable?.('chromium-headless-shell')?.executablePath?.();
    return shell && existsSync(shell) ? shell : undefined;
  } catch {
    return undefined;
  }
}
