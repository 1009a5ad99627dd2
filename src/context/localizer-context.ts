import {createContext} from '@lit/context';
import type {Localizer} from '../i18n/localizer.js';

export const localizerContext = createContext<Localizer | undefined>(Symbol('auth-localizer'));
