import {css} from 'lit';

/**
 * `<auth-user-button>`'s own look, over the menu panel's (menu.styles.ts: the top-layer panel,
 * the bottom sheet on narrow screens, the items).
 */
export const userButtonStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  /* The initials fit their circle at any text size (the avatar is sized in rem, the text may grow alone). */
  .avatar {
    font-size: min(0.875em, calc(var(--auth-avatar-size, 2.25rem) * 0.4));
  }
  .trigger {
    display: inline-flex;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
    cursor: pointer;
    font: inherit;
  }
  /*
   * The trigger sits on the host page, whatever its colour: a halo of the theme's background
   * on both sides of the ring keeps the ring's contrast (forced colors keep the outline).
   */
  .trigger:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_bg);
  }
  .preview {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem;
  }
  .identity {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .email,
  .since {
    color: var(--_muted-fg);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  /* The menu sits under the user's preview. */
  [role='menu'] {
    margin-block-start: 0.25rem;
    padding-block-start: 0.25rem;
    border-block-start: 1px solid var(--_border-subtle);
  }
  .accounts {
    display: grid;
  }
  .account {
    --auth-avatar-size: 2rem;
  }
`;
