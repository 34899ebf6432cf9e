/**
 * `loaded: true` on a Collection whose indexes come in the same `up`: the engine creates the collection
 * first (its indexes depend on it), so the collection records the load as waiting for its indexes and the
 * index create that completes the set loads it. Through the runtime against a zilliz-local cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, providerFor, refreshNoDiff, up } from "./harness";

let emu: TestEmulator;
let endpoint = "";
let token = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  ({ endpoint, token } = await clusterOn(emu, "deferred-load"));
});
afterAll(async () => emu?.close());

const mc = () => new MilvusClient({ endpoint, token });
const fields = [
  { name: "id", dataType: "Int64", isPrimary: true },
  { name: "vec", dataType: "FloatVector", dim: 4 },
  { name: "bits", dataType: "BinaryVector", dim: 16 },
];
const pendingFlag = async (collectionName: string) =>
  ((await mc().collections.describe({ collectionName })).properties ?? []).find((kv) => kv.key === "pulumi-zilliz.reloadAfterIndex")?.value;

describe("Collection loaded: true before its indexes exist", () => {
  const inputs = () => ({ endpoint, token, collectionName: "docs", schema: { fields }, loaded: true });
  let id = "";
  let outs: Record<string, unknown> = {};

  it("create succeeds, stores loaded: true and records the load as waiting for indexes", async () => {
    const { p, logs } = providerFor("Collection", emu);
    ({ id, outs } = await up(p, inputs()));
    expect(outs.loaded).toBe(true);
    expect(outs.loadState).toBe("NotLoaded");
    expect((await mc().collections.getLoadState({ collectionName: "docs" })).loadState).toBe("LoadStateNotLoad");
    expect(await pendingFlag("docs")).toBe("true");
    expect(logs.join("\n")).toMatch(/no index yet on vec, bits/);
    // What preview compares: the stored state against the same program, no change.
    expect((await p.diff!(id, outs, inputs())).changes).toBe(false);
  });

  it("the first index does not load it yet (the other vector field has none); the last one does", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    await up(p, { endpoint, token, collectionName: "docs", fieldName: "vec", indexType: "FLAT", metricType: "L2" });
    expect((await mc().collections.getLoadState({ collectionName: "docs" })).loadState).toBe("LoadStateNotLoad");
    expect(await pendingFlag("docs")).toBe("true");
    await up(p, { endpoint, token, collectionName: "docs", fieldName: "bits", indexType: "BIN_FLAT", metricType: "HAMMING" });
    expect((await mc().collections.getLoadState({ collectionName: "docs" })).loadState).toBe("LoadStateLoaded");
    expect(await pendingFlag("docs")).toBeUndefined();
  });

  it("a refresh of the collection sees it loaded: no diff, and the flag is not reported as a property", async () => {
    const { p } = providerFor("Collection", emu);
    const r = await refreshNoDiff(p, id, outs, inputs());
    expect(r.props).toMatchObject({ loaded: true, loadState: "Loaded" });
    expect((r.props as Record<string, unknown>).properties).toBeUndefined();
  });

  it("loaded: false withdraws a waiting load (a later index create does not load it)", async () => {
    const { p } = providerFor("Collection", emu);
    const made = await up(p, { endpoint, token, collectionName: "later", schema: { fields: fields.slice(0, 2) }, loaded: true });
    expect(await pendingFlag("later")).toBe("true");
    const news = { endpoint, token, collectionName: "later", schema: { fields: fields.slice(0, 2) }, loaded: false };
    const d = await p.diff!(made.id, made.outs, news);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    const updated = (await p.update!(made.id, made.outs, news)).outs as Record<string, unknown>;
    expect(updated.loaded).toBe(false);
    expect(await pendingFlag("later")).toBeUndefined();
    await up(providerFor("CollectionIndex", emu).p, { endpoint, token, collectionName: "later", fieldName: "vec", indexType: "FLAT", metricType: "L2" });
    expect((await mc().collections.getLoadState({ collectionName: "later" })).loadState).toBe("LoadStateNotLoad");
  });
});
