#!/usr/bin/env node
// The `trust-center` command. The engine ships its TypeScript sources (as Astro integrations such as
// Starlight do; Vite compiles them in a build), but Node refuses to strip types from files under
// node_modules, which is where an installed engine lives. So this entry point registers a load hook
// that strips the types of the engine's own .ts files, then runs the command line (scripts/cli.ts).
import { registerHooks, stripTypeScriptTypes } from 'node:module';

const engine = new URL('../', import.meta.url).href;

// Node marks stripTypeScriptTypes experimental and says so on every run; the engine's sources are plain
// type annotations, which is what it is stable for. Other warnings still print.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => (String(warning).includes('stripTypeScriptTypes') ? undefined : emitWarning(warning, ...rest));

registerHooks({
  load(url, context, nextLoad) {
    // Outside node_modules (a workspace link, a checkout) Node strips the types itself.
    if (!url.startsWith(engine) || !url.endsWith('.ts') || !url.includes('/node_modules/')) return nextLoad(url, context);
    const loaded = nextLoad(url, { ...context, format: 'module' });
    return { ...loaded, format: 'module', source: stripTypeScriptTypes(String(loaded.source)) };
  },
});

await import('../scripts/cli.ts');
