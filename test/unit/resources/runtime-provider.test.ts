import { describe, expect, it } from "vitest";
import { provider } from "../../../src/resources/runtime";
import { readProviderConfig, requireApiKey } from "../../../src/resources/shared/provider-config";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("provider config", () => {
  it("reads zilliz:apiKey and zilliz:cloudApiUrl from the stack config first", () => {
    const cfg = readProviderConfig(config({ "zilliz:apiKey": "from-config", "zilliz:cloudApiUrl": "http://127.0.0.1:1" }), { ZILLIZ_API_KEY: "from-env" });
    expect(cfg).toMatchObject({ apiKey: "from-config", cloudApiUrl: "http://127.0.0.1:1", allowDataLoss: false });
  });

  it("falls back to ZILLIZ_API_KEY, then ZILLIZCLOUD_API_KEY, and ZILLIZ_CLOUD_API_URL", () => {
    expect(readProviderConfig(config({}), { ZILLIZ_API_KEY: "a", ZILLIZCLOUD_API_KEY: "b", ZILLIZ_CLOUD_API_URL: "http://x" })).toMatchObject({ apiKey: "a", cloudApiUrl: "http://x" });
    expect(readProviderConfig(undefined, { ZILLIZCLOUD_API_KEY: "b" }).apiKey).toBe("b");
    expect(readProviderConfig(config({ "zilliz:allowDataLoss": "true" }), {}).allowDataLoss).toBe(true);
  });

  it("explains where a missing key comes from", () => {
    expect(() => requireApiKey({})).toThrow(/zilliz:apiKey.*ZILLIZ_API_KEY/);
  });
});

describe("runtime provider", () => {
  it("configure() stores the stack config the engine sends", async () => {
    const p = provider("Cluster", { log: () => undefined });
    await p.configure({ config: config({ "zilliz:apiKey": "k", "zilliz:cloudApiUrl": "http://127.0.0.1:9" }) } as never);
    // The key is used: the call reaches the configured (closed) port instead of failing for a missing key.
    const err = (await p.create({ clusterName: "c", plan: "Free", regionId: "gcp-us-west1", projectId: "proj-00" }).then(() => new Error("unexpected success"), (e: unknown) => e)) as Error;
    expect(err.message).not.toBe("unexpected success");
    expect(err.message).not.toMatch(/no Zilliz Cloud API key/);
    expect(err.message).not.toContain("k\"");
  });

  it("check reports failures by property and passes the inputs on unchanged", async () => {
    const p = provider("Collection", { log: () => undefined });
    const news = { __provider: "text", endpoint: "https://h", collectionName: "docs", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "v", dataType: "FloatVector", dim: 0 }] } };
    const r = await p.check({}, news);
    expect(r.inputs).toBe(news);
    expect(r.failures).toEqual([{ property: "schema.fields[1].dim", reason: expect.any(String) }]);
  });

  it("diff ignores __provider", async () => {
    const p = provider("ImportJob", { log: () => undefined });
    const state = { __provider: "old", clusterId: "in01-1", collectionName: "c", objectUrls: [["s3://b/a"]], jobId: "job-1" };
    expect(await p.diff("job-1", state, { __provider: "new", clusterId: "in01-1", collectionName: "c", objectUrls: ["s3://b/a"] })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("refuses an unknown kind", () => {
    expect(() => provider("Aliass")).toThrow(/unknown resource kind "Aliass"/);
  });
});
