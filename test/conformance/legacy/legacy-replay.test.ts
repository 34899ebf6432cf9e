/**
 * Conformance: the seed document's own examples (steps named `doc: …`, one per example in seed 002) and
 * hand-written edge cases replayed against the legacy API. The clock is fixed so that generated IDs and segment
 * names are the seed's; an `advance` step sets it (milliseconds, microseconds as the fraction).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLegacyApi } from "../../../src/emulator/legacy";
import { listen, replay, send, type Fixture } from "../replay";

describe("legacy Milvus 0.x API conformance", () => {
  it("replays legacy-0x.json", async () => {
    const fixture = JSON.parse(readFileSync(path.join(__dirname, "legacy-0x.json"), "utf8")) as Fixture;
    let clock = 1_500_000_000_000;
    const { url, server } = await listen(createLegacyApi({ now: () => clock }).handle);
    try {
      await replay(url, fixture, { advance: (to) => void (clock = Number(to)) });
    } finally {
      server.close();
    }
  });

  it("snapshots, resets and restores its state", async () => {
    const api = createLegacyApi();
    const { url, server } = await listen(api.handle);
    try {
      await send(url, "POST", "/collections", JSON.stringify({ collection_name: "kept", dimension: 3 }));
      const saved = JSON.parse(JSON.stringify(api.snapshot())) as unknown;
      api.reset();
      expect((await send(url, "GET", "/collections")).json).toEqual({ collections: [], count: 0 });
      api.restore(saved);
      expect(((await send(url, "GET", "/collections")).json as { count: number }).count).toBe(1);
    } finally {
      server.close();
    }
  });
});
