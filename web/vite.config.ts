import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// Same-origin in dev and preview so session and CSRF cookies behave as in production; PORT is the API server's.
const apiProxy = {
  '/api': { target: `http://127.0.0.1:${process.env.PORT ?? '3000'}`, changeOrigin: false },
};

/**
 * Writes precache.json, the list of the build's files, which the service worker (web/public/sw.js) keeps so the
 * installed app opens without signal on any page (each page is its own lazily loaded file).
 */
function precacheList(): Plugin {
  return {
    name: 'srodesk-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/') && !f.endsWith('.map')).sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

/** Vite configuration of the web app: root is web/, output goes to dist/web for the Fastify server. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precacheList()],
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
