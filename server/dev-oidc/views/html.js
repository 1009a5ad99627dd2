/**
 * A tiny HTML template tag for the provider's pages: every interpolated value is escaped unless
 * it is itself the result of `html` (or an array of them), so a typed name or a client's
 * metadata can never become markup.
 */

/** Markup that is already safe to insert. */
export class SafeHtml {
  /** @param {string} value */
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

/** @param {string} text */
export const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (character) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[character] ?? character);

/** @param {unknown} value @returns {string} */
const render = (value) => {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
};

/**
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {SafeHtml}
 */
export function html(strings, ...values) {
  return new SafeHtml(strings.reduce((out, string, i) => out + string + (i < values.length ? render(values[i]) : ''), ''));
}
