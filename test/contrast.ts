/**
 * WCAG contrast of computed colours, for tests. Chromium serializes computed colours as
 * `rgb()`/`rgba()`, as `color(srgb r g b / a)` when they come from `color-mix()` in srgb, and keeps
 * `oklch()`/`oklab()` as written; all of them parse here into sRGB with alpha (0..1).
 */
export type Rgba = readonly [r: number, g: number, b: number, a: number];

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** A number, a percentage (of `percentOf`) or `none` (0). */
function component(token: string, percentOf = 1): number {
  if (token === 'none') return 0;
  return token.endsWith('%') ? (parseFloat(token) / 100) * percentOf : parseFloat(token);
}

/** The channels and alpha of a functional colour: `f(a b c / d)` or `f(a, b, c, d)`. */
function channels(body: string, count: number): {values: string[]; alpha: number} {
  const [main, slash] = body.split('/');
  const values = main.trim().split(/[\s,]+/).filter(Boolean);
  const alphaToken = slash?.trim() ?? (values.length > count ? values.pop()! : '1');
  return {values, alpha: component(alphaToken)};
}

const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);

function oklabToSrgb(l: number, a: number, b: number): [number, number, number] {
  const l1 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m1 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s1 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    +4.0767416621 * l1 - 3.3077115913 * m1 + 0.2309699292 * s1,
    -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1,
    -0.0041960863 * l1 - 0.7034186147 * m1 + 1.707614701 * s1,
  ].map((c) => clamp(fromLinear(c))) as [number, number, number];
}

/** Parses a computed colour; throws on a format it doesn't know, so a test never guesses. */
export function parseColor(value: string): Rgba {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return [0, 0, 0, 0];
  const match = text.match(/^([a-z-]+)\((.*)\)$/);
  if (!match) throw new Error(`unknown colour ${JSON.stringify(value)}`);
  const [, fn, body] = match;
  const {values, alpha} = channels(body, fn === 'color' ? 4 : 3);
  if (fn === 'rgb' || fn === 'rgba') {
    const [r, g, b] = values.map((token) => component(token, 255) / 255);
    return [clamp(r), clamp(g), clamp(b), clamp(alpha)];
  }
  if (fn === 'color') {
    const [space, ...rest] = values;
    const [r, g, b] = rest.map((token) => component(token));
    if (space === 'srgb') return [clamp(r), clamp(g), clamp(b), clamp(alpha)];
    if (space === 'srgb-linear') return [clamp(fromLinear(r)), clamp(fromLinear(g)), clamp(fromLinear(b)), clamp(alpha)];
    throw new Error(`unsupported colour space in ${JSON.stringify(value)}`);
  }
  if (fn === 'oklab') {
    const [l, a, b] = [component(values[0]), component(values[1], 0.4), component(values[2], 0.4)];
    return [...oklabToSrgb(l, a, b), clamp(alpha)];
  }
  if (fn === 'oklch') {
    const [l, c, h] = [component(values[0]), component(values[1], 0.4), parseFloat(values[2]) || 0];
    const radians = (h * Math.PI) / 180;
    return [...oklabToSrgb(l, c * Math.cos(radians), c * Math.sin(radians)), clamp(alpha)];
  }
  throw new Error(`unsupported colour ${JSON.stringify(value)}`);
}

/** `top` painted over `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

/** WCAG 2 relative luminance of an opaque colour. */
export function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of `color` (composited over `background`) against `background`. */
export function contrast(color: Rgba, background: Rgba): number {
  const behind = background[3] < 1 ? composite(background, [1, 1, 1, 1]) : background;
  const front = composite(color, behind);
  const [light, dark] = [luminance(front), luminance(behind)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `rgb(…)` text of a colour, for messages. */
export function formatColor([r, g, b, a]: Rgba): string {
  const byte = (c: number) => Math.round(c * 255);
  return a < 1 ? `rgb(${byte(r)} ${byte(g)} ${byte(b)} / ${a.toFixed(2)})` : `rgb(${byte(r)} ${byte(g)} ${byte(b)})`;
}
