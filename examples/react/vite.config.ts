import {defineConfig} from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // `npm run dev` forwards the API to a local identity server (the repo's `npm run server`).
  server: {proxy: {'/api/auth': 'http://127.0.0.1:3000'}},
});
