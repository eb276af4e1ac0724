/// <reference types="astro/client" />

// `tsc` checks the TypeScript files; .astro files are compiled (and checked) by Astro itself,
// so to tsc an imported component is just an Astro component factory.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
