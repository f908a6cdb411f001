// Measuring one build: wall time, CPU time of the whole process tree and peak memory, sampled from
// /proc every 250 ms (a parent's rusage would miss Chromium's renderers, which are reparented when it
// closes). Used by the benchmark (scripts/bench.ts), for our builds and Starlight's alike.
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every descendant of `pid` (and itself), from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** A field of /proc/<pid>/status or smaps_rollup in bytes (kB in the file), 0 when the process is gone. */
function procKb(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Which part of the build a process is: the Node build itself, or one of Chromium's processes. */
function processKind(pid: number): string {
  try {
    // Chromium rewrites its command line into one string, so split on spaces as well.
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    if (/(^|\/)node$/.test(command[0] ?? '')) return 'node';
    const type = command.find((arg) => arg.startsWith('--type='))?.slice(7);
    const sub = command.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19);
    if (/chrom/i.test(command[0] ?? '')) return `Chromium ${type === 'utility' && sub ? sub.replace(/\.mojom\./, ' ').split(' ')[0] : (type ?? 'browser')}`;
    return command[0] ? path.basename(command[0]) : 'other';
  } catch {
    return 'other';
  }
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export interface BuildRun {
  output: string;
  seconds: number;
  peakBuildBytes: number;
  peakTreeBytes: number;
  /** The largest process of any kind (VmHWM): the Node build, or Pagefind's or Chromium's when larger. */
  peakProcessBytes: number;
  /** User + system CPU seconds of the whole process tree, sampled (Chromium's renderers are reparented when it closes, so a parent's rusage would miss them). */
  cpuSeconds: number;
  /** Sampled CPU seconds by process kind (approximate: the last 250 ms of each process are missed). */
  cpuByKind: Record<string, number>;
  /** [epoch ms, CPU seconds so far] every sample, to tell the CPU time of each step. */
  timeline: [number, number][];
  startedAt: Date;
}

/**
 * Runs `command` with `args` in `options.cwd`, sampling every 250 ms: the largest Node process's peak
 * memory (VmHWM), the largest process's of any kind, the whole tree's (PSS, so Chromium's shared pages
 * count once), and CPU time per process kind. Rejects when the command fails, with its last output.
 */
export async function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<BuildRun> {
  const { logFile } = options;
  const started = performance.now();
  const startedAt = new Date();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    });
  }
  let peakBuildBytes = 0;
  let peakProcessBytes = 0;
  let peakTreeBytes = 0;
  const cpu = new Map<number, { kind: string; seconds: number }>();
  const timeline: [number, number][] = [];
  const sample = () => {
    if (!child.pid) return;
    const tree = processTree(child.pid);
    for (const pid of tree) {
      const seen = cpu.get(pid);
      // Asked each time: /usr/bin/chromium is a shell script that becomes Chromium.
      const kind = processKind(pid);
      const hwm = procKb(`/proc/${pid}/status`, 'VmHWM');
      if (kind === 'node') peakBuildBytes = Math.max(peakBuildBytes, hwm);
      peakProcessBytes = Math.max(peakProcessBytes, hwm);
      cpu.set(pid, { kind: kind === 'other' && seen ? seen.kind : kind, seconds: Math.max(seen?.seconds ?? 0, processCpuSeconds(pid)) });
    }
    peakTreeBytes = Math.max(peakTreeBytes, tree.reduce((sum, pid) => sum + procKb(`/proc/${pid}/smaps_rollup`, 'Pss'), 0));
    timeline.push([Date.now(), [...cpu.values()].reduce((sum, { seconds }) => sum + seconds, 0)]);
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  log.end();
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the build failed (exit ${code}); its output is in ${logFile}\n${output.slice(-3000)}`);
  const cpuByKind: Record<string, number> = {};
  for (const { kind, seconds: used } of cpu.values()) cpuByKind[kind] = (cpuByKind[kind] ?? 0) + used;
  const cpuSeconds = Object.values(cpuByKind).reduce((sum, used) => sum + used, 0);
  return { output, seconds, peakBuildBytes, peakProcessBytes, peakTreeBytes, cpuSeconds, cpuByKind, timeline, startedAt };
}

