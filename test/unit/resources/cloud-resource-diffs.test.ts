/** Control-plane resources without a server: cluster autoscaling (canonical form, modify body, diff) and the backup policy diff. */
import { describe, expect, it } from "vitest";
import { autoscalingBody, canonicalAutoscaling } from "../../../src/resources/cluster/cluster-autoscaling";
import { provider } from "../../../src/resources/runtime";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

const p = provider("Cluster", { config: {}, log: () => undefined });
const base = { clusterName: "c", plan: "Enterprise", regionId: "aws-us-west-2" };
const stored = (over: Record<string, unknown>) => ({ ...base, clusterId: "in01-1", status: "RUNNING", stateVersion: 2, ...over });

describe("canonicalAutoscaling", () => {
  it("treats no rule, {} and null rules as no autoscaling", () => {
    expect(canonicalAutoscaling(undefined)).toBeUndefined();
    expect(canonicalAutoscaling({})).toBeUndefined();
    expect(canonicalAutoscaling({ cu: null, replica: undefined })).toBeUndefined();
  });

  it("defaults a schedule's time zone to UTC and spells Etc/UTC the same", () => {
    const written = canonicalAutoscaling({ replica: { schedules: [{ cron: "0 8 * * *", target: 2 }] } });
    expect(written).toEqual({ replica: { schedules: [{ cron: "0 8 * * *", target: 2, timezone: "UTC" }] } });
    expect(canonicalAutoscaling({ replica: { schedules: [{ cron: " 0 8 * * * ", target: 2, timezone: "Etc/UTC" }] } })).toEqual(written);
    expect(canonicalAutoscaling({ replica: { schedules: [{ cron: "0 8 * * *", target: 2, timezone: "Asia/Tokyo" }] } })).not.toEqual(written);
  });
});

describe("autoscalingBody", () => {
  it("sends the rules wanted and null for each rule to drop, nothing for rules absent on both sides", () => {
    expect(autoscalingBody({ cu: { min: 1, max: 4 } }, { cu: { min: 1, max: 2 }, replica: { min: 1, max: 2 } })).toEqual({ cu: { min: 1, max: 4 }, replica: null });
    expect(autoscalingBody(undefined, { cu: { min: 1, max: 2 } })).toEqual({ cu: null });
    expect(autoscalingBody({ replica: { min: 1, max: 3 } }, undefined)).toEqual({ replica: { min: 1, max: 3 } });
  });
});

describe("the diff of a cluster with autoscaling", () => {
  const scaled = { ...base, autoscaling: { cu: { min: 2, max: 8 } } };

  it("no change: the size the rule drives is neither stored nor compared", async () => {
    const d = await p.diff("in01-1", stored({ autoscaling: { cu: { min: 2, max: 8 } }, currentCuSize: 5 }), scaled);
    expect(d.changes).toBe(false);
  });

  it("a new range is an in-place update", async () => {
    const d = await p.diff("in01-1", stored({ autoscaling: { cu: { min: 2, max: 8 } } }), { ...base, autoscaling: { cu: { min: 2, max: 16 } } });
    expect(d).toMatchObject({ changes: true, replaces: [] });
  });

  it("dropping the rule for a fixed size is an in-place update of both", async () => {
    const d = await p.diff("in01-1", stored({ autoscaling: { cu: { min: 2, max: 8 } } }), { ...base, cuSize: 2 });
    expect(d).toMatchObject({ changes: true, replaces: [] });
  });

  it("a cluster without autoscaling still compares cuSize with its default 1", async () => {
    expect((await p.diff("in01-1", stored({ cuSize: 1 }), base)).changes).toBe(false);
    expect(await p.diff("in01-1", stored({ cuSize: 1 }), { ...base, cuSize: 2 })).toMatchObject({ changes: true, replaces: [] });
  });

  it("an unknown autoscaling value in a preview plans an update, never a replace", async () => {
    const d = await p.diff("in01-1", stored({ autoscaling: { cu: { min: 2, max: 8 } } }), { ...base, autoscaling: { cu: UNKNOWN } });
    expect(d).toMatchObject({ changes: true, replaces: [] });
  });
});

describe("the diff of a backup policy", () => {
  const bp = provider("BackupPolicy", { config: {}, log: () => undefined });
  const policy = { clusterId: "in01-1", frequency: "1,3,5", startTime: "02:00-04:00", retentionDays: 7 };

  it("weekday order, and a copy's retention the server filled from the policy, are no change", async () => {
    const olds = { ...policy, frequency: "5,3,1", crossRegionCopies: [{ regionId: "aws-us-east-1", retentionDays: 7 }], status: "ENABLED", stateVersion: 2 };
    expect((await bp.diff("in01-1", olds, { ...policy, crossRegionCopies: [{ regionId: "aws-us-east-1" }] })).changes).toBe(false);
  });

  it("another retention for a copy, or another copy region, is an in-place update", async () => {
    const olds = { ...policy, crossRegionCopies: [{ regionId: "aws-us-east-1" }], stateVersion: 2 };
    expect(await bp.diff("in01-1", olds, { ...policy, crossRegionCopies: [{ regionId: "aws-us-east-1", retentionDays: 9 }] })).toMatchObject({ changes: true, replaces: [] });
    expect(await bp.diff("in01-1", olds, { ...policy, crossRegionCopies: [{ regionId: "gcp-us-west1" }] })).toMatchObject({ changes: true, replaces: [] });
  });

  it("another cluster replaces it", async () => {
    expect(await bp.diff("in01-1", { ...policy, stateVersion: 2 }, { ...policy, clusterId: "in01-2" })).toMatchObject({ replaces: ["clusterId"] });
  });
});
