// npm run bench -- --peer [0 1000 5000] [--rounds=1] [--word=data] [--keep]
//
// Our site and a Starlight site with the same content (scripts/lib/peer-site.ts; Starlight installed
// with npm into the temporary folder, never a dependency of this repository), built one after the
// other, alternating, at today's size and with extra pages (scripts/lib/bench-extra-pages.ts). At
// today's size three builds each in both orders (medians); at the larger sizes `--rounds` each (one
// by default: each build there takes a minute or more). Every build is clean: a fresh copy of our
// project (PDF cache off), Starlight's dist/ and caches deleted.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBuildLog } from './bench-report.ts';
import { corpusWords, extraPages, writeExtraUpdates } from './bench-extra-pages.ts';
import type { BuildRun } from './measure.ts';
import { measure } from './measure.ts';
import { firstQueryBytes } from './pagefind-bytes.ts';
import { PAGES_PER_BATCH } from '../../src/lib/search.ts';
import { firstQueryLine, loadAverages, peerBuildsTable, peerSummaryTable, singleBuildSizes, sizeLabel, type PeerBuild, type Site } from './peer-report.ts';
import { contentLanguages, extraPeerPage, peerPages, STARLIGHT_VERSION, writeDocs, writePeerSite } from './peer-site.ts';

/** What the peer benchmark needs from the main one (scripts/bench.ts). */
export interface PeerContext {
  /** The measured site (the folder `npm run bench` runs in). */
  root: string;
  /** The temporary folder everything is written to. */
  work: string;
  today: Date;
  keep: boolean;
  /** Copies the project without content, node_modules linked (its caches its own). */
  copyProject(dir: string): void;
  /** Builds our project in `dir` from `contentDir`, measured, PDF cache off. */
  buildOurs(dir: string, contentDir: string, logFile: string): Promise<BuildRun>;
}

/** Builds at today's size: three each, so that each site builds first and second. */
const BASE_ROUNDS = 3;

const load = () => loadAverages(readFileSync('/proc/loadavg', 'utf8'));

function countHtml(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

export async function runPeerBench(context: PeerContext, args: string[]): Promise<void> {
  const { root, work, today } = context;
  const extras = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
  if (extras.length === 0) extras.push(0, 1_000, 5_000);
  const rounds = Number(/^--rounds=(\d+)$/.exec(args.find((a) => a.startsWith('--rounds=')) ?? '')?.[1] ?? 1);
  const word = args.find((a) => a.startsWith('--word='))?.slice(7) ?? 'data';
  const astroVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;

  // Starlight's project: written and installed once; its builds only delete outputs and caches.
  // Every edition ours builds: the source language's pages and each translation's (a locale each).
  const contentRoot = path.join(root, 'content');
  const { source: sourceLanguage, translations: languages } = contentLanguages(contentRoot);
  const sourcePages = peerPages(contentRoot);
  const pages = [...sourcePages, ...languages.flatMap((language) => peerPages(contentRoot, language))];
  const company = sourcePages.find((p) => p.file === 'index.md')!.data.title as string;
  // Starlight in the system's temporary folder, away from this workspace's node_modules: it resolves only what it installed.
  const starlight = mkdtempSync(path.join(tmpdir(), 'trust-bench-starlight-'));
  writePeerSite(starlight, company, pages, astroVersion, sourceLanguage, languages);
  if (languages.length > 0) console.log(`Both sites build an edition per language: ${[sourceLanguage, ...languages].join(', ')} (Starlight: a locale each; extra pages exist in ${sourceLanguage} only, and both render them in every edition).`);
  console.log(`Installing Starlight ${STARLIGHT_VERSION} with Astro ${astroVersion} in ${starlight}…`);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: starlight, stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`npm install of Starlight failed (exit ${install.status})`);

  // The words of the extra pages: the whitepaper's, as both sites show them.
  const words = corpusWords(sourcePages.filter((p) => p.file.startsWith('whitepaper/')).map((p) => p.body));
  const builds: PeerBuild[] = [];
  const firstQuery: string[] = [];
  let order = 0;

  for (const extra of extras) {
    const extraList = extraPages(extra, words, today);
    const contentDir = path.join(work, `content-peer-${extra}`);
    rmSync(contentDir, { recursive: true, force: true });
    cpSync(path.join(root, 'content'), contentDir, { recursive: true });
    writeExtraUpdates(contentDir, extraList);
    rmSync(path.join(starlight, 'src/content/docs/pages'), { recursive: true, force: true });
    writeDocs(starlight, extraList.map(extraPeerPage));
    const count = extra === 0 ? BASE_ROUNDS : rounds;
    console.log(`\n${sizeLabel(extra)}: ${pages.length + extra * (1 + languages.length)} Starlight pages from ${extra} extra; ${count} build${count === 1 ? '' : 's'} each…`);

    for (let round = 0; round < count; round++) {
      // Alternate who goes first, across sizes too, so neither site always builds on a warmer machine.
      const sites: Site[] = order % 4 === 0 ? ['ours', 'starlight'] : ['starlight', 'ours'];
      for (const site of sites) {
        order += 1;
        const loadBefore = load();
        const logFile = path.join(work, `build-${order}-${site}-${extra}.log`);
        let run: BuildRun;
        let dist: string;
        let pdfSeconds: number | undefined;
        if (site === 'ours') {
          const project = path.join(work, `ours-${order}`);
          context.copyProject(project);
          run = await context.buildOurs(project, contentDir, logFile);
          pdfSeconds = parseBuildLog(run.output).pdfSeconds;
          dist = path.join(project, 'dist');
        } else {
          for (const stale of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(path.join(starlight, stale), { recursive: true, force: true });
          run = await measure(process.execPath, [path.join(starlight, 'node_modules/astro/bin/astro.mjs'), 'build'], {
            cwd: starlight,
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
            logFile,
          });
          dist = path.join(starlight, 'dist');
        }
        const build: PeerBuild = {
          site,
          extra,
          order,
          seconds: run.seconds,
          cpuSeconds: run.cpuSeconds,
          cpuByKind: run.cpuByKind,
          peakProcessBytes: run.peakProcessBytes,
          peakTreeBytes: run.peakTreeBytes,
          pages: countHtml(dist),
          ...(pdfSeconds === undefined ? {} : { pdfSeconds }),
          loadBefore,
          loadAfter: load(),
        };
        builds.push(build);
        console.log(
          `#${order} ${site === 'ours' ? 'ours     ' : 'Starlight'} ${sizeLabel(extra)}: ${build.pages} pages, ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, load ${loadBefore} → ${build.loadAfter}`,
        );
        // The first query at the largest size, from the last build of each site there.
        if (extra === Math.max(...extras) && round === count - 1) {
          let result: { bytes: number; files: number } | string;
          try {
            result = existsSync(path.join(dist, 'pagefind')) ? firstQueryBytes(path.join(dist, 'pagefind'), word, site === 'ours' ? PAGES_PER_BATCH : 5) : 'no pagefind/ folder';
          } catch (error) {
            // An index format this reader does not know must not cost the run its tables.
            result = `not computed: ${(error as Error).message}`;
          }
          firstQuery.push(firstQueryLine(site, word, result));
        }
        // After every build, so that a run cut short still has what it measured.
        writeFileSync(path.join(work, 'peer-results.json'), JSON.stringify({ builds, firstQuery }, null, 2));
        if (site === 'ours' && !context.keep) rmSync(path.dirname(dist), { recursive: true, force: true });
      }
    }
    if (!context.keep) rmSync(contentDir, { recursive: true, force: true });
  }

  console.log(`\nSide by side with Starlight ${STARLIGHT_VERSION} (Astro ${astroVersion} both); medians; ratio = ours / Starlight's:\n\n${peerSummaryTable(builds)}`);
  const single = singleBuildSizes(builds);
  if (single.length > 0) console.log(`\nAt ${single.map(sizeLabel).join(' and ')}: one build each, not a median (each takes a minute or more; --rounds=3 for medians).`);
  console.log(`\nEvery build, in order, with the load averages (1, 5, 15 min) before and after:\n\n${peerBuildsTable(builds)}`);
  if (firstQuery.length > 0) {
    console.log(`\nFirst query at ${sizeLabel(Math.max(...extras))} (compressed bytes from pagefind/: pagefind.js, entry, wasm, meta, the index chunks for the word, the fragments of the pages the search page loads first: ours ${PAGES_PER_BATCH}, Starlight's 5; computed from the files, no browser):`);
    for (const line of firstQuery) console.log(`  ${line}`);
  }
  if (!context.keep) rmSync(starlight, { recursive: true, force: true });
}
