import { displayId } from '../../data/frameworks/index.ts';
import { useTranslations } from '../../i18n/index.ts';
import type { FrameworkMapping, MappedControl } from '../frameworks.ts';
import type { StatedChange } from '../history/stated-changes.ts';
import type { DiffPart } from '../history/word-diff.ts';
import { frameworksText, type QuestionnaireRow } from '../questionnaire/rows.ts';
import { controlAnchor } from '../search-records.ts';
import { questionnaireDomains } from '../../schemas/questionnaire.ts';
import { mdLink, mdText } from './markdown.ts';

const t = useTranslations();

/**
 * The Markdown twins of /questionnaire/, /controls/ and /changes/ as pure functions of the data the
 * pages render (twin-pages.ts reads it from the content), so hostile values can be tested without
 * a build. Every content value goes through mdText or mdLink.
 */

/** What every twin here needs besides its data. */
export interface TwinSite {
  /** The company's name, as the page's intro words it. */
  company: string;
  /** A site path as an absolute URL (a twin is read away from the site). */
  url: (path: string) => string;
  /** A date in the words the page shows it. */
  date: (date: Date) => string;
}

/** `/questionnaire.md`: per domain each question, its answer or "Not stated", its sources as links and its framework ids. */
export function questionnaireTwin(rows: readonly QuestionnaireRow[], site: TwinSite): string {
  const q = t.questionnaire;
  const notStated = rows.filter((row) => row.answer === undefined).length;
  const domains = questionnaireDomains.flatMap((domain) => {
    const items = rows.filter((row) => row.domain === domain);
    if (items.length === 0) return [];
    const questions = items.map((row) => {
      const sources = row.sources.map((source) => mdLink(source.label, site.url(source.path)));
      const frameworks = frameworksText(row.frameworks);
      return [
        `### ${mdText(row.question)}`,
        row.answer === undefined ? `**${mdText(q.notStated)}**` : mdText(row.answer),
        ...(sources.length > 0 ? [`${mdText(q.sources)}: ${sources.join(' · ')}`] : []),
        ...(frameworks ? [`${mdText(q.frameworks)}: ${mdText(frameworks)}`] : []),
      ].join('\n\n');
    });
    return [`## ${mdText(q.domains[domain])}`, ...questions];
  });
  return [
    `# ${mdText(q.title)}`,
    mdText(q.intro(site.company)),
    mdText(q.summary(rows.length - notStated, notStated)),
    `${mdText(q.downloads)}: ${mdLink(q.xlsx, site.url('/questionnaire.xlsx'))} · ${mdLink(q.csv, site.url('/questionnaire.csv'))}`,
    ...domains,
  ].join('\n\n');
}

/** What the controls twin needs of a control: the mapping's fields and where the whitepaper states it. */
export interface TwinControl extends MappedControl {
  data: MappedControl['data'] & { section: string };
}

/**
 * `/controls.md`: /controls/ and every /controls/<framework>/ page in one file, in the page's order:
 * per framework its requirements with the controls addressing each, then every control by category
 * with its framework ids. One twin stands for the framework pages too (they are the same mapping cut
 * by framework), so the list of twins stays one per main page.
 */
export function controlsTwin(groups: readonly { name: string; items: readonly TwinControl[] }[], mappings: readonly FrameworkMapping<TwinControl>[], site: TwinSite): string {
  const f = t.frameworks;
  const byFramework =
    mappings.length === 0
      ? [mdText(f.none)]
      : mappings.flatMap(({ framework, groups: requirementGroups, addressed, total, controls }) => [
          `### ${mdText(framework.name)}`,
          `${mdText(`${f.summary(addressed, total, controls)}. ${f.version} ${framework.version}.`)} ${mdText(f.source)}: ${mdLink(`${framework.source.publisher}, ${framework.source.title}`, framework.source.url)} · ${mdLink(framework.name, site.url(`/controls/${framework.slug}/`))}`,
          ...requirementGroups.map(
            (group) =>
              `#### ${mdText(group.label)}\n\n${group.requirements
                .map(
                  (requirement) =>
                    `- **${mdText(displayId(framework, requirement.id))}**: ${requirement.controls.map((control) => mdLink(control.data.title, site.url(`/controls/#${controlAnchor(control.id)}`))).join(', ')}`,
                )
                .join('\n')}`,
          ),
        ]);
  const all = groups.map(
    (group) =>
      `### ${mdText(group.name)}\n\n${group.items
        .map((control) => {
          const ids = frameworksText(control.data.frameworks);
          return `- ${mdLink(control.data.title, site.url(`/whitepaper/#${control.data.section}`))}${ids ? `: ${mdText(ids)}` : ''}`;
        })
        .join('\n')}`,
  );
  return [`# ${mdText(f.title)}`, mdText(f.intro(site.company)), `## ${mdText(f.byFramework)}`, ...byFramework, `## ${mdText(f.allControls)}`, ...all].join('\n\n');
}

/** The most words a side of a change may have for the twin to show it; a longer edit is left to the page. */
export const SHORT_CHANGE_WORDS = 12;

/**
 * A revision's words as "removed → added" when the edit is one short change (one stretch of removed
 * and/or added words, only spaces unchanged inside it, each side at most SHORT_CHANGE_WORDS words, no
 * Markdown or MDX syntax in it); undefined otherwise, and for an added or removed item, whose whole
 * text is the change.
 */
export function shortChange(parts: readonly DiffPart[] | undefined): string | undefined {
  if (!parts) return undefined;
  const first = parts.findIndex((part) => part.kind !== 'same');
  const last = parts.findLastIndex((part) => part.kind !== 'same');
  if (first === -1) return undefined;
  // One change: between its first and last changed part only whitespace is unchanged (the diff matches the spaces between two replaced words).
  const change = parts.slice(first, last + 1);
  if (change.some((part) => part.kind === 'same' && part.text.trim() !== '')) return undefined;
  // The whole text changed: an added or removed item, or a rewrite.
  if (!parts.some((part) => part.kind === 'same' && part.text.trim() !== '')) return undefined;
  const side = (left: DiffPart['kind']) => change.filter((part) => part.kind !== left).map((part) => part.text).join('').replace(/\s+/g, ' ').trim();
  const removed = side('added');
  const added = side('removed');
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  if (words(removed) > SHORT_CHANGE_WORDS || words(added) > SHORT_CHANGE_WORDS) return undefined;
  // The diff is of the source: an edit touching a link, a component or emphasis would show its syntax ("<DpaLink />"), not what the page reads.
  if (/[<>{}[\]()`*_|~\\]/.test(removed + added)) return undefined;
  const r = t.revisions;
  if (removed === '') return `${r.added} “${added}”`;
  if (added === '') return `${r.removed} “${removed}”`;
  return `“${removed}” → “${added}”`;
}

/**
 * `/changes.md`: the first page of /changes/ (the newest changes), each with its date, kind, title
 * and link, a news item's summary and a short edit's words; the line saying since when the history
 * is known, the feeds, and the next page when there is one.
 */
export function changesTwin(changes: readonly StatedChange[], known: string, olderPage: string | undefined, site: TwinSite): string {
  const r = t.revisions;
  const items = changes.map((change) => {
    const facts = [r.kinds[change.kind], change.action ? r.actions[change.action] : undefined, site.date(change.date)].filter(Boolean).join(' · ');
    const words = shortChange(change.parts);
    const details = [change.summary, words].filter((text): text is string => Boolean(text?.trim()));
    return `- ${mdLink(change.title, site.url(change.path))}: ${mdText(`${facts}.`)}${details.map((text) => ` ${mdText(text)}`).join('')}`;
  });
  const feeds = [
    mdLink(t.changes.rss, site.url('/changes/feed.xml')),
    mdLink(t.changes.atom, site.url('/changes/atom.xml')),
    mdLink(t.changes.json, site.url('/changes/feed.json')),
  ];
  return [
    `# ${mdText(r.title)}`,
    mdText(r.intro),
    mdText(known),
    `${mdText(t.updates.subscribe)}: ${feeds.join(' · ')}`,
    ...(items.length > 0 ? [items.join('\n')] : []),
    ...(olderPage ? [mdLink(r.older, site.url(olderPage))] : []),
  ].join('\n\n');
}
