import { z } from 'astro/zod';

/** What the lock remembers of one published change event: enough to notice any later edit. */
export const publishedEventSchema = z.strictObject({
  announced: z.iso.date().describe('The announcement date the event was published with (YYYY-MM-DD).'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest in lowercase hexadecimal')
    .describe('SHA-256 of the event’s normalised front matter and body as published.'),
});

/**
 * `content/subprocessor-changes.lock.json`: every change event that has been published, written by
 * the build and committed with the content. The build only appends to it and fails when a recorded
 * event is edited or deleted, so the published change log cannot be rewritten.
 */
export const publishedHistorySchema = z.strictObject({
  note: z.string().optional().describe('A reminder for whoever opens the file; not read by the build.'),
  events: z
    .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), publishedEventSchema)
    .describe('Published events by id (the event’s file name without `.md` or `.mdx`).'),
});

export type PublishedEvent = z.infer<typeof publishedEventSchema>;
export type PublishedHistory = z.infer<typeof publishedHistorySchema>;
