// Types of the engine's virtual modules (src/virtual-modules.ts), for the engine's own pages.
declare module 'virtual:trust-center/config' {
  const config: import('./virtual-modules.ts').ResolvedConfig;
  export default config;
}

declare module 'virtual:trust-center/components/*' {
  // An overridable component: the engine's own or the site's replacement, with the same props.
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

declare module 'virtual:trust-center/brand' {
  // The brand SVGs the engine serves (src/lib/brand/resolve.ts): null when it serves none.
  export const logo: string | null;
  export const favicon: string | null;
}
