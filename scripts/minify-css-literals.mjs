// A build plugin that minifies the static text of Lit `css` template literals in src/:
// comments out, whitespace collapsed. Lit ships CSS as written; every byte counts against the
// script-tag bundle's budget. Expressions (`${…}`) are left as they are.
const CSS_LITERAL = /\bcss`([^`]*)`/g;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/,\s+/g, ',')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals() {
  return {
    name: 'auth-elements:minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const minified = code.replace(CSS_LITERAL, (_, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part) => (part.startsWith('${') ? part : minifyCss(part))).join('')}\``;
      });
      return {code: minified, map: null};
    },
  };
}
