import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A dev server started by a test: its process, the address it serves, and everything it printed so far. */
export interface DevServer {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether a port can be listened on again (the server that had it has let it go). */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts `command args` in `cwd` (in its own process group, as a terminal would run it) and resolves
 * once the dev server answers on `port`: with a page (`ready: 'page'`, the home page rendered), or
 * as soon as it listens (`ready: 'port'`, for tests about the process, not the pages; rendering the
 * first page in dev costs more than the rest of such a test).
 */
export async function startDevServer(command: string, args: string[], cwd: string, port: number, env: Record<string, string> = {}, ready: 'page' | 'port' = 'page'): Promise<DevServer> {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The Node running the tests first on PATH, so `npm` and the bins run on it too.
    env: { ...runnerFreeEnv(), PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  let printed = '';
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const server = { child, url, port, output: () => printed };
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`the dev server exited with ${child.exitCode}:\n${printed}`);
    if (ready === 'port') return !(await portIsFree(port));
    return (await fetch(`${url}/`).catch(() => undefined)) !== undefined;
  }, 120_000, () => printed);
  return server;
}

/**
 * The environment without what Vitest sets for itself: Astro's dev server takes VITEST to mean it
 * runs inside a test runner and serves no routes (every page 404s).
 */
function runnerFreeEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

/** Polls `condition` until it is true, failing after `timeout` ms with `context()` in the message. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeout: number, context: () => string = () => ''): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeout} ms\n${context()}`);
}

/** The pids of every process descended from `pid` (Linux: read from /proc). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the fourth field of /proc/<pid>/stat, after the command name in brackets.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while the list was read.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** Whether a process is still running (a zombie awaiting its parent counts as ended). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
