import { contactKinds, contentComponentSpecs, type ContactKind } from '../content/components.ts';
import { bodyTree, type MdxNode } from '../content/mdx-policy.ts';
import type { BodyFormat } from '../content/collections.ts';
import type { Company } from '../../schemas/company.ts';
import { error, type Finding } from './finding.ts';

/**
 * Facts that live in the company file are referenced from content, not retyped, so that they
 * cannot go stale: a contact address through <Contact kind="…" />, the DPA address through
 * <DpaLink />. An address typed in a body is either one of those facts (use the component) or an
 * address the company has not listed as a contact (a typo, an old address, someone else's).
 */

/** An e-mail address anywhere in text, a link or an attribute. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

interface MdxEntry {
  file: string;
  body?: string;
  bodyLine?: number;
  /** How the body is parsed (.md or .mdx); MDX when not said. */
  format?: BodyFormat;
}

/** Every contact address and DPA link typed in a body, and every <Contact> whose kind the company lacks. */
export function checkCompanyFacts(entries: readonly MdxEntry[], company: Company): Finding[] {
  const contacts = new Map<string, ContactKind>();
  for (const kind of contactKinds) {
    const address = company.contacts[kind];
    if (address !== undefined && !contacts.has(address.toLowerCase())) contacts.set(address.toLowerCase(), kind);
  }
  const listed = contactKinds.filter((kind) => company.contacts[kind] !== undefined).join(', ');
  const dpa = comparable(company.dpaUrl);

  return entries.flatMap((entry) => {
    if (entry.body === undefined) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    // Components exist only in MDX: a Markdown body is told to become one to use them.
    const inMdx = entry.format === 'md' ? ` (in an .mdx file: rename ${entry.file.split('/').pop() ?? entry.file} to .mdx)` : '';
    const report = (node: MdxNode, message: string, rule: string) => {
      const line = `line ${(node.position?.start.line ?? 1) + (entry.bodyLine ?? 1) - 1}`;
      const key = `${line}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(error(entry.file, line, message, rule));
    };
    const emails = (node: MdxNode, text: string) => {
      for (const [address] of text.matchAll(EMAIL)) {
        const kind = contacts.get(address.toLowerCase());
        if (kind !== undefined) {
          report(node, `${address} is the company's ${kind} contact: write <Contact kind="${kind}" />${inMdx} so it follows company.yaml`, 'literal-contact');
        } else {
          report(node, `${address} is not one of the company's contacts (${listed} in company.yaml): correct it, or use <Contact kind="…" />${inMdx}`, 'unknown-email');
        }
      }
    };
    const visit = (node: MdxNode) => {
      if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) emails(node, node.value);
      if (typeof node.url === 'string') {
        emails(node, safeDecode(node.url));
        if (dpa !== undefined && comparable(node.url) === dpa) {
          report(node, `${node.url} is the company's DPA address (dpaUrl): write ${contentComponentSpecs.DpaLink.usage}${inMdx} so it follows company.yaml`, 'literal-dpa-url');
        }
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes ?? []) if (typeof attribute.value === 'string') emails(node, attribute.value);
        if (node.name === 'Contact') {
          const kind = node.attributes?.find((attribute) => attribute.name === 'kind')?.value;
          if (typeof kind === 'string' && (contactKinds as readonly string[]).includes(kind) && company.contacts[kind as ContactKind] === undefined) {
            report(node, `<Contact kind="${kind}" /> needs contacts.${kind} in company.yaml, which is not set (set: ${listed})`, 'mdx-component');
          }
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(bodyTree(entry.body, entry.format ?? 'mdx'));
    return findings;
  });
}

/** An address compared without scheme case, `www.` or a trailing slash. */
function comparable(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return `${parsed.host.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${parsed.search}${parsed.hash}`;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
