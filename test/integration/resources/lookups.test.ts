/** The lookups (Terraform data-source equivalents) against zilliz-local: options, env fallback, Outputs, errors. */
import type * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCluster, getProject, getRegions, lookupCloudProviders, lookupCluster, lookupProject, lookupRegions } from "../../../src/lookups";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { controlCalls, dedicatedCluster } from "./cloud-calls";

let emu: TestEmulator;
let opts: { apiKey: string; cloudApiUrl: string };
beforeAll(async () => {
  emu = await startTestEmulator();
  opts = { apiKey: emu.apiKey, cloudApiUrl: emu.url };
});
afterAll(async () => emu?.close());

const saved = { key: process.env.ZILLIZ_API_KEY, key2: process.env.ZILLIZCLOUD_API_KEY, url: process.env.ZILLIZ_CLOUD_API_URL };
afterEach(() => {
  for (const [name, value] of [["ZILLIZ_API_KEY", saved.key], ["ZILLIZCLOUD_API_KEY", saved.key2], ["ZILLIZ_CLOUD_API_URL", saved.url]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The value of an Output built outside a deployment (not a preview, so `apply` runs). */
const valueOf = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply((v) => resolve(v)));

describe("lookups", () => {
  it("cloud providers and regions, filtered by cloud", async () => {
    const clouds = await lookupCloudProviders(opts);
    expect(clouds.map((c) => c.cloudId)).toEqual(expect.arrayContaining(["aws", "gcp"]));
    const aws = await lookupRegions({ cloudId: "aws" }, opts);
    expect(aws.length).toBeGreaterThan(0);
    expect(aws.every((r) => r.cloudId === "aws" && r.regionId.startsWith("aws-"))).toBe(true);
  });

  it("credentials fall back to the environment when neither options nor stack config give them", async () => {
    process.env.ZILLIZ_API_KEY = emu.apiKey;
    process.env.ZILLIZ_CLOUD_API_URL = emu.url;
    const regions = await valueOf(getRegions({ cloudId: "gcp" }));
    expect(regions.map((r) => r.regionId)).toContain("gcp-us-west1");
  });

  it("without any key the lookup fails naming where a key can come from", async () => {
    delete process.env.ZILLIZ_API_KEY;
    delete process.env.ZILLIZCLOUD_API_KEY;
    await expect(lookupRegions({}, { cloudApiUrl: emu.url })).rejects.toThrow(/zilliz:apiKey/);
  });

  it("a project by name (default: Default Project) and by id; an unknown name lists the known ones", async () => {
    const def = await valueOf(getProject({}, opts));
    expect(def).toMatchObject({ projectName: "Default Project", projectId: expect.stringMatching(/^proj-/) });
    expect(await lookupProject({ projectId: def.projectId }, opts)).toEqual(def);
    await expect(lookupProject({ name: "nope" }, opts)).rejects.toThrow(/no project named "nope".*"Default Project" \(proj-/);
  });

  it("a cluster by name and by id, read-only (no write call), without its password", async () => {
    const c = await dedicatedCluster(emu, "lk-1");
    let byName: Awaited<ReturnType<typeof lookupCluster>> | undefined;
    const calls = await controlCalls(emu, async () => (byName = await valueOf(getCluster({ name: "lk-1" }, opts))));
    expect(calls.every((call) => call.startsWith("GET "))).toBe(true);
    expect(byName).toMatchObject({ clusterId: c.id, clusterName: "lk-1", plan: "Enterprise", status: "RUNNING", connectAddress: c.outs.connectAddress });
    expect(byName).not.toHaveProperty("password");
    expect(await lookupCluster({ clusterId: c.id }, opts)).toEqual(byName);
    const project = await lookupProject({}, opts);
    expect((await lookupCluster({ name: "lk-1", projectId: project.projectId }, opts)).clusterId).toBe(c.id);
    await expect(lookupCluster({ name: "lk-missing" }, opts)).rejects.toThrow(/no cluster named "lk-missing"/);
  });
});
