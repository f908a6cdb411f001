// The /changes/ page's one script: `?since=YYYY-MM-DD` hides the entries older than the reviewer's
// last review and says how many remain. Without JavaScript the page is whole, grouped by month
// with anchors, and the form that sets the date is hidden by CSS (`scripting: none`: it would do nothing).
import { fillStatus, shownSince, sinceFromQuery } from '../lib/history/since.ts';

class ChangesSince extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const status = this.querySelector('[role="status"]');
    if (!form || !status) return;
    const since = sinceFromQuery(location.search);
    if (since === undefined) return;
    if (since === 'invalid') {
      status.textContent = this.dataset.invalid ?? '';
      return;
    }
    const input = form.querySelector('input');
    if (input) input.value = since;
    let shown = 0;
    for (const entry of document.querySelectorAll<HTMLElement>('[data-change-date]')) {
      const visible = shownSince(entry.dataset.changeDate ?? '', since);
      entry.hidden = !visible;
      if (visible) shown++;
    }
    // A month whose every entry is hidden loses its heading too.
    for (const month of document.querySelectorAll<HTMLElement>('[data-change-month]')) {
      month.hidden = month.querySelector('[data-change-date]:not([hidden])') === null;
    }
    // The other pages of the list (pagination, months) keep the reviewer's date.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="/changes/"]')) {
      const url = new URL(link.href);
      url.searchParams.set('since', since);
      link.href = url.pathname + url.search + url.hash;
    }
    // As lib/format.ts formatDate writes dates ("1 May 2026"), without importing it: a module both
    // this page and /search/ import becomes a shared chunk, one more request on the search page.
    const language = document.documentElement.lang || 'en';
    const date = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${since}T00:00:00Z`));
    status.textContent = fillStatus((shown === 1 ? this.dataset.one : this.dataset.many) ?? '', shown, date);
  }
}

customElements.define('changes-since', ChangesSince);
