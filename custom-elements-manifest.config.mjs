// `cem analyze --litelement` (run by scripts/build.mjs). The element classes and their JSDoc
// headers live in src/elements/; src/internal/ is read for inherited members and src/define/
// for the tag names each class is registered under.
export default {
  globs: ['src/elements/**/*.ts', 'src/internal/**/*.ts', 'src/define.ts', 'src/define/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
};
