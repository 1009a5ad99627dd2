import {setCustomElementsManifest, type Decorator, type Loader, type Preview} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
// Written by `npm run analyze`, which the prestorybook, prebuild-storybook and pretest:stories scripts run.
import manifest from '../custom-elements.json';
import type {Appearance} from '../src/appearance/appearance.js';
import '../src/define.js';
import {setupAuth, type AuthSetup, type StoryAuth} from '../stories/support/client.js';
import {canvasColors, isThemeName, localeItems, THEME_NAMES} from '../stories/support/themes.js';
import ElementDocs from './element-docs.mdx';
import {manifestForDocs} from './manifest.js';

// Each element's Docs page (`tags: ['autodocs']`) lists its attributes, properties, events, slots,
// CSS parts and custom properties from the manifest.
setCustomElementsManifest(manifestForDocs(manifest));

/** Each story gets a fresh client on its own memory adapter (`parameters.auth`). */
const authLoader: Loader = async ({parameters}) => ({
  auth: parameters.auth === false ? undefined : await setupAuth(parameters.auth as AuthSetup | undefined),
});

/** The theme a story is seen in: its appearance's own (a single built-in name), else the toolbar's. */
function storyTheme(globals: Record<string, unknown>, appearance: Appearance | undefined) {
  if (isThemeName(appearance?.theme)) return appearance.theme;
  return isThemeName(globals.theme) ? globals.theme : 'light';
}

/**
 * Wraps the story in a provider with that client, `parameters.appearance` and the toolbar's
 * theme, language and direction, on a page coloured like the theme (a dark canvas for `dark`):
 * colour contrast is judged, by a reviewer and by axe, on what users see.
 */
const withProvider: Decorator = (story, {loaded, globals, parameters, viewMode}) => {
  const auth = loaded.auth as StoryAuth | undefined;
  const appearance = parameters.appearance as Appearance | undefined;
  const {background, color, colorScheme} = canvasColors(storyTheme(globals, appearance));
  // The story view: the whole canvas. (A Docs page shows several stories: each keeps its own box.)
  if (viewMode === 'story') Object.assign(document.body.style, {background, color, colorScheme});
  const dir = globals.direction === 'ltr' || globals.direction === 'rtl' ? globals.direction : undefined;
  const content = auth
    ? html`<auth-provider .client=${auth.client} .appearance=${appearance} theme=${ifDefined(isThemeName(globals.theme) ? globals.theme : undefined)} locale=${globals.locale ?? 'en'} dir=${ifDefined(dir)}
        >${story()}</auth-provider
      >`
    : story();
  return html`<div data-story-canvas style="background: ${background}; color: ${color}; color-scheme: ${colorScheme}; padding: 1.5rem; border-radius: 0.5rem">${content}</div>`;
};

/**
 * Docs tables: a control only for the args a story's render reads (`signUpUrl`…); every other row
 * (properties the render ignores, events, slots, parts, custom properties) is reference only.
 */
const controlsForStoryArgs: NonNullable<Preview['argTypesEnhancers']>[number] = ({argTypes, initialArgs}) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      if (!(name in initialArgs)) return [name, {...argType, control: {disable: true}}];
      const text = /^string( \| undefined)?$/.test(argType.table?.type?.summary ?? '');
      return [name, text ? {...argType, control: {type: 'text'}} : argType];
    }),
  );

/**
 * Every story starts in a browser that remembers nothing of signing in (sign-in-memory.ts: the
 * method used last, a link asked for): a story says what it remembers itself.
 */
const forgetSignIns = () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('auth-elements:')) localStorage.removeItem(key);
};

const preview: Preview = {
  beforeEach: forgetSignIns,
  loaders: [authLoader],
  argTypesEnhancers: [controlsForStoryArgs],
  decorators: [withProvider],
  parameters: {
    layout: 'centered',
    controls: {expanded: true},
    // An axe violation (colour contrast included) fails the story in `npm run test:stories`.
    a11y: {test: 'error'},
    docs: {page: ElementDocs},
    options: {storySort: {order: ['Introduction', 'Theming', ['Guide', 'Variables', 'Appearance playground'], 'Elements']}},
  },
  globalTypes: {
    theme: {
      description: 'Built-in theme of the auth elements (the canvas follows it)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: THEME_NAMES.map((name) => ({value: name, title: name})),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the auth elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: localeItems(),
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Writing direction: auto follows the language; ltr or rtl forces it (the provider\'s dir)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          {value: 'auto', title: 'Direction: auto', right: 'from the language'},
          {value: 'ltr', title: 'Direction: ltr'},
          {value: 'rtl', title: 'Direction: rtl'},
        ],
        dynamicTitle: true,
      },
    },
  },
  // `npm run test:stories` runs every story once per theme: vitest.config.ts sets `theme` per browser instance.
  initialGlobals: {theme: 'light', locale: 'en', direction: 'auto'},
};

export default preview;
