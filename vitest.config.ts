// `npm run test:stories`: every story in stories/ runs as a test in headless Chromium (its play
// function, then axe through addon-a11y), once per built-in theme. The `storybook` project has
// one browser instance per theme, `storybook:<theme>`, each pinning the toolbar's `theme` global
// (the canvas follows it, so colour contrast is judged on the theme's own background):
// `vitest run --project storybook` runs them all, `--project storybook:dark` one theme.
// `auto` runs with the system in dark mode (its light half is what `light` tests).
// One more instance, `storybook:ar`, runs every story in Arabic (right to left) on the light theme,
// pinning the toolbar's `locale` global the same way: play functions find nodes by role and
// locale key, so each story reaches its state in any language, and axe judges the RTL layout.
// (Languages × themes would multiply the run; one RTL language on one theme covers what differs.)
// Uses Debian's Chromium: no browser download.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY} from '@storybook/addon-vitest/constants';
import {storybookTest} from '@storybook/addon-vitest/vitest-plugin';
import {playwright} from '@vitest/browser-playwright';
import {defineConfig} from 'vitest/config';
import {STORY_LOCALES, STORY_THEMES} from './stories/support/theme-names.js';
import {CHROME_ARGS, CHROME_PATH} from './scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

const chromium = (colorScheme: 'light' | 'dark' = 'light') =>
  playwright({
    launchOptions: {executablePath: CHROME_PATH, args: CHROME_ARGS},
    contextOptions: {colorScheme},
  });

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({configDir: path.join(dirname, '.storybook')})],
        test: {
          name: 'storybook',
          // Six browsers share two cores: give a slow play function room rather than a false failure.
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium(),
            // What storybookTest({initialGlobals}) would provide, per instance: the theme and language of the run.
            instances: [
              ...STORY_THEMES.map((theme) => ({
                browser: 'chromium' as const,
                name: `storybook:${theme}`,
                provider: chromium(theme === 'auto' ? 'dark' : 'light'),
                provide: {[STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY]: {theme, locale: 'en'}},
              })),
              ...STORY_LOCALES.map((locale) => ({
                browser: 'chromium' as const,
                name: `storybook:${locale}`,
                provider: chromium('light'),
                provide: {[STORYBOOK_TEST_INITIAL_GLOBALS_PROVIDE_KEY]: {theme: 'light', locale}},
              })),
            ],
            api: {host: '127.0.0.1'},
          },
        },
      },
    ],
  },
});
