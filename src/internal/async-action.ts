import type {ReactiveControllerHost} from 'lit';
import {toAuthError, type AuthError} from '../client/errors.js';

/** Thrown to end an action quietly: the person stepped back (closed a dialog), nothing failed. */
export class ActionCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ActionCancelled';
  }
}

/**
 * One thing an element does on request (save a name, sign a device out): busy while it runs,
 * never twice at once, its error kept for the element to show until the next run or `reset()`.
 * The host re-renders on every change.
 */
export class AsyncAction<Args extends unknown[] = []> {
  pending = false;
  error: AuthError | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly run_: (...args: Args) => Promise<unknown>,
  ) {}

  /** Runs the action; true when it succeeded (false when it failed, was cancelled or was already running). */
  async run(...args: Args): Promise<boolean> {
    if (this.pending) return false;
    this.pending = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      await this.run_(...args);
      return true;
    } catch (error) {
      if (!(error instanceof ActionCancelled)) this.error = toAuthError(error);
      return false;
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the last error. */
  reset(): void {
    if (!this.error) return;
    this.error = null;
    this.host.requestUpdate();
  }
}

/** An action whose work each run brings along: `await saving.run(() => client.account.updateProfile(…))`. */
export type Task = AsyncAction<[work: () => Promise<unknown>]>;

export function task(host: ReactiveControllerHost): Task {
  return new AsyncAction(host, (work: () => Promise<unknown>) => work());
}

/**
 * An action on one row of a list (sign a device out, change a member's role, remove a passkey):
 * one at a time like any action, and `row` names the row while it runs (undefined otherwise),
 * for that row's busy state: `await removing.run(member.id, () => client.organizations.removeMember(…))`.
 */
export class RowAction<Row = string> extends AsyncAction<[row: Row, work: () => Promise<unknown>]> {
  row: Row | undefined = undefined;
  /** The row whose last run failed (its error is `error`), until the next run. */
  failedRow: Row | undefined = undefined;

  /** The error of the last run when it was this row's (and not forgotten since), else null. */
  errorOf(row: Row): AuthError | null {
    return this.failedRow === row ? this.error : null;
  }

  constructor(host: ReactiveControllerHost) {
    let self: RowAction<Row> | undefined;
    super(host, async (row, work) => {
      self!.row = row;
      self!.failedRow = undefined;
      try {
        await work();
      } catch (error) {
        self!.failedRow = row;
        throw error;
      } finally {
        self!.row = undefined;
      }
    });
    self = this;
  }
}
