import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// Same-origin in dev and preview so session and CSRF cookies behave as in production; PORT is the API server's.
const apiProxy = {
  '/api': { target: `http://127.0.0.1:${process.env.PORT ?? '3000'}`, changeOrigin: false },
};

/** Vite configuration of the web app: root is web/, output goes to dist/web for the Fastify server. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: { '@common': fileURLToPath(new URL('../common', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: apiProxy,
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  preview: { host: '127.0.0.1', port: 4173, proxy: apiProxy },
});
