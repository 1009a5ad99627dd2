// `cem analyze --litelement` (run by scripts/build.mjs). Element classes and their JSDoc headers
// live in src/elements/; src/internal/ is read for inherited members; src/define/auth-*.ts for the tag
// each class is registered under.
import { posix } from 'node:path';

/**
 * Tags are registered through a helper, `defineElement('auth-sign-in', AuthSignIn)`, which the
 * analyzer does not know: record those calls as custom-element-definition exports, as it does
 * for `customElements.define()`, so each class gets its tagName.
 */
function defineElementCalls() {
  return {
    name: 'auth-elements:define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(klass)) return;
      const name = klass.text;
      const imported = context.imports?.find((i) => i.name === name);
      let declaration;
      if (imported?.isBareModuleSpecifier) declaration = { name, package: imported.importPath };
      else if (imported) {
        const module = posix.join(posix.dirname(moduleDoc.path), imported.importPath).replace(/\.js$/, '.ts');
        declaration = { name, module };
      } else declaration = { name, module: moduleDoc.path };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration }];
    },
  };
}

/**
 * The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`, naming them after
 * constructor arguments (`user`, `state`, …). The `@event` tags in each class header are the
 * API: keep only the events they document.
 */
function documentedEventsOnly() {
  return {
    name: 'auth-elements:documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/internal/**/*.ts', 'src/define/auth-*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls(), documentedEventsOnly()],
};
