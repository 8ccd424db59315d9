import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser tier: real server, real Chromium. One file at a time: the specs share one server and the
// machine has two cores, which Chromium and the server already keep busy.
export default defineConfig({
  // Paths resolve from the package root, not from this folder.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
