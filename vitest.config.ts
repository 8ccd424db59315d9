import { defineConfig } from 'vitest/config';

// Unit and API tiers (server and shared code). The browser tier has its own config: e2e/vitest.config.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', '.test-tmp/**'],
    globalSetup: ['server/test/global-setup.ts'],
    // PGlite runs PostgreSQL in WebAssembly: opening and querying are slower than a native server.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Processes rather than threads: PGlite's WebAssembly memory and argon2's native threads stay per file.
    pool: 'forks',
    // Two cores: more workers only make each PGlite slower.
    maxWorkers: 2,
  },
});
