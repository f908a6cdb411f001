import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import type { Plugin } from 'vite';
import { defaultLocale, isLocale } from './i18n/index.ts';

/**
 * The components a site may replace with its own (`components` option), by name. Each is imported
 * by the engine's pages through `virtual:trust-center/components/<Name>`, which resolves to the
 * site's file when it names one and to the engine's own otherwise. A replacement receives the same
 * props as the component it replaces (see docs/overrides.md).
 */
export const overridableComponents = [
  'SiteHeader',
  'SiteFooter',
  'KeyFacts',
  'CertificationCard',
  'ContactList',
  'DocumentList',
  'SubscribeBlock',
  'StatusBadge',
] as const;

export type OverridableComponent = (typeof overridableComponents)[number];

/** The options of `trustCenter()`; every field is optional. */
export const optionsSchema = z
  .object({
    /** The content folder, relative to the project root (`content` by default; the CONTENT_DIR environment variable wins). */
    contentDir: z.string().min(1).optional(),
    /** The language of the UI words (labels, navigation, status names): one the engine ships (`en`). */
    locale: z
      .string()
      .refine((value) => isLocale(value), { message: 'is not a language the engine ships UI words for (it ships: en)' })
      .optional(),
    /** Site files that replace engine components, by component name, relative to the project root. */
    components: z.partialRecord(z.enum(overridableComponents), z.string().min(1)).optional(),
  })
  .strict();

export type TrustCenterOptions = z.input<typeof optionsSchema>;

/** What the pages read from `virtual:trust-center/config`. */
export interface ResolvedConfig {
  locale: string;
}

const CONFIG_ID = 'virtual:trust-center/config';
const COMPONENT_PREFIX = 'virtual:trust-center/components/';

/** Checks the options and says, in one line per problem, which option is wrong and why. */
export function parseOptions(options: unknown): z.output<typeof optionsSchema> {
  const result = optionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `trustCenter(): option ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  throw new Error(lines.join('\n'));
}

/** The Vite plugin behind the engine's virtual modules: its resolved configuration, and the overridable components. */
export function virtualModules(options: z.output<typeof optionsSchema>, root: string): Plugin {
  const config: ResolvedConfig = { locale: options.locale ?? defaultLocale };
  const engineComponents = fileURLToPath(new URL('./components/', import.meta.url));
  const componentFile = (name: OverridableComponent): string => {
    const override = options.components?.[name];
    if (!override) return path.join(engineComponents, `${name}.astro`);
    const file = path.resolve(root, override);
    if (!existsSync(file)) throw new Error(`trustCenter(): option components.${name}: ${override} does not exist (looked for ${file})`);
    return file;
  };
  return {
    name: 'astro-trust-center:virtual-modules',
    resolveId(id) {
      if (id === CONFIG_ID) return `\0${CONFIG_ID}`;
      if (id.startsWith(COMPONENT_PREFIX)) {
        const name = id.slice(COMPONENT_PREFIX.length) as OverridableComponent;
        if (!overridableComponents.includes(name)) throw new Error(`${id}: not an overridable component (${overridableComponents.join(', ')})`);
        return componentFile(name);
      }
      return undefined;
    },
    load(id) {
      if (id === `\0${CONFIG_ID}`) return `export default ${JSON.stringify(config)};`;
      return undefined;
    },
  };
}
