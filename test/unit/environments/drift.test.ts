import type { EngineEvent, OpType, StepEventMetadata } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import { differingKeys, driftedResources } from "../../../src/environments/drift";

const TYPE = "pulumi-nodejs:dynamic/zilliz:";
/** An outputs event of a refresh preview, shaped as the engine sends it (recorded against zilliz-local). */
function out(op: OpType, kind: string, name: string, old?: Record<string, unknown>, now?: Record<string, unknown>, outputs?: [Record<string, unknown>, Record<string, unknown>]): EngineEvent {
  const type = kind.includes(":") ? kind : TYPE + kind;
  const state = (inputs: Record<string, unknown> | undefined, o: Record<string, unknown> | undefined) => (inputs ? ({ inputs, outputs: o ?? inputs } as never) : undefined);
  const metadata: StepEventMetadata = { op, urn: `urn:pulumi:e::zilliz-env::${type}::${name}`, type, provider: "", old: state(old, outputs?.[0]), new: state(now, outputs?.[1]) };
  return { sequence: 1, timestamp: 0, resOutputsEvent: { metadata, planning: true } };
}
const pre = (e: EngineEvent): EngineEvent => ({ sequence: 0, timestamp: 0, resourcePreEvent: { metadata: { ...e.resOutputsEvent!.metadata, op: "refresh" }, planning: true } });

describe("driftedResources", () => {
  it("names the resources the engine found changed, with the inputs that differ", () => {
    const cluster = out("update", "Cluster", "search", { __provider: "a", clusterName: "c", labels: { team: "search" } }, { __provider: "b", clusterName: "c", labels: { team: "other" } });
    const docs = out("same", "Collection", "docs", { collectionName: "docs" }, { collectionName: "docs" }, [{ loadState: "NotLoaded" }, { loadState: "Loaded" }]);
    expect(driftedResources([pre(cluster), pre(docs), cluster, docs])).toEqual([
      { kind: "Cluster", name: "search", urn: "urn:pulumi:e::zilliz-env::pulumi-nodejs:dynamic/zilliz:Cluster::search", change: "update", properties: ["labels"] },
    ]);
  });

  it("ignores computed outputs that moved on their own (the engine calls those same) and the stack and providers", () => {
    const events = [
      out("same", "Collection", "docs", { collectionName: "docs" }, { collectionName: "docs" }, [{ loadState: "NotLoaded" }, { loadState: "Loaded" }]),
      out("update", "pulumi:providers:pulumi-nodejs", "default", { a: 1 }, { a: 2 }),
      out("update", "pulumi:pulumi:Stack", "zilliz-env-e", { a: 1 }, { a: 2 }),
    ];
    expect(driftedResources(events)).toEqual([]);
  });

  it("reports a resource that is gone as a delete, and falls back to outputs when inputs agree", () => {
    const gone = out("delete", "Alias", "docs_live", { aliasName: "docs_live" }, undefined);
    const outputsOnly = out("update", "CollectionIndex", "docs.vec", { fieldName: "vec" }, { fieldName: "vec" }, [{ indexState: "Finished" }, { indexState: "Failed" }]);
    expect(driftedResources([gone, outputsOnly]).map((d) => [d.name, d.change, d.properties])).toEqual([
      ["docs_live", "delete", []],
      ["docs.vec", "update", ["indexState"]],
    ]);
  });
});

describe("differingKeys", () => {
  it("compares values structurally, ignoring key order and engine-internal keys", () => {
    expect(differingKeys({ a: { x: 1, y: 2 }, b: [1, 2], __provider: "old" }, { a: { y: 2, x: 1 }, b: [1, 2], __provider: "new" })).toEqual([]);
    expect(differingKeys({ a: 1, b: [1, 2] }, { b: [2, 1], c: true })).toEqual(["a", "b", "c"]);
  });
});
