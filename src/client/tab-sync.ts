/**
 * Keeps session state in step across tabs of the same site: a tab that signs in or out
 * tells the others, which then ask the API again. Nothing secret crosses the channel.
 */
export class TabSync {
  #channel: BroadcastChannel | null;

  constructor(name: string, onRemoteChange: () => void) {
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`auth-elements:${name}`) : null;
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
