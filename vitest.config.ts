import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects: fast unit tests (Node, or happy-dom where a file asks for it) and end-to-end tests that drive the
// built extension in real Chromium. `npm test` runs both; the end-to-end project runs one file at a time because
// each file starts its own Chromium and the machine has two cores.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/adapters/**/*.test.ts'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        // End-to-end tests import adapters and harness code in Node; they need the same `@/` alias, nothing else.
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
