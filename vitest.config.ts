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
          // Chromium on a 2-core machine that also runs the other tests: key input sent over
          // the DevTools protocol arrives with gaps (a scanner burst typed 4 ms apart was seen
          // split at 40 ms) and audio clocks drift. A test that fails three times is a failure.
          testTimeout: 60_000,
          retry: 2,
          // Runs only when e2e files are part of the run: unit tests need no browser.
          globalSetup: ['test/support/require-chromium.ts'],
        },
      },
    ],
  },
});
