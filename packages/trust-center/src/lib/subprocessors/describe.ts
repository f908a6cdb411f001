import { useTranslations } from '../../i18n/index.ts';
import type { Subprocessor } from '../../schemas/subprocessor.ts';
import { formatDate } from '../format.ts';
import { escapeHtml } from '../html.ts';
import { isUpcoming, objectionDeadline, subprocessorsOf, type ChangeEvent } from './changes.ts';
import { fieldLabel, fieldValue, subprocessorFacts, type FieldValue } from './facts.ts';

const t = useTranslations();

/** The headline of a change, as the log, its permalink page, feeds and the calendar show it. */
export function changeTitle(event: ChangeEvent, names: Map<string, string>): string {
  if (event.data.type === 'baseline') return t.changes.itemTitle('baseline', t.changes.baselineCount(subprocessorsOf(event).length));
  const id = event.data.subprocessor ?? '';
  return t.changes.itemTitle(event.data.type, names.get(id) ?? id);
}

/** "Upcoming, effective 27 December 2026" or "In effect since 27 November 2026": always with its date. */
export function changeState(event: ChangeEvent, today: Date): string {
  const date = formatDate(event.data.effective);
  return isUpcoming(event, today) ? t.changes.upcomingState(date) : t.changes.inForceState(date);
}

const list = (rows: { label: string; value: string }[]) =>
  `<ul>${rows.map((row) => `<li><strong>${escapeHtml(row.label)}:</strong> ${escapeHtml(row.value)}</li>`).join('')}</ul>`;

/**
 * A change as self-contained HTML for feed readers: the dates, the objection deadline, every
 * sub-processor it concerns with its facts, the fields that changed, and the reason.
 */
export function changeHtml(event: ChangeEvent, subprocessors: Map<string, Subprocessor>, reasonHtml: string): string {
  const c = t.changes;
  const deadline = objectionDeadline(event);
  const dates = [
    { label: c.announced, value: formatDate(event.data.announced) },
    { label: c.effective, value: formatDate(event.data.effective) },
    ...(deadline ? [{ label: c.objectBy, value: formatDate(deadline) }] : []),
  ];
  const parts = [list(dates)];
  for (const id of subprocessorsOf(event)) {
    const entry = subprocessors.get(id);
    if (entry) parts.push(`<h3>${escapeHtml(entry.name)}</h3>`, list(subprocessorFacts(entry)));
  }
  if (event.data.changes?.length) {
    parts.push(
      `<h3>${escapeHtml(c.changedFields)}</h3>`,
      list(event.data.changes.map((change) => ({ label: fieldLabel(change.field), value: changedValue(change) }))),
    );
  }
  parts.push(`<h3>${escapeHtml(c.reason)}</h3>`, reasonHtml);
  return parts.join('\n');
}

/** One changed field's values in words, as the change page's table and the feeds show them: "Before → After". */
export function changedValue(change: { field: string; from: FieldValue; to: FieldValue }): string {
  return `${fieldValue(change.field, change.from)} → ${fieldValue(change.field, change.to)}`;
}
