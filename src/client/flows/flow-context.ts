import type {IdentityAdapter} from '../adapters/adapter.js';
import type {SessionInfo} from '../types.js';

/** What a flow needs from its client: the adapter, and a way to open the session it won. */
export interface FlowContext {
  adapter: IdentityAdapter;
  openSession(info: SessionInfo): void;
  /** Leaves the page for another (a social provider's sign-in); AuthClient gives `location.assign`. */
  navigate(url: string): void;
}
