import {css} from 'lit';
import {confirmStyles} from '../../internal/confirm-styles.js';

/** What the organization profile adds to the profile's section styles: the members' bar and search, role selects, row errors, confirmations. */
export const orgProfileStyles = css`
  .page-alert {
    margin-block-start: calc(var(--_space) * 1);
  }
  .empty-title {
    margin: 0 0 calc(var(--_space) * 0.25);
    font-size: 1em;
    font-weight: 650;
  }
  .members-page {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding-block-start: calc(var(--_space) * 1);
  }
  .members-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.75);
  }
  .members-bar .tabs {
    flex: 1 1 auto;
  }
  .search,
  .role-select {
    min-height: 2.25rem;
    margin: 0;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_input, var(--_bg));
    color: var(--_input-fg, var(--_fg));
    font: inherit;
    font-size: 0.875em;
  }
  .search {
    width: 100%;
  }
  .search:focus-visible,
  .role-select:focus-visible {
    outline: var(--_focus-outline);
    outline-offset: 1px;
  }
  .row-error {
    color: var(--_danger);
  }
  .empty-list {
    padding: calc(var(--_space) * 0.75) 0;
  }
  ${confirmStyles}
`;
