import {createContext} from '@lit/context';
import type {AuthClient} from '../client/auth-client.js';

export const clientContext = createContext<AuthClient | undefined>(Symbol('auth-client'));
