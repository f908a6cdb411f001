// The search words of the site's locale only (src/virtual-modules.ts), not every label of the site.
import s from 'virtual:trust-center/i18n/search';
import { formatDate } from '../lib/format.ts';
import {
  answersFrom,
  isSearchType,
  PAGES_PER_BATCH,
  rankPages,
  readSearchParams,
  searchHref,
  searchTerms,
  termWeights,
  type Answer,
  type PageWithHits,
  type PagefindPageData,
  type SearchType,
  type WeightedLocation,
} from '../lib/search.ts';

/** The parts of Pagefind's browser API (pagefind.js) this page uses. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindPageData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another bundle's pages (the archive of older news and changes) to every later search. */
  mergeIndex(path: string): Promise<void>;
  /** A null term with no filters lists every page in the index, without fetching any index chunk. */
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
}

/**
 * Pause in typing after which the results are refined. The page waits itself rather than using
 * pagefind.debouncedSearch, which would drop all but the last of the per-word searches.
 */
const TYPING_PAUSE_MS = 200;

interface Query {
  text: string;
  type: SearchType | undefined;
  /** Per word searched for, the pages that contain it. */
  perTerm: Map<string, PagefindResult>[];
  /** Per word searched for, how much it counts (termWeights): rare words more. */
  weights: number[];
  /** Page ids, best first, and how many of them are shown. */
  order: string[];
  loaded: number;
  shown: number;
}

/**
 * The search page: reads ?q= and ?type=, searches as the reader types, and lists answers (the
 * matching section of each page) with accessible markup of its own. Pagefind runs on the main
 * thread (no worker) and loads only the index parts a query needs.
 */
class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #totalPages: Promise<number> | undefined;
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #query: Query | undefined;
  /** Whether the archive bundle (data-archive-path) is searched too: after the reader asked for it. */
  #archiveIncluded = false;

  #part<T extends Element>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (!element) throw new Error(`site-search: ${selector} is missing`);
    return element;
  }

  get #form() {
    return this.#part<HTMLFormElement>('form');
  }
  get #input() {
    return this.#part<HTMLInputElement>('input[name="q"]');
  }
  get #status() {
    return this.#part<HTMLElement>('[data-status]');
  }
  get #list() {
    return this.#part<HTMLOListElement>('[data-results]');
  }
  get #more() {
    return this.#part<HTMLButtonElement>('[data-more]');
  }
  /** Present only when the site has older news or changes indexed apart. */
  get #archive() {
    return this.querySelector<HTMLButtonElement>('[data-archive]');
  }

  connectedCallback() {
    const form = this.#form;
    form.hidden = false;
    const { query, type } = readSearchParams(window.location.search);
    this.#input.value = query;
    const radio = form.querySelector<HTMLInputElement>(`input[name="type"][value="${type ?? ''}"]`);
    if (radio) radio.checked = true;

    this.#input.addEventListener('focus', () => void this.#load().catch(() => undefined), { once: true });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#search(), TYPING_PAUSE_MS);
    });
    form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.name === 'type') void this.#search();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    this.#more.addEventListener('click', () => void this.#show(this.#run, true));
    this.#archive?.addEventListener('click', () => void this.#includeArchive());

    if (query.trim() !== '') void this.#search();
    else this.#status.textContent = s.idle;
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const url = `${this.dataset.bundlePath ?? '/pagefind/'}pagefind.js`;
      const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      // The worker would be another script to fetch; searching this index takes milliseconds.
      await pagefind.options({ noWorker: true });
      await pagefind.init();
      return pagefind;
    })();
    return this.#pagefind;
  }

  /**
   * Searches the older news and changes too, from now on: Pagefind merges the archive bundle into the
   * one already loaded (its metadata and the chunks a word needs; the runtime is shared), and the
   * question is asked again. The archive is never fetched before the reader asks.
   */
  async #includeArchive() {
    const path = this.dataset.archivePath;
    const button = this.#archive;
    if (!path || !button || this.#archiveIncluded) return;
    button.disabled = true;
    try {
      await (await this.#load()).mergeIndex(path);
    } catch {
      this.#fail();
      return;
    }
    this.#archiveIncluded = true;
    this.#totalPages = undefined;
    button.hidden = true;
    await this.#search();
    this.#list.querySelector('a')?.focus();
  }

  /** The number of pages in the index, asked once: Pagefind lists them from the metadata it has already loaded. */
  #countPages(pagefind: Pagefind): Promise<number> {
    this.#totalPages ??= pagefind.search(null).then((all) => all?.results.length ?? 0);
    return this.#totalPages;
  }

  #type(): SearchType | undefined {
    const value = this.#form.querySelector<HTMLInputElement>('input[name="type"]:checked')?.value;
    return isSearchType(value) ? value : undefined;
  }

  async #search() {
    clearTimeout(this.#timer);
    const run = ++this.#run;
    const text = this.#input.value.trim();
    const type = this.#type();
    window.history.replaceState(null, '', searchHref(text, type));
    const terms = searchTerms(text, s.stopWords);
    if (terms.length === 0) {
      this.#query = undefined;
      this.#list.replaceChildren();
      this.#more.hidden = true;
      if (this.#archive) this.#archive.hidden = true;
      this.#status.textContent = s.idle;
      return;
    }
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch {
      this.#fail();
      return;
    }
    const options = type ? { filters: { type } } : {};
    const searches = await Promise.all(terms.map((term) => pagefind.search(term, options)));
    if (run !== this.#run) return;
    // How common each word is over the whole index, whatever the type filter: the same question
    // weighs its words the same way in every filter.
    const totalPages = await this.#countPages(pagefind);
    if (run !== this.#run) return;
    const results = searches.map((search) => search?.results ?? []);
    const weights = termWeights(
      searches.map((search, index) => search?.unfilteredResultCount ?? results[index]!.length),
      totalPages,
    );
    this.#query = {
      text,
      type,
      perTerm: results.map((list) => new Map(list.map((result) => [result.id, result]))),
      weights,
      order: rankPages(
        results.map((list) => list.map(({ id, score }) => ({ id, score }))),
        weights,
      ),
      loaded: 0,
      shown: 0,
    };
    this.#list.replaceChildren();
    await this.#show(run, false);
  }

  /** Loads the next pages, adds their answers to the list and says how many there are. */
  async #show(run: number, focusFirstNew: boolean) {
    const query = this.#query;
    if (!query) return;
    const ids = query.order.slice(query.loaded, query.loaded + PAGES_PER_BATCH);
    let pages: PageWithHits[];
    try {
      pages = await Promise.all(ids.map((id) => pageWithHits(id, query.perTerm)));
    } catch {
      if (run === this.#run) this.#fail();
      return;
    }
    if (run !== this.#run) return;
    query.loaded += ids.length;
    const answers = answersFrom(pages, query.weights);
    const items = answers.map((answer) => this.#item(answer));
    this.#list.append(...items);
    query.shown += answers.length;
    this.#more.hidden = query.loaded >= query.order.length;
    if (this.#archive) this.#archive.hidden = this.#archiveIncluded;
    const type = query.type ? s.inType(s.types[query.type]) : '';
    const help = query.shown === 0 ? ` ${s.noResultsHelp}` : '';
    const archive = this.#archiveIncluded ? s.archiveIncluded : '';
    this.#status.textContent = `${s.count(query.shown, query.text)}${type}${archive}${help}`;
    if (focusFirstNew) items[0]?.querySelector('a')?.focus();
  }

  #item(answer: Answer): HTMLLIElement {
    const item = element('li', 'py-4');
    const heading = element('h3', 'text-lg font-semibold');
    const link = element('a');
    link.href = answer.url;
    link.textContent = answer.title;
    heading.append(link);
    const context = element('p', 'mt-1 text-sm text-subtle');
    const language = document.documentElement.lang || 'en';
    context.textContent = [
      answer.type && s.types[answer.type],
      answer.title !== answer.pageTitle && answer.pageTitle,
      answer.date && `${s.dated[answer.dated ?? 'as-of']} ${formatDate(new Date(answer.date), language)}`,
    ]
      .filter(Boolean)
      .join(' · ');
    const excerpt = element('p', 'mt-1');
    for (const part of answer.excerpt) {
      if (part.marked) {
        // The browser's own <mark> colours: dark text on yellow, in light and dark mode alike.
        const mark = element('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(part.text);
      }
    }
    item.append(heading, context, excerpt);
    return item;
  }

  #fail() {
    this.#list.replaceChildren();
    this.#more.hidden = true;
    this.#status.textContent = s.failed;
    this.#part<HTMLElement>('[data-failed]').hidden = false;
  }
}

/**
 * Pagefind keeps one object per page and sets the matched places of the latest data() call on it,
 * so calls for one page wait for each other (across searches too) and each answer is copied at once.
 */
const pageQueues = new Map<string, Promise<unknown>>();
function pageData(id: string, result: PagefindResult): Promise<{ data: PagefindPageData; hits: WeightedLocation[] }> {
  const next = (pageQueues.get(id) ?? Promise.resolve()).then(async () => {
    const data = await result.data();
    return { data, hits: data.weighted_locations.map((location) => ({ ...location })) };
  });
  pageQueues.set(id, next.catch(() => undefined));
  return next;
}

/** One page's data with where each word searched for matched on it. */
async function pageWithHits(id: string, perTerm: Map<string, PagefindResult>[]): Promise<PageWithHits> {
  const answers = await Promise.all(perTerm.map((results) => results.get(id)).map((result) => (result ? pageData(id, result) : undefined)));
  const page = answers.find((answer) => answer !== undefined)?.data;
  if (!page) throw new Error(`site-search: no data for ${id}`);
  return { data: page, hits: answers.map((answer) => answer?.hits ?? []) };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

customElements.define('site-search', SiteSearch);
