import type {StorybookConfig} from '@storybook/web-components-vite';
import type {PluginOption} from 'vite';

/** Drops the reference identity API plugin of the root vite.config.ts: stories use the memory adapter. */
function withoutAuthServer(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Infinity as 1).filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'auth-elements:server'));
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
      plugins: withoutAuthServer(viteConfig.plugins),
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // One copy of Lit and @lit/context, or contexts never meet ("Multiple versions of Lit loaded").
        include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js', '@lit/context'],
      },
    };
  },
};

export default config;
