import { createHash } from 'node:crypto';

/** A fixed namespace for this project's name-based UUIDs (RFC 9562 §5.5). */
const NAMESPACE = '6f1c2b1e-5d0a-4c8e-9b7a-2f4d3e1a9c60';

/**
 * A UUID (version 5) derived from a name, so a feed item or calendar event keeps the same id
 * across rebuilds and when the site moves to another address.
 */
export function stableUuid(name: string): string {
  const namespace = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The feed id of one item: a URN that names no host. `scope` keeps two companies' ids apart. */
export function itemUrn(scope: string, kind: string, id: string): string {
  return `urn:uuid:${stableUuid(`${scope}/${kind}/${id}`)}`;
}
