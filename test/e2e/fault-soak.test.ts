/**
 * A short fault soak through the real engine: the quickstart three times under ≈10% mixed faults (429, 500,
 * 503, resets, latency, answers lost after acting) on the control plane and every data plane. Each run must
 * end with no orphan, no duplicate, a clean refresh and a complete destroy, and reach convergence without
 * editing the program or the state. The 20-run figures come from `npm run soak` (docs/benchmarks.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSoak, summarize, type SoakRun } from "../../bench/soak-core";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { inlineStack, repoRoot } from "../support/pulumi";

describe("fault soak (short)", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ legacyPort: false });
  });
  afterAll(async () => emu?.close());

  it("3 quickstart runs at 10% faults: 0 orphans, 0 duplicates, refresh clean after each", async () => {
    const runs: SoakRun[] = await runSoak({
      emulator: { url: emu.url, apiKey: emu.apiKey },
      repoRoot,
      runs: 3,
      seed: 101,
      makeStack: async (label, program, config) => {
        const t = await inlineStack({ projectName: label, program, config });
        return { stack: t.stack, cleanup: t.cleanup };
      },
    });
    const s = summarize(runs);
    // The faults really hit calls (otherwise this proves nothing).
    expect(s.faultsFired).toBeGreaterThan(0);
    expect(runs.flatMap((r) => r.orphans)).toEqual([]);
    expect(runs.flatMap((r) => r.duplicates)).toEqual([]);
    expect(runs.map((r) => r.refreshError ?? "clean")).toEqual(["clean", "clean", "clean"]);
    expect(runs.map((r) => (r.firstUp ? "converged" : r.recovered ? "recovered" : `failed: ${r.recoveryError}`)).filter((x) => x.startsWith("failed"))).toEqual([]);
    expect(s.destroyed).toBe(3);
  });
});
