/** One generated change event, kept as data so tests can compute what the site must show. */
export interface GeneratedEvent {
  id: string;
  type: 'added' | 'removed' | 'updated';
  subprocessor: string;
  announced: string;
  effective: string;
}

const DAY = 86_400_000;
const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);

/**
 * A trust center with a long change history as of `today` (2026-06-15): 24 additions a week apart
 * (the last ones still upcoming), removals (one upcoming) and updates, on top of the minimal fixture.
 */
export function manyChanges(): { files: Record<string, string>; events: GeneratedEvent[]; today: string } {
  const events: GeneratedEvent[] = [];
  const files: Record<string, string> = {};
  for (let i = 1; i <= 24; i++) {
    const id = `sp-${String(i).padStart(2, '0')}`;
    files[`subprocessors/${id}.yaml`] =
      `name: Provider ${String(i).padStart(2, '0')}\npurpose: Purpose ${i}\ncategory: ${i % 2 ? 'infrastructure' : 'email delivery'}\nlocations: [${i % 3 ? 'US' : 'DE'}]\ntransferMechanism: ${i % 3 ? 'sccs' : 'none'}\nwebsite: https://provider${i}.example.com\n`;
    const announced = day('2026-01-05', (i - 1) * 7);
    events.push({ id: `${announced}-add-${id}`, type: 'added', subprocessor: id, announced, effective: day(announced, 30 + (i % 3)) });
  }
  for (let i = 1; i <= 5; i++) {
    const id = `sp-${String(i).padStart(2, '0')}`;
    const announced = day('2026-05-01', i);
    events.push({ id: `${announced}-remove-${id}`, type: 'removed', subprocessor: id, announced, effective: i === 5 ? '2026-07-01' : day(announced, 10) });
  }
  for (let i = 6; i <= 9; i++) {
    const id = `sp-${String(i).padStart(2, '0')}`;
    const announced = day('2026-05-20', i);
    events.push({ id: `${announced}-update-${id}`, type: 'updated', subprocessor: id, announced, effective: day(announced, 30) });
  }
  for (const event of events) {
    const changes = event.type === 'updated' ? 'changes:\n  - field: locations\n    from: [US]\n    to: [DE]\n' : '';
    files[`subprocessor-changes/${event.id}.mdx`] =
      `---\ntype: ${event.type}\nsubprocessor: ${event.subprocessor}\nannounced: ${event.announced}\neffective: ${event.effective}\n${changes}---\n\nReason for ${event.id}.\n`;
  }
  return { files, events, today: '2026-06-15' };
}
