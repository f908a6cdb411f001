import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendants, freePort, isRunning, portIsFree, startDevServer, waitFor, type DevServer } from '../helpers/dev-server.ts';
import { copyProject, packageRoot } from '../helpers/project-copy.ts';

// The awkward fixture (30 days' notice) as of this date; its own events are valid then.
const env = { BUILD_DATE: '2026-11-27' };
const subprocessor = `name: "Neuer Dienst"
purpose: "Versand von Rechnungen"
category: "Kommunikation"
locations:
  - DE
transferMechanism: none
website: https://neuer-dienst.example
`;
const event = (effective: string) => `---
type: added
subprocessor: neuer-dienst
announced: 2026-11-27
effective: ${effective}
---

Für den Versand von Rechnungen.
`;
const noticeLine =
  "content/subprocessor-changes/2026-11-27-neuer-dienst.mdx: effective: 2026-12-07 is 10 days after the announcement on 2026-11-27; an addition needs 30 days' notice (notice-period)";

describe('the dev server reruns the content rules when a content file changes', () => {
  const project = copyProject();
  let server: DevServer;
  const messages: string[] = [];
  let socket: WebSocket | undefined;

  beforeAll(async () => {
    const port = await freePort();
    server = await startDevServer(process.execPath, [path.join(packageRoot, 'scripts/cli.ts'), 'dev', '--port', String(port), '--host', '127.0.0.1'], project, port, env);
    // Vite's client channel, as an open page has it: the overlay is an "error" message on it.
    socket = new WebSocket(`ws://127.0.0.1:${port}/`, 'vite-hmr');
    socket.addEventListener('message', (message) => messages.push(String(message.data)));
    await new Promise((resolve, reject) => {
      socket!.addEventListener('open', resolve);
      socket!.addEventListener('error', reject);
    });
  }, 180_000);
  afterAll(async () => {
    socket?.close();
    if (server) {
      process.kill(-server.child.pid!, 'SIGTERM');
      await waitFor(() => server.child.exitCode !== null || server.child.signalCode !== null, 15_000).catch(() => process.kill(-server.child.pid!, 'SIGKILL'));
    }
    rmSync(project, { recursive: true, force: true });
  });

  it('serves the valid fixture with 200', async () => {
    expect((await fetch(`${server.url}/subprocessors/`)).status).toBe(200);
  }, 60_000);

  it("answers 500 with the finding while an addition has 10 days' notice, and prints the line", async () => {
    writeFileSync(path.join(project, 'content/subprocessors/neuer-dienst.yaml'), subprocessor);
    writeFileSync(path.join(project, 'content/subprocessor-changes/2026-11-27-neuer-dienst.mdx'), event('2026-12-07'));
    // Asked at once: the change marks the check stale, so even the first request cannot get the old page.
    const page = await fetch(`${server.url}/subprocessors/`);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain(noticeLine.replace("'", '&#39;'));
    for (const address of ['/', '/subprocessors.json', '/subprocessors/changes/feed.xml']) {
      expect((await fetch(`${server.url}${address}`)).status, address).toBe(500);
    }
    await waitFor(() => server.output().split('\n').includes(noticeLine), 20_000, server.output);
    await waitFor(() => messages.some((text) => text.includes('"type":"error"') && text.includes('notice-period')), 20_000, () => messages.join('\n'));
  }, 60_000);

  it('serves 200 again once the file is fixed, says so, and reloads open pages', async () => {
    writeFileSync(path.join(project, 'content/subprocessor-changes/2026-11-27-neuer-dienst.mdx'), event('2026-12-27'));
    expect((await fetch(`${server.url}/subprocessors/`)).status).toBe(200);
    await waitFor(() => /content checked as of 2026-11-27: no errors/.test(server.output().split(noticeLine).at(-1) ?? ''), 20_000, server.output);
    await waitFor(() => messages.some((text) => text.includes('"type":"full-reload"')), 20_000, () => messages.join('\n'));
  }, 60_000);
});

describe('npm run dev stops with npm', () => {
  for (const [how, stop] of [
    ['SIGTERM to npm', (pid: number) => process.kill(pid, 'SIGTERM')],
    ['Ctrl-C (SIGINT to the terminal\'s process group)', (pid: number) => process.kill(-pid, 'SIGINT')],
  ] as const) {
    it(`frees the port and leaves no process after ${how}`, async () => {
      const project = copyProject();
      try {
        const port = await freePort();
        writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'dev-stop', private: true, type: 'module', scripts: { dev: `trust-center dev --port ${port} --host 127.0.0.1` } }));
        const server = await startDevServer('npm', ['run', 'dev'], project, port, env, 'port');
        const pid = server.child.pid!;
        const tree = descendants(pid);
        expect(tree.length, 'npm runs the script through a shell, trust-center and astro').toBeGreaterThanOrEqual(3);
        stop(pid);
        await waitFor(async () => (await portIsFree(port)) && [pid, ...tree].every((each) => !isRunning(each)), 10_000, () => `${server.output()}\nstill running: ${[pid, ...tree].filter(isRunning).join(', ')}`);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
