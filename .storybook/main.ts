import type {StorybookConfig} from '@storybook/web-components-vite';
import type {PluginOption} from 'vite';
import {wholeJson} from '../scripts/whole-json-plugin.mjs';

const named = (plugin: PluginOption, name: string) => !!plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === name;

/**
 * The root vite.config.ts's plugins without the reference identity API (stories use the memory
 * adapter), and with the whole-JSON locale modules (`en.json?all`) however Storybook was started.
 */
function storyPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  const kept = (plugins ?? []).flat(Infinity as 1).filter((plugin) => !named(plugin, 'auth-elements:server'));
  return kept.some((plugin) => named(plugin, 'auth-elements:whole-json')) ? kept : [wholeJson(), ...kept];
}

const config: StorybookConfig = {
  framework: {name: '@storybook/web-components-vite', options: {}},
  // Docs pages (MDX) and one stories file per element; each element's Docs page is built from custom-elements.json.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {disableTelemetry: true},
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: storyPlugins(viteConfig.plugins),
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // One copy of Lit and @lit/context, or contexts never meet ("Multiple versions of Lit loaded").
        include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js', '@lit/context'],
      },
    };
  },
};

export default config;
