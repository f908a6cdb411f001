#!/usr/bin/env node
// trust-center <command>: the engine's commands, run from the site's folder (its npm scripts call them).
const commands: Record<string, { script: string; about: string }> = {
  dev: { script: './dev.ts', about: 'run the dev server (astro dev) so that it stops with this command, also through npm' },
  check: { script: './check-content.ts', about: 'check the content folder against every schema and rule (no build)' },
  build: { script: './build.ts', about: 'build the site into dist/, replacing it only when every step passed' },
  bench: { script: './bench.ts', about: 'measure build time and memory for today\'s content and larger synthetic ones' },
  lighthouse: { script: './lighthouse.ts', about: 'run Lighthouse over the built site\'s page templates' },
  translations: { script: './translations.ts', about: 'show where each translation stands; --stamp FILE records the source version it translates' },
  headers: { script: './write-headers.ts', about: 'write the static hosts\' header files from the one policy' },
};

const [commandName, ...rest] = process.argv.slice(2);
const command = commandName ? commands[commandName] : undefined;
if (!command) {
  console.error(`usage: trust-center <command> [options]\n${Object.entries(commands).map(([n, c]) => `  ${n.padEnd(11)}${c.about}`).join('\n')}`);
  process.exit(commandName ? 1 : 0);
}
// Each command reads its own arguments from process.argv, as when it ran on its own.
process.argv = [process.argv[0]!, command.script, ...rest];
await import(command.script);

export {};
