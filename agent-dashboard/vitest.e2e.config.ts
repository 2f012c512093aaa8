import { defineConfig } from "vitest/config";

// End-to-end specs: a real Chromium (playwright-core) against the running suite (deploy/local/up).
export default defineConfig({
  test: {
    environment: "node",
    globals: true,
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
