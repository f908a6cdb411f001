import type { ContentComponentName } from '../../lib/content/components.ts';
import Contact from './Contact.astro';
import DpaLink from './DpaLink.astro';
import NoticePeriod from './NoticePeriod.astro';

/**
 * The components MDX bodies may use, passed to every `<Content components={contentComponents} />`
 * (pages, print routes and feeds). The keys must be exactly the allowlist the content check
 * enforces (src/lib/content/components.ts), so a component the check allows always renders.
 */
export const contentComponents = { Contact, DpaLink, NoticePeriod } satisfies Record<ContentComponentName, unknown>;

// …and no component the check does not know of: it would be refused in content anyway.
type Unchecked = Exclude<keyof typeof contentComponents, ContentComponentName>;
const exact: [Unchecked] extends [never] ? true : never = true;
void exact;
