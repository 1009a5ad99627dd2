import type {ThemeName} from '../../src/appearance/themes.js';

/**
 * The built-in themes the story tests run in, one run each (vitest.config.ts). A plain list, so
 * the config loads no kit code; the Theming › Variables story checks it against the kit's themes.
 */
export const STORY_THEMES = ['light', 'dark', 'auto', 'neutral', 'high-contrast'] as const satisfies readonly ThemeName[];

/**
 * The languages the story tests run in besides English, one run each on the light theme
 * (vitest.config.ts, `storybook:<locale>`): Arabic, right to left, with its six plural forms.
 */
export const STORY_LOCALES = ['ar'] as const;
