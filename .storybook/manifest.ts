// What the Docs pages show of custom-elements.json (`npm run analyze`, from the JSDoc header of
// each class in src/elements/). Storybook lists every member and event it finds; designers and
// integrators need the public API only, so this keeps what the headers and field comments
// document and drops the rest.

interface Item {
  name?: string;
  description?: string;
  summary?: string;
  kind?: string;
  privacy?: 'public' | 'protected' | 'private';
  static?: boolean;
}

interface Declaration extends Item {
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  cssStates?: Item[];
}

interface Manifest {
  schemaVersion: string;
  modules: Array<{path: string; declarations?: Declaration[]; [key: string]: unknown}>;
  [key: string]: unknown;
}

/** Public, instance-level and described: private/protected fields and analyzer by-products go. */
const documented = (item: Item) => !!item.name && !!item.description?.trim() && !item.name.startsWith('#') && (item.privacy ?? 'public') === 'public' && !item.static;

/**
 * - members, attributes and events: only the documented public ones. The analyzer also reports
 *   `new AuthSignedInEvent(user)` as an event named `user` and `this.form.slot = …` as a field
 *   `slot`; neither has a description.
 * - the element's `@summary` becomes its description (the text at the top of its Docs page).
 * - the default slot (`@slot - …`, no name) is listed as `(default)`: Storybook drops unnamed rows.
 */
export function manifestForDocs(source: unknown): Manifest {
  const manifest = source as Manifest;
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.tagName
          ? {
              ...declaration,
              description: declaration.description?.trim() || declaration.summary,
              members: declaration.members?.filter((member) => member.kind === 'field' && documented(member)),
              attributes: declaration.attributes?.filter(documented),
              events: declaration.events?.filter(documented),
              slots: declaration.slots?.map((slot) => (slot.name ? slot : {...slot, name: '(default)'})),
            }
          : declaration,
      ),
    })),
  };
}
