import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { parseEnvSpec } from "../../../src/environments/parse-spec";
import { declareEnvironment, environmentProgram } from "../../../src/environments/program";
import { goodSpec } from "./fixtures";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}
const registered: Registered[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registered.push({ type: a.type.replace("pulumi-nodejs:dynamic/zilliz:", ""), name: a.name, inputs: a.inputs });
        const isCluster = a.type.endsWith(":Cluster");
        const id = isCluster ? `in01-${a.name}` : `${a.name}-id`;
        const extra = isCluster
          ? { clusterId: id, connectAddress: `https://${id}.local`, username: "db_admin", password: "pw-1" }
          : a.type.endsWith(":CollectionIndex") ? { indexState: "Finished" } : {};
        return { id, state: { ...a.inputs, ...extra } };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));
/** Registration is asynchronous: wait until `n` resources reached the (mock) engine. */
async function settle(n: number): Promise<void> {
  for (let i = 0; i < 200 && registered.length < n; i++) await new Promise((r) => setTimeout(r, 10));
}
// The outputs of the good spec's program (declared once: a second declaration would reuse its names).
let outputs: Record<string, any> = {};
const inputsOf = (type: string, name: string) => registered.find((r) => r.type === type && r.name === name)?.inputs;

describe("environment program", () => {
  it("registers one resource per entry, data-plane ones wired to their cluster's id", async () => {
    registered.length = 0;
    outputs = (await environmentProgram(parseEnvSpec(JSON.stringify(goodSpec())))()) as Record<string, any>;
    await settle(9);
    expect(registered.map((r) => `${r.type}:${r.name}`).sort()).toEqual([
      "Alias:docs_live", "Cluster:search", "Collection:analytics.events", "Collection:docs", "CollectionIndex:docs.vec",
      "Database:analytics", "ImportJob:docs.import-1", "Role:reader", "User:app",
    ].sort());
    expect(inputsOf("Cluster", "search")).toMatchObject({ clusterName: "search-pr-1", plan: "Serverless", regionId: "gcp-us-west1" });
    for (const [type, name] of [["Database", "analytics"], ["Collection", "docs"], ["Collection", "analytics.events"], ["CollectionIndex", "docs.vec"], ["Alias", "docs_live"], ["Role", "reader"], ["User", "app"], ["ImportJob", "docs.import-1"]]) {
      expect(inputsOf(type!, name!)?.clusterId, `${type} ${name}`).toBe("in01-search");
      expect(inputsOf(type!, name!)?.endpoint, `${type} ${name}`).toBeUndefined();
    }
  });

  it("passes each entry's arguments, with references resolved to the referenced resources", async () => {
    expect(inputsOf("Collection", "analytics.events")).toMatchObject({ collectionName: "events", dbName: "analytics" });
    expect(inputsOf("Collection", "docs")).toMatchObject({ collectionName: "docs", loaded: true, schema: goodSpec().collections[0].schema });
    expect(inputsOf("Collection", "docs")?.key).toBeUndefined();
    expect(inputsOf("CollectionIndex", "docs.vec")).toMatchObject({ collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16 }, fieldDataType: "FloatVector" });
    expect(inputsOf("CollectionIndex", "docs.vec")?.collection).toBeUndefined();
    expect(inputsOf("Alias", "docs_live")).toMatchObject({ aliasName: "docs_live", collectionName: "docs" });
    expect(inputsOf("User", "app")).toMatchObject({ userName: "app", roles: ["reader"] });
    expect(inputsOf("User", "app")?.password).toEqual({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: "secret-pass" });
    expect(inputsOf("Role", "reader")).toMatchObject({ roleName: "reader", privileges: [{ privilege: "Search", objectName: "docs" }] });
    expect(inputsOf("ImportJob", "docs.import-1")).toMatchObject({ collectionName: "docs", objectUrls: ["s3://bucket/docs/part-1.parquet"] });
  });

  it("returns endpoints in the clear and tokens as secrets", async () => {
    expect(await value(outputs.endpoints.search)).toBe("https://in01-search.local");
    expect(await pulumi.isSecret(outputs.endpoints.search)).toBe(false);
    // One top-level secret: the Automation API flags secrets per top-level output.
    const tokens = outputs.tokens as pulumi.Output<{ clusters: Record<string, string>; users: Record<string, string> }>;
    expect(await pulumi.isSecret(tokens)).toBe(true);
    expect(await value(tokens)).toEqual({ clusters: { search: "db_admin:pw-1" }, users: { app: "app:secret-pass" } });
    expect(outputs.users).toEqual({ app: { userName: "app" } });
    expect(await value(outputs.indexes["docs.vec"])).toBe("Finished");
    expect(await value(outputs.collections.docs.endpoint)).toBe("https://in01-search.local");
    expect(outputs.collections["analytics.events"].dbName).toBe("analytics");
  });

  it("wires endpoint targets with the URL and token as written", async () => {
    registered.length = 0;
    const fields = [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "v", dataType: "FloatVector", dim: 2 }];
    const spec = parseEnvSpec(JSON.stringify({
      collections: [{ key: "local-c", endpoint: "http://localhost:19530", token: "root:Milvus", collectionName: "c", schema: { fields } }],
      indexes: [{ collection: "local-c", fieldName: "v", indexType: "AUTOINDEX" }],
      imports: [{ collection: "local-c", objectUrls: ["rows/a.json"] }],
    }));
    const env = declareEnvironment(spec);
    await value(env.indexes["local-c.v"]!.indexType);
    await settle(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(registered.map((r) => `${r.type}:${r.name}`).sort()).toEqual(["Collection:local-c", "CollectionIndex:local-c.v", "ImportJob:local-c.import-1"]);
    for (const r of registered) {
      expect(r.inputs.endpoint, r.name).toBe("http://localhost:19530");
      // Registered as a secret (the engine's secret signature around the value).
      expect(r.inputs.token, r.name).toEqual({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: "root:Milvus" });
      expect(r.inputs.clusterId, r.name).toBeUndefined();
    }
    expect((env.outputs.collections as any)["local-c"].endpoint).toBe("http://localhost:19530");
    expect(env.outputs.endpoints).toEqual({});
  });
});
