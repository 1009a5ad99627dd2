import {loadOnce} from '../load-once.js';

/** The texted code's steps (texted-code.ts, with the phone number reader): loaded when a number is first sent. */
export const textedCode = loadOnce(() => import('./texted-code.js'), 'The phone sign-in');
