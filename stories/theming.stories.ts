import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {expect, waitFor} from 'storybook/test';
import {APPEARANCE_VARIABLES} from '../src/appearance/appearance.js';
import {THEMES} from '../src/appearance/theme-presets.js';
import {STORY_THEMES} from './support/theme-names.js';
import {defineStoryThemeVariables} from './support/theme-variables.js';

defineStoryThemeVariables();

/** The variables table of the Theming guide (theming.mdx), also a story of its own. */
const meta: Meta = {
  title: 'Theming/Variables',
  parameters: {auth: false, layout: 'padded'},
  render: () => html`<story-theme-variables></story-theme-variables>`,
};
export default meta;

export const Variables: StoryObj = {
  play: async ({canvasElement}) => {
    const table = await waitFor(() => {
      const found = canvasElement.querySelector('story-theme-variables')?.shadowRoot?.querySelector('table');
      if (!found) throw new Error('no table yet');
      return found;
    });
    // One row per appearance variable, one column per built-in theme (after the variable's).
    expect(table.tBodies[0].rows).toHaveLength(APPEARANCE_VARIABLES.length);
    expect(table.tHead!.rows[0].cells).toHaveLength(1 + Object.keys(THEMES).length);
    const primary = [...table.tBodies[0].rows].find((row) => row.cells[0].querySelector('code')!.textContent === 'colorPrimary')!;
    expect(primary.cells[0].textContent).toContain('--auth-color-primary');
    // The light and dark themes' primary colours, read from probes styled like an element.
    expect(primary.cells[1].textContent).toContain(THEMES.light.variables.colorPrimary);
    expect(primary.cells[2].textContent).toContain(THEMES.dark.variables.colorPrimary);
    // The story tests run once per built-in theme: none left out.
    expect([...STORY_THEMES].sort()).toEqual(Object.keys(THEMES).sort());
  },
};
