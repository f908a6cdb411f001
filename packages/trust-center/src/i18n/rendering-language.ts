// The rendering language on its own, without the UI words: lib/format.ts reads it too, and the
// search page's script bundles that module, so importing the words here would bundle them there.

interface LanguageStorage {
  run<R>(language: string, callback: () => R): R;
  getStore(): string | undefined;
}

/**
 * The language a page renders in, for the whole of its rendering (every component, data helper and
 * formatter it calls): Node's AsyncLocalStorage, kept on globalThis so that every copy of this
 * module in the server bundle shares one. Absent where there is no Node (a browser bundle).
 */
function languageStorage(): LanguageStorage | undefined {
  const key = Symbol.for('astro-trust-center.rendering-language');
  const holder = globalThis as { [key]?: LanguageStorage };
  if (holder[key]) return holder[key];
  const hooks = globalThis.process?.getBuiltinModule?.('node:async_hooks') as typeof import('node:async_hooks') | undefined;
  if (!hooks) return undefined;
  return (holder[key] = new hooks.AsyncLocalStorage<string>());
}

/** Runs a page's rendering in a language (middleware.ts). */
export function renderInLanguage<R>(language: string, render: () => R): R {
  const storage = languageStorage();
  return storage ? storage.run(language, render) : render();
}

/** The language of the page being rendered, if one is. */
export function renderingLanguage(): string | undefined {
  return languageStorage()?.getStore();
}
