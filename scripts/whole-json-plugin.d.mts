import type {Plugin} from 'vite';
export function wholeJson(): Plugin;
