import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A minimal, valid content folder: the smallest trust center the schemas accept.
 * Tests write it to a temporary folder, then break one file at a time.
 */
export const validFixture: Record<string, string> = {
  'company.yaml': `name: Example
organisationNumber: "123 456 789"
country: "NO"
supervisoryAuthority:
  name: Example Authority
siteUrl: https://trust.example.com
description: Example makes software.
contacts:
  general: hello@example.com
  security: security@example.com
dpaUrl: https://example.com/dpa
noticePeriodDays: 30
languages: [en]
hostingRegion:
  provider: Example Cloud
  region: Frankfurt
  country: DE
`,
  'whitepaper/overview.mdx': `---
number: "1"
title: Overview
summary: What the platform is.
lastReviewed: 2026-01-01
---

Example makes software.
`,
  'whitepaper/encryption.mdx': `---
number: "1.1"
title: Encryption
summary: How data is encrypted.
lastReviewed: 2026-01-01
---

Data is encrypted.
`,
  'faq/where.mdx': `---
question: Where is my data?
category: Data
order: 1
sections: [overview]
subprocessors: [cloud]
---

In Frankfurt.
`,
  'certifications/iso.yaml': `framework: ISO/IEC 27001:2022
kind: certification
status: in-progress
order: 1
statement: Started.
target: 2026-12-31
`,
  'controls.yaml': `- id: tls
  title: Encryption in transit
  category: Encryption
  statement: Data is encrypted.
  section: encryption
`,
  'questionnaire.yaml': `- id: tls
  domain: encryption
  question: Is data encrypted?
  answer: Data is encrypted.
  sources:
    controls: [tls]
- id: insurance
  domain: certifications
  question: Do you hold cyber insurance?
  status: not-stated
`,
  'subprocessors/cloud.yaml': `name: Example Cloud
purpose: Hosting
category: infrastructure
locations: [DE]
transferMechanism: none
website: https://cloud.example.com
`,
  'retention.yaml': `summary: Data is deleted after termination.
tiers:
  - id: all
    data: All data
    deletedWithinDays: 30
    rule: All data is deleted within 30 days.
confirmation:
  withinDays: 14
  statement: Deletion is confirmed in writing.
`,
  'subprocessor-changes/2026-01-01-first-list.mdx': `---
type: baseline
subprocessors: [cloud]
announced: 2026-01-01
effective: 2026-01-01
---

The first published list.
`,
  'updates/2026-01-01-hello.mdx': `---
title: Trust center published
date: 2026-01-01
category: security
summary: The trust center is live.
---

The trust center is live.
`,
  'documents.yaml': `- id: dpa
  title: Data Processing Agreement
  order: 1
  description: The DPA.
  access: external
  url: https://example.com/dpa
`,
};

/** Writes the fixture (with `changes` applied; `null` deletes a file) to `dir`, by default a new temporary folder. */
export function writeFixture(changes: Record<string, string | null> = {}, dir: string = mkdtempSync(path.join(tmpdir(), 'trust-content-'))): string {
  const files = { ...validFixture, ...changes };
  for (const [name, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
