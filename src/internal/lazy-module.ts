import type {ReactiveControllerHost} from 'lit';

/**
 * A module a host renders with once it has loaded (a step few visitors reach, kept out of the
 * page's first script): `get()` starts the load on first call and answers `undefined` while it
 * runs, the module once there (the host re-renders), or `null` when it could not be fetched —
 * `retry()` lets the next `get()` fetch it again.
 */
export class LazyModule<M> {
  #module?: M | null;
  #loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<M>,
    private readonly onLoaded?: () => void,
  ) {}

  get(): M | null | undefined {
    if (this.#module !== undefined || this.#loading) return this.#module;
    this.#loading = true;
    this.load().then(
      async (module) => {
        this.#loading = false;
        this.#module = module;
        this.host.requestUpdate();
        await this.host.updateComplete;
        this.onLoaded?.();
      },
      () => {
        this.#loading = false;
        this.#module = null;
        this.host.requestUpdate();
      },
    );
    return undefined;
  }

  retry(): void {
    if (this.#module === null) this.#module = undefined;
  }
}
