// `npm run test:stories`: every story in stories/ runs as a test in headless Chromium
// (its play function, then axe through addon-a11y). Uses Debian's Chromium: no browser download.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {storybookTest} from '@storybook/addon-vitest/vitest-plugin';
import {playwright} from '@vitest/browser-playwright';
import {defineConfig} from 'vitest/config';
import {CHROME_ARGS, CHROME_PATH} from './scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({configDir: path.join(dirname, '.storybook')})],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROME_PATH,
                args: CHROME_ARGS,
              },
            }),
            instances: [{browser: 'chromium'}],
            api: {host: '127.0.0.1'},
          },
        },
      },
    ],
  },
});
