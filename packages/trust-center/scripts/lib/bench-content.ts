// A synthetic trust center for the benchmark: the real content folder multiplied by a factor.
// Sub-processors, whitepaper sections and FAQ answers are copied `factor` times (copy 1 keeps the
// original files, so the text, and hence page and PDF weight, is realistic), and a change log of
// 10 × factor events replaces the real one. Everything else (company, certifications, controls,
// updates, retention, documents) is copied as it is. The output passes the build's content rules.
// Plain Node (type stripping): no imports from src/, whose modules use extensionless imports.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** How much content one benchmark size has. */
export interface BenchCounts {
  subprocessors: number;
  sections: number;
  faq: number;
  changes: number;
}

/** The prose extensions (src/lib/content/collections.ts PROSE_EXTENSIONS; not imported, see above). */
const PROSE_EXTENSIONS = ['.md', '.mdx'];

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;
const DAY_MS = 86_400_000;

/** The days the change log spans, whatever its length: about three years of history. */
export const CHANGE_LOG_SPAN_DAYS = 1_100;

type Data = Record<string, unknown>;

interface MdxFile {
  id: string;
  /** `.md` or `.mdx`: each copy keeps its original's, so the bench builds the formats the content uses. */
  extension: string;
  data: Data;
  body: string;
}

/** The id of the `copy`-th copy of an entry: the original id for the first, then `<id>-<copy>`. */
export function copyId(id: string, copy: number): string {
  return copy === 1 ? id : `${id}-${copy}`;
}

/** Shifts a section number to the `copy`-th copy of a whitepaper with `tops` top-level sections: 2.1 → 14.1 for copy 2 of 12. */
export function copySectionNumber(number: string, copy: number, tops: number): string {
  const [top, ...rest] = number.split('.');
  return [String(Number(top) + tops * (copy - 1)), ...rest].join('.');
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** An MDX file of the content folder: its id (file name), front matter and body. */
export function readMdx(file: string): MdxFile {
  const text = readFileSync(file, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const extension = path.extname(file);
  return { id: path.basename(file, extension), extension, data: parse(match[1] ?? '') as Data, body: match[2] ?? '' };
}

function writeMdx(file: string, data: Data, body: string) {
  writeFileSync(file, `---\n${stringify(data)}---\n${body}`);
}

function folder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir)
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .sort();
}

/** One change event as data, so the caller (and the tests) can reason about it. */
export interface BenchEvent {
  id: string;
  type: 'baseline' | 'added' | 'removed' | 'updated';
  subprocessors: string[];
  announced: string;
  effective: string;
}

/**
 * A change log of `total` events over `ids` (in order) as of `today`: one baseline with the first
 * half, an addition for each of the rest (the notice period before it takes effect), removals of
 * the first quarter and updates of the second quarter of the baseline until `total` is reached.
 * Announcements are spread evenly over {@link CHANGE_LOG_SPAN_DAYS}, so the last ones are upcoming.
 */
export function changeLog(ids: string[], total: number, today: Date, noticePeriodDays: number): BenchEvent[] {
  const half = Math.ceil(ids.length / 2);
  const baseline = ids.slice(0, half);
  const additions = ids.slice(half);
  const removable = baseline.slice(0, Math.floor(half / 2));
  const updatable = baseline.slice(Math.floor(half / 2));
  const rest = total - 1 - additions.length;
  if (rest < 0 || updatable.length === 0) throw new Error(`a change log of ${total} events cannot hold ${ids.length} sub-processors`);
  const removals = Math.min(removable.length, Math.floor(rest / 3));
  const updates = rest - removals;

  const start = addDays(today, -CHANGE_LOG_SPAN_DAYS);
  // Interleave the three kinds evenly: each queue's items are placed at (i + ½) / length.
  const queue = (type: 'added' | 'removed' | 'updated', targets: string[]) =>
    targets.map((id, i) => ({ type, id, at: (i + 0.5) / targets.length }));
  const kinds = [
    ...queue('added', additions),
    ...queue('removed', removable.slice(0, removals)),
    ...queue('updated', Array.from({ length: updates }, (_, i) => updatable[i % updatable.length]!)),
  ].sort((a, b) => a.at - b.at);

  const events: BenchEvent[] = [
    { id: `${isoDate(start)}-published-list`, type: 'baseline', subprocessors: baseline, announced: isoDate(start), effective: isoDate(start) },
  ];
  kinds.forEach(({ type, id }, index) => {
    const announced = addDays(start, 1 + Math.floor(((index + 1) * (CHANGE_LOG_SPAN_DAYS - 1)) / (kinds.length + 1)));
    const lead = type === 'removed' ? 14 : noticePeriodDays;
    events.push({
      id: `${isoDate(announced)}-${type}-${id}-${index + 1}`,
      type,
      subprocessors: [id],
      announced: isoDate(announced),
      effective: isoDate(addDays(announced, lead)),
    });
  });
  return events;
}

/**
 * Writes the content of `template` multiplied by `factor` to `outDir` (emptied first), with a
 * change log of `10 × factor` events as of `today`. Returns what it wrote.
 */
export function generateBenchContent(template: string, outDir: string, factor: number, today: Date): BenchCounts {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(template)) {
    // The published-history lock belongs to the real change log, which the synthetic one replaces.
    if (['subprocessors', 'whitepaper', 'faq', 'subprocessor-changes', 'subprocessor-changes.lock.json'].includes(name)) continue;
    cpSync(path.join(template, name), path.join(outDir, name), { recursive: true });
  }
  for (const name of ['subprocessors', 'whitepaper', 'faq', 'subprocessor-changes']) mkdirSync(path.join(outDir, name));

  // Sub-processors: copy c of "aws" is "aws-c", named "… c" so every name is distinct.
  const subprocessorIds: string[] = [];
  for (let copy = 1; copy <= factor; copy++) {
    for (const file of folder(path.join(template, 'subprocessors'), ['.yaml'])) {
      const id = path.basename(file, '.yaml');
      const data = parse(readFileSync(path.join(template, 'subprocessors', file), 'utf8')) as Data;
      if (copy > 1) data.name = `${String(data.name)} ${copy}`;
      writeFileSync(path.join(outDir, 'subprocessors', `${copyId(id, copy)}.yaml`), stringify(data));
      subprocessorIds.push(copyId(id, copy));
    }
  }

  // Whitepaper: copy c renumbers 1–12 to 12(c−1)+1 … 12c; its subsections follow.
  const sections = folder(path.join(template, 'whitepaper'), PROSE_EXTENSIONS).map((file) => readMdx(path.join(template, 'whitepaper', file)));
  const tops = Math.max(...sections.map((s) => Number(String(s.data.number).split('.')[0])));
  for (let copy = 1; copy <= factor; copy++) {
    for (const section of sections) {
      const data: Data = { ...section.data, number: copySectionNumber(String(section.data.number), copy, tops) };
      if (copy > 1) data.title = `${String(section.data.title)} (${copy})`;
      writeMdx(path.join(outDir, 'whitepaper', `${copyId(section.id, copy)}${section.extension}`), data, section.body);
    }
  }

  const company = parse(readFileSync(path.join(template, 'company.yaml'), 'utf8')) as Data;
  const events = changeLog(subprocessorIds, 10 * factor, today, Number(company.noticePeriodDays));
  // FAQ: copy c refers to copy c of the sections and sub-processors its original names, leaving out
  // those the change log has taken off the list (or not added yet) by today, as an author must.
  const current = listedOn(events, today);
  const questions = folder(path.join(template, 'faq'), PROSE_EXTENSIONS).map((file) => readMdx(path.join(template, 'faq', file)));
  const orders = Math.max(...questions.map((q) => Number(q.data.order)));
  for (let copy = 1; copy <= factor; copy++) {
    for (const question of questions) {
      const refs = (key: string) => ((question.data[key] as string[] | undefined) ?? []).map((id) => copyId(id, copy));
      const data: Data = { ...question.data, order: Number(question.data.order) + orders * (copy - 1), sections: refs('sections'), subprocessors: refs('subprocessors').filter((id) => current.has(id)) };
      if (copy > 1) data.question = `${String(question.data.question)} (${copy})`;
      writeMdx(path.join(outDir, 'faq', `${copyId(question.id, copy)}${question.extension}`), data, question.body);
    }
  }

  for (const event of events) {
    const data: Data = { type: event.type };
    if (event.type === 'baseline') data.subprocessors = event.subprocessors;
    else data.subprocessor = event.subprocessors[0];
    data.announced = event.announced;
    data.effective = event.effective;
    if (event.type === 'updated') data.changes = [{ field: 'purpose', from: 'The purpose as first stated', to: 'The purpose as now stated' }];
    const reason =
      event.type === 'baseline'
        ? 'The sub-processor list as first published.'
        : `A synthetic ${event.type === 'added' ? 'addition' : event.type === 'removed' ? 'removal' : 'update'} for the benchmark, event ${event.id}.`;
    // The YAML writer would quote the dates as strings; the schema coerces either, but keep them bare.
    const yaml = stringify(data).replace(/^(announced|effective): "?(\d{4}-\d{2}-\d{2})"?$/gm, '$1: $2');
    writeFileSync(path.join(outDir, 'subprocessor-changes', `${event.id}.md`), `---\n${yaml}---\n\n${reason}\n`);
  }

  return { subprocessors: subprocessorIds.length, sections: sections.length * factor, faq: questions.length * factor, changes: events.length };
}

/** The ids on the list as of `today`: the baseline and additions in effect, less removals in effect. */
function listedOn(events: BenchEvent[], today: Date): Set<string> {
  const listed = new Set<string>();
  const inEffect = events.filter((event) => Date.parse(event.effective) <= today.getTime()).sort((a, b) => a.effective.localeCompare(b.effective));
  for (const event of inEffect) {
    for (const id of event.subprocessors) {
      if (event.type === 'removed') listed.delete(id);
      else if (event.type !== 'updated') listed.add(id);
    }
  }
  return listed;
}
