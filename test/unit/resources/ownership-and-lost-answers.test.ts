import { describe, expect, it } from "vitest";
import { ServerError, InvalidArgumentError } from "../../../src/client";
import type { ClusterApi } from "../../../src/resources/cluster/cluster-api";
import { markedClusterApi, OWNER_LABEL } from "../../../src/resources/cluster/cluster-ownership";
import { clusterSpec, type ClusterInputs } from "../../../src/resources/cluster/cluster-spec";
import type { ClusterArgs } from "../../../src/resources/cluster/cluster";
import { reportedFiles, sameFiles } from "../../../src/resources/import-job/import-recovery";
import { createOrFind, MAX_CREATE_SENDS, OutcomeUnknownError } from "../../../src/resources/shared/outcome-unknown";
import { ownerMarkOf } from "../../../src/resources/shared/ownership-mark";
import type { RuntimeContext } from "../../../src/resources/shared/runtime-context";

const ctx = (logs: string[] = []): RuntimeContext => ({ config: {}, log: (m) => logs.push(m) });
const lost = () => new ServerError({ method: "POST", path: "/x", httpStatus: 500, code: 500, serverMessage: "boom" });

describe("the ownership mark", () => {
  it("is a stable 16-hex hash of project, stack, kind and name, different for each", () => {
    const id = { project: "p", stack: "dev", kind: "Cluster", name: "search" };
    expect(ownerMarkOf(id)).toMatch(/^[0-9a-f]{16}$/);
    expect(ownerMarkOf(id)).toBe(ownerMarkOf({ ...id }));
    expect(new Set([ownerMarkOf(id), ownerMarkOf({ ...id, stack: "prod" }), ownerMarkOf({ ...id, name: "other" }), ownerMarkOf({ ...id, project: "q" })]).size).toBe(4);
  });

  it("is a hidden, create-only input of the Cluster: not an argument, filled by the class, never a change", () => {
    expect(clusterSpec.ownerMark).toMatchObject({ role: "input", hidden: true, change: "create-only" });
    // @ts-expect-error ownerMark is set by the class, not by the program
    const args: ClusterArgs = { clusterName: "c", plan: "Free", regionId: "gcp-us-west1", ownerMark: "x" };
    void args;
    expect(clusterSpec.ownerMark.fill!({ project: "p", stack: "s", kind: "Cluster", name: "n" })).toBe(ownerMarkOf({ project: "p", stack: "s", kind: "Cluster", name: "n" }));
  });

  it("travels with creates and label writes, and is never read back among the labels", async () => {
    const puts: Array<Record<string, string>> = [];
    let server: Record<string, string> = { team: "a" };
    const fake = {
      create: async (_plan: string, body: { labels?: Record<string, string> }) => ((server = body.labels ?? {}), { clusterId: "in05-1" }),
      getLabels: async () => server,
      putLabels: async (_id: string, labels: Record<string, string>) => (puts.push(labels), (server = labels)),
    } as unknown as ClusterApi;
    const zc = markedClusterApi(fake, "00112233445566aa", "v2");
    await zc.create("Serverless", { clusterName: "c", projectId: "p", regionId: "r", cuType: "", cuSize: 1, labels: { team: "a" } } as Parameters<ClusterApi["create"]>[1]);
    expect(server).toEqual({ team: "a", [OWNER_LABEL]: "00112233445566aa" });
    expect(await zc.getLabels("in05-1")).toEqual({ team: "a" });
    expect(zc.needsMark("in05-1")).toBe(false);
    server = { team: "b" };
    expect(await zc.getLabels("in05-1")).toEqual({ team: "b" });
    expect(zc.needsMark("in05-1")).toBe(true);
    await zc.putLabels("in05-1", { team: "b" });
    expect(puts.at(-1)).toEqual({ team: "b", [OWNER_LABEL]: "00112233445566aa" });
    // Over v1 there are no labels: nothing is added.
    const v1 = markedClusterApi(fake, "00112233445566aa", "v1");
    server = { team: "c" };
    await v1.getLabels("in05-1");
    expect(v1.needsMark("in05-1")).toBe(false);
    void ({} as ClusterInputs);
  });
});

describe("createOrFind (the outcome-unknown rule)", () => {
  it("returns the answer when the create succeeds, without looking anything up", async () => {
    let lookups = 0;
    const r = await createOrFind(ctx(), { what: "x", send: async () => 1, lookUp: async () => (lookups++, { absent: true }), resendWhenAbsent: true, nextStep: "n" });
    expect(r).toEqual({ sent: 1 });
    expect(lookups).toBe(0);
  });

  it("a refusal (not outcome-unknown) is thrown unchanged, without a lookup", async () => {
    const refusal = new InvalidArgumentError({ method: "POST", path: "/x", httpStatus: 200, code: 1100, serverMessage: "bad" });
    let lookups = 0;
    await expect(createOrFind(ctx(), { what: "x", send: async () => Promise.reject(refusal), lookUp: async () => (lookups++, { absent: true }), resendWhenAbsent: true, nextStep: "n" })).rejects.toBe(refusal);
    expect(lookups).toBe(0);
  });

  it("a lost answer: found → goes on with it; sent once", async () => {
    let sends = 0;
    const r = await createOrFind(ctx(), { what: "x", send: async () => (sends++, Promise.reject(lost())), lookUp: async () => ({ found: "obj" }), resendWhenAbsent: true, nextStep: "n" });
    expect(r).toEqual({ found: "obj" });
    expect(sends).toBe(1);
  });

  it("absent: sent again only where names are unique, at most MAX_CREATE_SENDS times in all", async () => {
    let sends = 0;
    const logs: string[] = [];
    const rule = { what: "x", send: async () => (sends++, Promise.reject(lost())), lookUp: async () => ({ absent: true as const }), nextStep: "do this" };
    const e1 = await createOrFind(ctx(logs), { ...rule, resendWhenAbsent: true }).catch((e: unknown) => e);
    expect(MAX_CREATE_SENDS).toBe(3);
    expect(sends).toBe(3);
    expect(e1).toBeInstanceOf(OutcomeUnknownError);
    sends = 0;
    const e2 = await createOrFind(ctx(), { ...rule, resendWhenAbsent: false }).catch((e: unknown) => e);
    expect(sends).toBe(1);
    expect((e2 as Error).message).toMatch(/answer was lost .*nothing it would have created exists yet\. Next step: do this/);
  });

  it("unknowable, or a lookup that fails too: fails with the reason and the next step", async () => {
    const a = await createOrFind(ctx(), { what: "x", send: async () => Promise.reject(lost()), lookUp: async () => ({ unknowable: "two candidates" }), resendWhenAbsent: true, nextStep: "n" }).catch((e: Error) => e.message);
    expect(a).toMatch(/cannot tell whether it was carried out: two candidates\. Next step: n/);
    const b = await createOrFind(ctx(), { what: "x", send: async () => Promise.reject(lost()), lookUp: async () => Promise.reject(new Error("down")), resendWhenAbsent: true, nextStep: "n" }).catch((e: Error) => e.message);
    expect(b).toMatch(/looking it up failed too \(down\)/);
  });
});

describe("import job files", () => {
  it("reads Milvus's Go-formatted file units and the cloud's URLs", () => {
    expect(reportedFiles({ jobId: "1", state: "Importing", details: [{ fileName: "[a.json b.json]" }, { fileName: "[c.json]" }] })).toEqual(["a.json", "b.json", "c.json"]);
    expect(reportedFiles({ jobId: "j", state: "Importing", fileName: "s3://b/x.json", details: [{ fileName: "s3://b/x.json" }] })).toEqual(["s3://b/x.json"]);
  });

  it("matches a job to the files of a request", () => {
    expect(sameFiles(["a.json"], ["a.json"])).toBe(true);
    expect(sameFiles(["a.json"], ["a.json", "b.json"])).toBe(true);
    expect(sameFiles(["b.json"], ["a.json", "b.json"])).toBe(false);
    expect(sameFiles(["a.json", "z.json"], ["a.json"])).toBe(false);
    expect(sameFiles([], ["a.json"])).toBe(false);
    // A volume import is recognised by its data paths: the job reports them as URLs ending with the path.
    expect(sameFiles(["s3://staged/batch/a.json"], ["batch/a.json"])).toBe(true);
    expect(sameFiles(["s3://staged/batch/a.json"], ["/batch/a.json"])).toBe(true);
    expect(sameFiles(["s3://staged/other/a.json"], ["batch/a.json"])).toBe(false);
    expect(sameFiles(["s3://staged/xbatch/a.json"], ["batch/a.json"])).toBe(false);
    // Object URLs still compare as whole texts.
    expect(sameFiles(["s3://other/a.json"], ["s3://b/a.json"])).toBe(false);
  });
});
