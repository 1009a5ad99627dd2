// Every generated framework file in one program with skipLibCheck off, so an error inside a
// generated .d.ts (an unresolved name, a bad augmentation) fails here instead of silently
// turning a type into `any` in an app that skips library checks.
import type {} from 'auth-elements/react';
import type {} from 'auth-elements/preact';
import type {} from 'auth-elements/solid';
import type {} from 'auth-elements/vue';
import type {} from 'auth-elements/svelte';
