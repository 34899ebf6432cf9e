import { defineConfig } from "vitest/config";

// Three tiers, run in this order by scripts/test.sh:
// - unit: pure logic and the client through undici MockAgent; no sockets beyond loopback fakes.
// - integration: the client, emulator and resources against real local servers (emulator, real Milvus).
// - e2e: the real Pulumi engine through the Automation API on a file:// backend.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "src/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/conformance/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          // The Pulumi SDK keeps global state per process (one inline program at a time): each e2e file
          // runs in its own forked process. Files share nothing (each starts its own emulator and stack), so
          // scripts/test.sh runs two at once (--maxWorkers=2: vitest 3 takes worker counts only for the whole
          // run, not per project); most of their time is spent waiting on the engine and the emulator.
          pool: "forks",
        },
      },
    ],
  },
});
