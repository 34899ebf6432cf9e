/**
 * summarizePlan on the resourcePreEvents of a real preview (recorded through the engine against
 * zilliz-local, `__provider` and the cluster password left out): a labels update, a collection schema
 * change that replaces it (and so its index and import), a new alias and a changed import URL.
 */
import type { ResourcePreEvent } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import { summarizePlan } from "../../../src/environments/plan-summary";
import recorded from "./fixtures/preview-events.json";

describe("summarizePlan on recorded engine events", () => {
  const plan = summarizePlan(recorded as unknown as ResourcePreEvent[]);

  it("makes one row per changed resource, a replacement's three steps as one row", () => {
    expect(plan.rows.map((r) => [r.action, r.kind, r.name, r.properties, r.replacing, r.destructive])).toEqual([
      ["update", "Cluster", "search", ["labels"], [], false],
      ["replace", "CollectionIndex", "docs.embedding_hnsw", ["collectionName"], ["collectionName"], false],
      ["replace", "Collection", "docs", ["description", "schema"], ["schema"], true],
      ["create", "Alias", "docs_next", [], [], false],
      ["replace", "ImportJob", "docs.import-1", ["objectUrls"], ["objectUrls"], false],
    ]);
    expect(plan.counts).toEqual({ create: 1, update: 1, replace: 3, delete: 0, import: 0 });
  });

  it("renders the Markdown a pull request gets, the collection replacement in bold", () => {
    expect(plan.destructive).toBe(true);
    expect(plan.markdown).toBe(
      [
        "**Plan:** 1 to create, 1 to update, 3 to replace.",
        "",
        "> **Destructive:** 1 step (in bold) replaces or deletes a cluster, database or collection: the data in it is lost.",
        "",
        "| Action | Kind | Name | Changed properties |",
        "| --- | --- | --- | --- |",
        "| update | Cluster | `search` | `labels` |",
        "| replace | CollectionIndex | `docs.embedding_hnsw` | `collectionName` (replaces) |",
        "| **replace** | **Collection** | **`docs`** | `description`, `schema` (replaces) |",
        "| create | Alias | `docs_next` |  |",
        "| replace | ImportJob | `docs.import-1` | `objectUrls` (replaces) |",
        "",
      ].join("\n"),
    );
  });
});
