// Keeps svelte-check from reading the repo's vite.config.ts: the fixture needs no preprocessing.
export default {};
