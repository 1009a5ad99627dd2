import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // auth-* tags are custom elements, not Vue components.
  plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith('auth-')}}})],
  // `npm run dev` forwards the API to a local identity server (the repo's `npm run server`).
  server: {proxy: {'/api/auth': 'http://127.0.0.1:3000'}},
});
