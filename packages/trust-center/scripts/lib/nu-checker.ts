// The Nu HTML Checker (v.Nu, the W3C validator's engine) over the built site. It parses pages
// as browsers do and follows the HTML standard's conformance rules, so it catches what
// html-validate's rules do not (a script after </html> is a fatal "Stray start tag" for it).
// It is a Java program, shipped as vnu.jar by the vnu-jar package.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Java 11 is the oldest runtime vnu.jar runs on. */
export const MIN_JAVA = 11;

export const NO_JAVA_MESSAGE =
  'The Nu HTML Checker needs Java 11 or newer and none was found: install a Java runtime (Debian/Ubuntu: "apt-get install default-jre-headless"), put "java" on the PATH or set JAVA_HOME.';

/** What running a command returned; injectable so the resolver is tested without Java. */
type Run = (command: string, args: string[]) => { status: number | null; output: string; error?: Error };

const runCommand: Run = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, ...(result.error ? { error: result.error } : {}) };
};

/** The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function javaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** The Java to run vnu.jar with: JAVA_HOME's, else `java` on the PATH. Throws one line when there is none or it is too old. */
export function findJava(env: NodeJS.ProcessEnv = process.env, run: Run = runCommand): string {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = run(java, ['-version']);
  if (result.error || result.status !== 0) throw new Error(NO_JAVA_MESSAGE);
  const major = javaMajor(result.output);
  if (major !== undefined && major < MIN_JAVA) throw new Error(`${java} is Java ${major}. ${NO_JAVA_MESSAGE}`);
  return java;
}

/** One message of the checker's JSON output. */
export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/**
 * Warnings that are not problems of the pages, each with the reason. Anything else the checker
 * reports, error or warning, fails the check.
 */
export const ACCEPTED_WARNINGS: { pattern: RegExp; page?: RegExp; reason: string }[] = [
  {
    pattern: /^Resource violates Content Security Policy \(meta tag\): (external (stylesheet|script) .*|image “\/(?!\/)[^”]*”) blocked by .(style|script|img)-src. directive\.$/,
    reason:
      "the checker reads files, which have no origin, so 'self' matches nothing (an image only when it is a path on the site itself); the browser tests load every page over HTTP with the policy applied and fail on any violation",
  },
  {
    pattern: /^Section lacks heading\./,
    // The list's pages (/subprocessors/, /subprocessors/2/) and its filtered views (/subprocessors/<facet>/<value>/, and their pages).
    page: /\/subprocessors\/(?:\d+\/|(?:category|location|transfer)\/[^/]+\/(?:\d+\/)?)?index\.html$/,
    reason:
      'the sub-processor table scrolls inside a <section> named by the table caption (aria-labelledby), the pattern for a keyboard-scrollable region; html-validate prefers <section> over role="region"',
  },
  {
    pattern: /^This document appears to be written in \S+ but the “html” start tag has “lang="[^"]+"”/,
    reason:
      "a guess from the text: the pages' own words (navigation, labels) are in the engine's one interface language, which <html lang> states, while a company may write its content in another (the awkward fixture's is German); the company's own text carries its own lang attribute (bodies, section and question headings), which the guess does not weigh",
  },
];

/** The messages that fail the check: every error, and every warning not accepted above. */
export function problems(messages: NuMessage[]): NuMessage[] {
  return messages.filter((message) => {
    if (message.type !== 'info') return true;
    if (message.subType !== 'warning') return false;
    return !ACCEPTED_WARNINGS.some(({ pattern, page }) => pattern.test(message.message) && (!page || page.test(message.url ?? '')));
  });
}

/** One line per message: file (relative to `dir`), line and column, kind, text. */
export function formatMessage(message: NuMessage, dir: string): string {
  const file = message.url?.startsWith('file:') ? path.relative(dir, new URL(message.url).pathname) : (message.url ?? '?');
  const kind = message.type === 'info' ? (message.subType ?? 'info') : message.subType === 'fatal' ? 'fatal error' : message.type;
  return `${file}:${message.lastLine ?? 0}:${message.lastColumn ?? 0} ${kind}: ${message.message}`;
}

/** Runs vnu.jar over every .html file under `dir` and returns all its messages. */
export function checkHtml(dir: string, java: string = findJava(), run: Run = runCommand): NuMessage[] {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const result = run(java, ['-jar', jar, '--format', 'json', '--skip-non-html', '--exit-zero-always', dir]);
  if (result.error || result.status !== 0) throw new Error(`the Nu HTML Checker did not run (exit ${result.status}): ${result.error?.message ?? result.output.slice(0, 2000)}`);
  // With --format json the report is the one JSON object printed; Java may print notices around it.
  const start = result.output.indexOf('{"');
  const report = JSON.parse(result.output.slice(start, result.output.lastIndexOf('}') + 1)) as { messages: NuMessage[] };
  return report.messages;
}
