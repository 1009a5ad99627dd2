import {setCustomElementsManifest, type Decorator, type Loader, type Preview} from '@storybook/web-components-vite';
import {html} from 'lit';
// Written by `npm run analyze`, which the prestorybook, prebuild-storybook and pretest:stories scripts run.
import manifest from '../custom-elements.json';
import type {Appearance} from '../src/appearance/appearance.js';
import '../src/define.js';
import {setupAuth, type AuthSetup, type StoryAuth} from '../stories/support/client.js';
import ElementDocs from './element-docs.mdx';
import {manifestForDocs} from './manifest.js';

// Each element's Docs page (`tags: ['autodocs']`) lists its attributes, properties, events, slots,
// CSS parts and custom properties from the manifest.
setCustomElementsManifest(manifestForDocs(manifest));

/** Each story gets a fresh client on its own memory adapter (`parameters.auth`). */
const authLoader: Loader = async ({parameters}) => ({
  auth: parameters.auth === false ? undefined : await setupAuth(parameters.auth as AuthSetup | undefined),
});

/** Wraps the story in a provider with that client, `parameters.appearance` and the toolbar's language. */
const withProvider: Decorator = (story, {loaded, globals, parameters}) => {
  const auth = loaded.auth as StoryAuth | undefined;
  if (!auth) return story();
  return html`<auth-provider .client=${auth.client} .appearance=${parameters.appearance as Appearance | undefined} locale=${globals.locale ?? 'en'}
    >${story()}</auth-provider
  >`;
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

const preview: Preview = {
  loaders: [authLoader],
  argTypesEnhancers: [controlsForStoryArgs],
  decorators: [withProvider],
  parameters: {
    layout: 'centered',
    controls: {expanded: true},
    // An axe violation (colour contrast included) fails the story in `npm run test:stories`.
    a11y: {test: 'error'},
    docs: {page: ElementDocs},
    options: {storySort: {order: ['Introduction', 'Elements']}},
  },
  globalTypes: {
    locale: {
      description: 'Language of the auth elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          {value: 'en', title: 'English'},
          {value: 'de', title: 'Deutsch'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {locale: 'en'},
};

export default preview;
