import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-integration',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        // Each file drives its own Chromium; one at a time keeps a 2-core machine from timing out.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          // Runs only when e2e files are part of the run: unit tests need no browser.
          globalSetup: ['test/support/require-chromium.ts'],
        },
      },
    ],
  },
});
