import {css} from 'lit';

/**
 * A confirmation inside an `<auth-dialog>` (slotted, so styled by the host's shadow root): the
 * question (`.confirm-text`) above its buttons (`.actions.confirm-actions`, at the end), in a
 * `.confirm` grid. Interpolated into a host's own styles: `css\`${confirmStyles} …\``.
 */
export const confirmStyles = css`
  .confirm {
    display: grid;
    gap: calc(var(--_space) * 1);
  }
  .confirm-text {
    margin: 0;
  }
  .confirm-actions {
    justify-content: flex-end;
  }
`;
