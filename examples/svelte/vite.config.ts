import {defineConfig} from 'vite';
import {svelte} from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // `npm run dev` forwards the API to a local identity server (the repo's `npm run server`).
  server: {proxy: {'/api/auth': 'http://127.0.0.1:3000'}},
});
