/** The fault soak's census (bench/soak-core.ts): what counts as an orphan and as a duplicate. */
import { describe, expect, it } from "vitest";
import { census, DEFAULT_MIX, mixRate } from "../../../bench/soak-core";

const K = "pulumi-nodejs:dynamic/zilliz:";
const stack = [
  { type: `${K}Cluster`, id: "in01-a", outputs: { clusterName: "qs" } },
  { type: `${K}Collection`, id: "default/docs", outputs: { collectionName: "docs" } },
  { type: `${K}CollectionIndex`, id: "default/docs/hnsw", outputs: { indexName: "hnsw" } },
  { type: `${K}ImportJob`, id: "job-1", outputs: {} },
  { type: `${K}Alias`, id: "a", outputs: { aliasName: "live" } },
  { type: `${K}User`, id: "u", outputs: { userName: "reader" } },
  { type: `${K}Role`, id: "r", outputs: { roleName: "ro" } },
];
const plane = (extra: { collections?: Record<string, unknown>; imports?: Record<string, unknown>; users?: string[] } = {}) => ({
  databases: { default: { collections: { docs: { indexes: [{ name: "hnsw" }], rows: new Array(24).fill({}) }, ...extra.collections }, aliases: { live: "docs" } } },
  users: Object.fromEntries(["root", "reader", ...(extra.users ?? [])].map((u) => [u, {}])),
  roles: { admin: {}, public: {}, ro: {} },
  imports: { "job-1": {}, ...extra.imports },
});

describe("fault soak census", () => {
  it("finds nothing when the server holds exactly the stack", () => {
    const server = { controlPlane: { clusters: [{ clusterId: "in01-a", clusterName: "qs", status: "RUNNING" }] }, dataPlanes: { "in01-a": plane() } };
    expect(census(server, stack, 24)).toEqual({ orphans: [], duplicates: [] });
  });

  it("names orphans (a cluster, a collection, a user the stack lacks) and duplicates (rows, import jobs, a cluster name twice)", () => {
    const server = {
      controlPlane: {
        clusters: [
          { clusterId: "in01-a", clusterName: "qs", status: "RUNNING" },
          { clusterId: "in01-b", clusterName: "qs", status: "RUNNING" },
          { clusterId: "in01-c", clusterName: "gone", status: "DELETED" },
        ],
      },
      dataPlanes: { "in01-a": { ...plane({ collections: { extra: { indexes: [], rows: [] } }, imports: { "job-2": {}, "job-3": { failure: "bad file" } }, users: ["stray"] }), databases: { default: { collections: { docs: { indexes: [{ name: "hnsw" }], rows: new Array(48).fill({}) }, extra: { indexes: [], rows: [] } }, aliases: { live: "docs" } } } } },
    };
    const { orphans, duplicates } = census(server, stack, 24);
    expect(orphans).toEqual(["cluster qs (in01-b)", "collection extra on in01-a", "user stray"]);
    expect(duplicates).toEqual(["cluster qs ×2", "rows in docs: 48 (expected 24)", "import jobs: 2 (the stack holds 1)"]);
  });

  it("the default mix fails about 10% of calls", () => {
    expect(mixRate(DEFAULT_MIX)).toBeGreaterThan(0.095);
    expect(mixRate(DEFAULT_MIX)).toBeLessThan(0.105);
  });
});
