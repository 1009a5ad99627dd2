import {svg, type SVGTemplateResult} from 'lit';

/**
 * Monochrome 24×24 marks of the social providers the kit knows, drawn in `currentColor` and
 * hidden from assistive technology (the button's text or label names the provider). Loaded
 * lazily (`import('./social-icons.js')`): keep this module self-contained.
 */
const icon = (d: string, evenOdd = false): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor"><path fill-rule=${evenOdd ? 'evenodd' : 'nonzero'} d=${d} /></svg>`;

/** Icons by provider id (`capabilities.socialProviders`). */
export const socialIcons: Record<string, SVGTemplateResult> = {
  github: icon('M9.4 22.7A11 11 0 1 1 14.6 22.7V17.9C14.6 17.2 14.3 16.7 13.9 16.4C16.6 16.1 18.4 14.8 18.4 11.5C18.4 10.4 18 9.4 17.3 8.6C17.5 8 17.6 6.9 17.2 5.8C16.4 5.8 15.4 6.2 14.5 6.9C13.6 6.6 12.8 6.5 12 6.5S10.4 6.6 9.5 6.9C8.6 6.2 7.6 5.8 6.8 5.8C6.4 6.9 6.5 8 6.7 8.6C6 9.4 5.6 10.4 5.6 11.5C5.6 14.8 7.4 16.1 10.1 16.4C9.7 16.7 9.4 17.2 9.4 17.9V18.9C8.3 19.2 7.5 18.7 6.9 17.8C7.2 19.3 8.2 20.3 9.4 20.2Z'),
  google: icon('M19.66 5.57A10 10 0 1 0 21.8 10H12V13.5H18.32A6.5 6.5 0 1 1 16.98 7.82Z'),
  apple: icon('M12 8.3C13.3 7.4 14.8 6.9 16.2 7.1C17.7 7.3 18.8 8 19.6 9.1A4.2 4.2 0 0 0 20.4 16.1C19.6 18.5 18 21.6 16.2 22C15 22.3 14.3 21.6 12 21.6S9 22.3 7.8 22C5.6 21.4 3.6 17.6 3.6 14C3.6 10.3 5.8 7.1 8.8 7.1C10 7.1 11 7.7 12 8.3ZM12.2 6.8C12.1 4.6 13.8 2.6 16 2.4C16.2 4.6 14.4 6.7 12.2 6.8Z'),
  microsoft: icon('M2 2h9.5v9.5H2zM12.5 2H22v9.5h-9.5zM2 12.5h9.5V22H2zM12.5 12.5H22V22h-9.5z'),
  discord: icon('M19.6 5.1C18.1 4.4 16.5 3.9 14.9 3.6L14.2 5C12.7 4.8 11.3 4.8 9.8 5L9.1 3.6C7.5 3.9 5.9 4.4 4.4 5.1C1.6 9.3.8 13.4 1.2 17.4C3 18.8 4.8 19.6 6.7 20.2L7.9 18.3C7.2 18 6.6 17.7 6 17.3L6.5 16.9C10.1 18.6 13.9 18.6 17.5 16.9L18 17.3C17.4 17.7 16.8 18 16.1 18.3L17.3 20.2C19.2 19.6 21 18.8 22.8 17.4C23.3 12.8 22.1 8.7 19.6 5.1ZM8.5 15C7.4 15 6.5 14 6.5 12.7S7.4 10.4 8.5 10.4 10.5 11.4 10.5 12.7 9.6 15 8.5 15ZM15.5 15C14.4 15 13.5 14 13.5 12.7S14.4 10.4 15.5 10.4 17.5 11.4 17.5 12.7 16.6 15 15.5 15Z', true),
  gitlab: icon('M12 21.5 22.1 14.1 19.4 3.2 16.7 9.6H7.3L4.6 3.2 1.9 14.1Z'),
  facebook: icon('M10.1 22.83A11 11 0 1 1 13.6 22.88V13.9H16L16.4 11.2H13.6V9.9C13.6 9.1 13.9 8.4 15 8.4H16.5V5.5C16.2 5.5 15.3 5.3 14.3 5.3C11.9 5.3 10.1 6.8 10.1 9.4V11.2H7.6V13.9H10.1Z'),
  linkedin: icon('M3.6 2H20.4A1.6 1.6 0 0 1 22 3.6V20.4A1.6 1.6 0 0 1 20.4 22H3.6A1.6 1.6 0 0 1 2 20.4V3.6A1.6 1.6 0 0 1 3.6 2ZM5.3 9.4V19H8.3V9.4ZM6.8 4.6A1.75 1.75 0 1 0 6.8 8.1 1.75 1.75 0 0 0 6.8 4.6ZM10.6 9.4V19H13.7V14.3C13.7 13.1 14 11.9 15.6 11.9S17.2 13.3 17.2 14.4V19H20.2V13.7C20.2 11.1 19.6 9.1 16.6 9.1 15 9.1 13.9 9.9 13.5 10.7V9.4Z', true),
  twitter: icon('M2.5 3H8.6L21.5 21H15.4ZM19.6 3H21.4L4.4 21H2.6Z'),
};
