// Types of the engine's virtual modules (src/virtual-modules.ts). Each overridable component's
// module is typed as the engine's own component, so its props stay checked wherever the engine
// uses it, whichever file the site's `components` option puts behind it.
declare module 'virtual:trust-center/config' {
  const config: import('./virtual-modules.ts').ResolvedConfig;
  export default config;
}

declare module 'virtual:trust-center/i18n/search' {
  // The search page's words in the site's locale (the `searchText` of src/i18n/<locale>.ts): any
  // locale's, so typed as their shared shape rather than as the English literals.
  const searchText: import('./i18n/index.ts').Translations['search'];
  export default searchText;
}

declare module 'virtual:trust-center/components/SiteHeader' {
  const Component: typeof import('./components/SiteHeader.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/SiteFooter' {
  const Component: typeof import('./components/SiteFooter.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/KeyFacts' {
  const Component: typeof import('./components/KeyFacts.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/CertificationCard' {
  const Component: typeof import('./components/CertificationCard.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/ContactList' {
  const Component: typeof import('./components/ContactList.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/DocumentList' {
  const Component: typeof import('./components/DocumentList.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/SubscribeBlock' {
  const Component: typeof import('./components/SubscribeBlock.astro').default;
  export default Component;
}
declare module 'virtual:trust-center/components/StatusBadge' {
  const Component: typeof import('./components/StatusBadge.astro').default;
  export default Component;
}

declare module 'virtual:trust-center/brand' {
  // The brand SVGs the engine serves (src/lib/brand/resolve.ts): null when it serves none.
  export const logo: string | null;
  export const favicon: string | null;
}
