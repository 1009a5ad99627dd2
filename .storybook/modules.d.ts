// custom-elements.json is generated (`npm run analyze`) and gitignored. When it is there, TypeScript
// reads its type from the file; this declaration only keeps `npm run typecheck` (which npm test runs
// before the build writes the file) from failing on a fresh checkout.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}

// MDX documents (the Docs page template) compile to a React component.
declare module '*.mdx' {
  const MDXContent: (props: Record<string, unknown>) => unknown;
  export default MDXContent;
}
