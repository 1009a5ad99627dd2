import {createContext} from '@lit/context';
import type {Appearance} from '../appearance/appearance.js';

export const appearanceContext = createContext<Appearance | undefined>(Symbol('auth-appearance'));
