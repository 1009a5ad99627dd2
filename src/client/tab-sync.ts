/**
 * Keeps session state in step across tabs of the same site: a tab that signs in or out
 * tells the others, which then ask the API again. Nothing secret crosses the channel.
 */
export class TabSync {
  #channel: BroadcastChannel | null;

  constructor(name: string, onRemoteChange: () => void) {
    // Only in a browser: on a server (Node has the global) a channel would join unrelated
    // requests' clients to each other and keep the process from exiting.
    this.#channel = typeof BroadcastChannel === 'function' && !onServer() ? new BroadcastChannel(`auth-elements:${name}`) : null;
    if (this.#channel) this.#channel.onmessage = () => onRemoteChange();
  }

  announce(): void {
    this.#channel?.postMessage('session-changed');
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}

/** A server runtime (Node, Deno, Bun), even one with a DOM shim installed; not a browser page or worker. */
function onServer(): boolean {
  return typeof (globalThis as {process?: {versions?: {node?: unknown}}}).process?.versions?.node === 'string';
}
