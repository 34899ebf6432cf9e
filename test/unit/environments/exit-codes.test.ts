import { describe, expect, it } from "vitest";
import type { EnvResult } from "../../../src/environments/env-result";
import { exitCodeOf } from "../../../src/environments/exit-codes";
import { summarizePlan } from "../../../src/environments/plan-summary";

const result = (over: Partial<EnvResult>): EnvResult => ({ env: "a", command: "up", status: "succeeded", elapsedMs: 1, changes: {}, ...over });
const drifted = { kind: "Cluster", name: "search", urn: "u", change: "update" as const, properties: ["labels"] };
const pendingPlan = summarizePlan([{ metadata: { op: "create", urn: "urn:pulumi:a::p::pulumi-nodejs:dynamic/zilliz:Alias::x", type: "pulumi-nodejs:dynamic/zilliz:Alias", provider: "" }, planning: true }]);
const emptyPlan = summarizePlan([]);

describe("exitCodeOf", () => {
  it("is 0 when every environment succeeded", () => {
    expect(exitCodeOf([result({}), result({ env: "b" })])).toBe(0);
  });

  it("is 1 when any environment failed, even when another drifted", () => {
    expect(exitCodeOf([result({}), result({ env: "b", status: "failed", error: "x" })])).toBe(1);
    expect(exitCodeOf([result({ command: "drift", drifted: [drifted] }), result({ command: "drift", status: "failed" })])).toBe(1);
    expect(exitCodeOf([])).toBe(1);
  });

  it("is 2 for drift whenever a resource drifted, and 0 when none did", () => {
    expect(exitCodeOf([result({ command: "drift", drifted: [] }), result({ command: "drift", drifted: [drifted] })])).toBe(2);
    expect(exitCodeOf([result({ command: "drift", drifted: [] })])).toBe(0);
  });

  it("is 2 for a preview with pending changes only under --expect-no-changes", () => {
    expect(exitCodeOf([result({ command: "preview", plan: pendingPlan })], { expectNoChanges: true })).toBe(2);
    expect(exitCodeOf([result({ command: "preview", plan: pendingPlan })])).toBe(0);
    expect(exitCodeOf([result({ command: "preview", plan: emptyPlan })], { expectNoChanges: true })).toBe(0);
    // An up that changed things is a success, not "pending".
    expect(exitCodeOf([result({ command: "up", changes: { create: 3 } })], { expectNoChanges: true })).toBe(0);
  });
});
