import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import type {Appearance, AppearanceOptions} from '../src/appearance/appearance.js';
import type {ThemeName} from '../src/appearance/themes.js';
import {SUPPORTED_LOCALES} from '../src/i18n/locales.js';
import type {AuthSetup, StoryAuth} from './support/client.js';
import {element} from './support/play.js';
import {canvasColors, isThemeName, THEME_NAMES} from './support/themes.js';

/** Follow the toolbar's theme or language (the default, so the story tests run it in every theme). */
const TOOLBAR = 'toolbar';

interface Args {
  theme: ThemeName | typeof TOOLBAR;
  colorPrimary?: string;
  colorBackground?: string;
  colorForeground?: string;
  borderRadius?: string;
  fontFamily?: string;
  spacing?: string;
  applicationName?: string;
  logoImageUrl?: string;
  socialButtonsVariant: NonNullable<AppearanceOptions['socialButtonsVariant']>;
  animations: boolean;
  locale: string;
}

/** A small logo, no network needed. */
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="12" fill="#4f46e5"/><path d="M14 34 24 12l10 22h-5l-5-11.5L19 34z" fill="#fff"/></svg>',
)}`;

/** The `appearance` the controls describe: empty controls leave the theme's values. */
function appearanceOf(args: Args, toolbarTheme: ThemeName): Appearance {
  const variables = Object.fromEntries(
    (['colorPrimary', 'colorBackground', 'colorForeground', 'borderRadius', 'fontFamily', 'spacing'] as const)
      .map((name) => [name, args[name]?.trim()])
      .filter(([, value]) => value),
  );
  return {
    theme: args.theme === TOOLBAR ? toolbarTheme : args.theme,
    variables,
    options: {
      applicationName: args.applicationName || undefined,
      logoImageUrl: args.logoImageUrl || undefined,
      socialButtonsVariant: args.socialButtonsVariant,
      animations: args.animations,
    },
  };
}

const meta: Meta<Args> = {
  title: 'Theming/Appearance playground',
  // Social providers, so that `socialButtonsVariant` has buttons to shape (three: `auto` shows icons).
  parameters: {auth: {capabilities: {socialProviders: ['github', 'google', 'apple']}} satisfies AuthSetup, layout: 'padded'},
  argTypes: {
    theme: {
      description: 'A built-in theme (`appearance.theme`); "toolbar" follows the toolbar\'s theme',
      control: {type: 'select'},
      options: [TOOLBAR, ...THEME_NAMES],
    },
    colorPrimary: {description: '`variables.colorPrimary` → `--auth-color-primary` (empty: the theme\'s)', control: {type: 'color'}},
    colorBackground: {description: '`variables.colorBackground` → `--auth-color-background`', control: {type: 'color'}},
    colorForeground: {description: '`variables.colorForeground` → `--auth-color-foreground`', control: {type: 'color'}},
    borderRadius: {description: '`variables.borderRadius` → `--auth-radius` (a CSS length: `0`, `0.75rem`)', control: {type: 'text'}},
    fontFamily: {description: '`variables.fontFamily` → `--auth-font-family` (a font stack: `Georgia, serif`)', control: {type: 'text'}},
    spacing: {description: '`variables.spacing` → `--auth-spacing` (the base unit: `0.75rem`)', control: {type: 'text'}},
    applicationName: {description: '`options.applicationName`: titles say "Sign in to …"; it labels the logo', control: {type: 'text'}},
    logoImageUrl: {description: '`options.logoImageUrl`: an image URL (a data: URL here)', control: {type: 'text'}},
    socialButtonsVariant: {
      description: '`options.socialButtonsVariant`: full-width buttons, icons only, or `auto` (icons from 3 providers on)',
      control: {type: 'inline-radio'},
      options: ['auto', 'blockButton', 'iconButton'],
    },
    animations: {description: '`options.animations` (prefers-reduced-motion always turns them off)', control: {type: 'boolean'}},
    locale: {
      description: 'The provider\'s `locale`; "toolbar" follows the toolbar\'s language',
      control: {type: 'select'},
      options: [TOOLBAR, ...SUPPORTED_LOCALES],
    },
  },
  args: {
    theme: TOOLBAR,
    applicationName: 'Acme',
    logoImageUrl: LOGO,
    socialButtonsVariant: 'auto',
    animations: true,
    locale: TOOLBAR,
  },
  render: (args, {loaded, globals}) => {
    const toolbarTheme = isThemeName(globals.theme) ? globals.theme : 'light';
    const appearance = appearanceOf(args, toolbarTheme);
    const theme = appearance.theme as ThemeName;
    // The page behind the cards follows the chosen theme (and background colour), like a real page would.
    const page = canvasColors(theme);
    const background = args.colorBackground || page.background;
    const color = args.colorForeground || page.color;
    const locale = args.locale === TOOLBAR ? (globals.locale ?? 'en') : args.locale;
    const dir = globals.direction === 'ltr' || globals.direction === 'rtl' ? globals.direction : undefined;
    return html`<auth-provider .client=${(loaded.auth as StoryAuth).client} .appearance=${appearance} locale=${locale} dir=${ifDefined(dir)}>
      <div style="display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; justify-content: center; padding: 1.5rem; border-radius: 0.5rem; background: ${background}; color: ${color}; color-scheme: ${page.colorScheme}">
        <auth-sign-in sign-up-url="#sign-up"></auth-sign-in>
        <auth-sign-up sign-in-url="#sign-in"></auth-sign-up>
      </div>
    </auth-provider>`;
  },
};
export default meta;

export const AppearancePlayground: StoryObj<Args> = {
  name: 'Appearance playground',
  play: async ({canvasElement, args}) => {
    const signIn = await element(canvasElement, 'auth-sign-in');
    const signUp = await element(canvasElement, 'auth-sign-up');
    // Both cards take the playground's appearance from the nested provider.
    for (const el of [signIn, signUp]) {
      await waitFor(() => expect(el.shadowRoot!.querySelector('h1')?.textContent).toContain(args.applicationName!));
    }
  },
};
