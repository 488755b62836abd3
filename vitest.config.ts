import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/server/**/*.test.ts'],
    globalSetup: ['test/setup/postgres-server.ts'],
    environment: 'node',
    setupFiles: ['test/setup/fake-indexeddb.ts'],
    testTimeout: 20000,
  },
});
