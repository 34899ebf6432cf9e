import type { EngineEvent, OpType, ResourcePreEvent } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import { planCollector, summarizePlan } from "../../../src/environments/plan-summary";

const TYPE = "pulumi-nodejs:dynamic/zilliz:";
/** This package's kinds by their short name; any type token with a colon as it is. */
const typeOf = (kind: string) => (kind.includes(":") ? kind : TYPE + kind);
const urn = (kind: string, name: string) => `urn:pulumi:pr-1::env::${typeOf(kind)}::${name}`;

/** A hand-made pre-event as the engine sends it in a preview. */
function pre(op: OpType, kind: string, name: string, extra: Partial<ResourcePreEvent["metadata"]> = {}): ResourcePreEvent {
  return { metadata: { op, urn: urn(kind, name), type: typeOf(kind), provider: "", ...extra }, planning: true };
}
const engine = (e: ResourcePreEvent, sequence: number): EngineEvent => ({ sequence, timestamp: 0, resourcePreEvent: e });

describe("summarizePlan", () => {
  it("reports no changes when every step is a same, read or refresh", () => {
    const s = summarizePlan([pre("same", "Collection", "docs"), pre("read", "Cluster", "c"), pre("refresh", "Alias", "a")]);
    expect(s.rows).toEqual([]);
    expect(s.destructive).toBe(false);
    expect(s.markdown).toBe("**Plan:** no changes.\n");
  });

  it("makes one row per resource with its action, kind, name and changed properties", () => {
    const s = summarizePlan([
      pre("create", "pulumi:pulumi:Stack", "env-pr-1"),
      pre("create", "CollectionIndex", "docs.vec"),
      pre("update", "Cluster", "search", { diffs: ["cuSize", "__provider"], detailedDiff: { cuSize: { diffKind: "update" as never, inputDiff: true } } }),
      pre("update", "Alias", "docs_live", { diffs: ["collectionName"] }),
      pre("delete", "User", "old_app"),
    ]);
    expect(s.rows.map((r) => [r.action, r.kind, r.name, r.properties, r.destructive])).toEqual([
      ["create", "CollectionIndex", "docs.vec", [], false],
      ["update", "Cluster", "search", ["cuSize"], false],
      ["update", "Alias", "docs_live", ["collectionName"], false],
      ["delete", "User", "old_app", [], false],
    ]);
    expect(s.destructive).toBe(false);
    expect(s.counts).toEqual({ create: 1, update: 2, replace: 0, delete: 1, import: 0 });
    expect(s.markdown).toBe([
      "**Plan:** 1 to create, 2 to update, 1 to delete.",
      "",
      "| Action | Kind | Name | Changed properties |",
      "| --- | --- | --- | --- |",
      "| create | CollectionIndex | `docs.vec` |  |",
      "| update | Cluster | `search` | `cuSize` |",
      "| update | Alias | `docs_live` | `collectionName` |",
      "| delete | User | `old_app` |  |",
      "",
    ].join("\n"));
  });

  it("merges a replacement's steps into one bold, destructive row naming the properties that replace", () => {
    const replaceMeta = { keys: ["schema"], diffs: ["schema", "description"], detailedDiff: { "schema.fields[1].dim": { diffKind: "update-replace" as never, inputDiff: true }, description: { diffKind: "update" as never, inputDiff: true } } };
    const events = [
      pre("delete-replaced", "Collection", "docs", replaceMeta),
      pre("replace", "Collection", "docs", replaceMeta),
      pre("create-replacement", "Collection", "docs", replaceMeta),
      pre("replace", "CollectionIndex", "docs.vec", { keys: ["collectionName"], diffs: ["collectionName"] }),
    ].map(engine);
    const s = summarizePlan(events);
    expect(s.rows).toHaveLength(2);
    expect(s.rows[0]).toMatchObject({ action: "replace", kind: "Collection", name: "docs", properties: ["schema.fields[1].dim", "description"], replacing: ["schema.fields[1].dim"], destructive: true });
    // An index holds no data of its own: replacing it is not destructive.
    expect(s.rows[1]).toMatchObject({ action: "replace", kind: "CollectionIndex", properties: ["collectionName"], replacing: ["collectionName"], destructive: false });
    expect(s.destructive).toBe(true);
    expect(s.markdown).toContain("> **Destructive:** 1 step (in bold) replaces or deletes a cluster, database or collection");
    expect(s.markdown).toContain("| **replace** | **Collection** | **`docs`** | `schema.fields[1].dim` (replaces), `description` |");
    expect(s.markdown).toContain("| replace | CollectionIndex | `docs.vec` | `collectionName` (replaces) |");
  });

  it.each([
    ["delete", "Cluster"],
    ["delete", "Database"],
    ["delete", "Collection"],
    ["replace", "Cluster"],
    ["replace", "Database"],
  ] as const)("flags %s of a %s as destructive", (op, kind) => {
    const s = summarizePlan([pre(op, kind, "x")]);
    expect(s.destructive).toBe(true);
    expect(s.markdown).toContain(`| **${op}** | **${kind}** | **\`x\`** |`);
  });

  it.each([
    ["delete", "Alias"],
    ["delete", "CollectionIndex"],
    ["replace", "ImportJob"],
    ["update", "Collection"],
    ["create", "Cluster"],
  ] as const)("does not flag %s of a %s", (op, kind) => {
    expect(summarizePlan([pre(op, kind, "x")]).destructive).toBe(false);
  });

  it("takes the data kinds as an option, and other packages' types by their full token", () => {
    const s = summarizePlan([pre("delete", "aws:s3/bucket:Bucket", "b")], { dataKinds: ["aws:s3/bucket:Bucket"] });
    expect(s.rows[0]).toMatchObject({ kind: "aws:s3/bucket:Bucket", name: "b", destructive: true });
  });

  it("escapes pipes in names so the table keeps its columns", () => {
    const s = summarizePlan([pre("create", "Collection", "a|b")]);
    expect(s.markdown).toContain("| create | Collection | `a\\|b` |  |");
  });

  it("collects pre-events from a preview's onEvent stream", () => {
    const c = planCollector();
    c.onEvent({ sequence: 1, timestamp: 0, preludeEvent: { config: {} } });
    c.onEvent(engine(pre("delete", "Database", "analytics"), 2));
    expect(c.summary().rows.map((r) => r.name)).toEqual(["analytics"]);
    expect(c.summary().destructive).toBe(true);
  });

  it("finds an update's changed inputs in its old and new state when the engine gives no diffs (dynamic providers)", () => {
    const state = (inputs: Record<string, unknown>) => ({ type: TYPE + "Alias", urn: urn("Alias", "live"), id: "x", parent: "", provider: "", inputs, outputs: {} });
    const s = summarizePlan([
      pre("update", "Alias", "live", {
        old: state({ aliasName: "live", collectionName: "docs", __provider: "a", endpoint: "http://h" }),
        new: state({ aliasName: "live", collectionName: "docs2", __provider: "b", endpoint: "http://h" }),
      }),
    ]);
    expect(s.rows[0]!.properties).toEqual(["collectionName"]);
    expect(s.markdown).toContain("| update | Alias | `live` | `collectionName` |");
  });
});
