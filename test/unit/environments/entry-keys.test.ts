import { describe, expect, it } from "vitest";
import { aliasKey, collectionKey, databaseKey, importKeys, indexKey, roleKey, targetId, userKey } from "../../../src/environments/entry-keys";
import * as library from "../../../src/environments/index";

describe("entry keys", () => {
  it("default to the entry's name, and a written key wins", () => {
    expect(databaseKey({ dbName: "analytics" } as never)).toBe("analytics");
    expect(collectionKey({ collectionName: "docs" } as never)).toBe("docs");
    expect(collectionKey({ collectionName: "docs", dbName: "default" } as never)).toBe("docs");
    expect(collectionKey({ collectionName: "events", dbName: "analytics" } as never)).toBe("analytics.events");
    expect(collectionKey({ collectionName: "docs", key: "docs-v2" } as never)).toBe("docs-v2");
    expect(indexKey({ collection: "docs", fieldName: "vec" } as never)).toBe("docs.vec");
    expect(indexKey({ collection: "docs", fieldName: "vec", indexName: "vec_hnsw" } as never)).toBe("docs.vec_hnsw");
    expect(aliasKey({ aliasName: "live" } as never)).toBe("live");
    expect(userKey({ userName: "app" } as never)).toBe("app");
    expect(roleKey({ roleName: "reader", key: "r" } as never)).toBe("r");
  });

  it("number imports per collection in spec order", () => {
    expect(importKeys([{ collection: "a" }, { collection: "b" }, { collection: "a" }, { collection: "a", key: "backfill" }] as never)).toEqual(["a.import-1", "b.import-1", "a.import-2", "backfill"]);
  });

  it("identify targets by cluster key, or by URL without case or trailing slash", () => {
    expect(targetId({ clusterId: "search" })).toBe("cluster:search");
    expect(targetId({ endpoint: "HTTP://Host:19530/" })).toBe(targetId({ endpoint: "http://host:19530" }));
    expect(targetId({ endpoint: "http://a:19530" })).not.toBe(targetId({ endpoint: "http://b:19530" }));
  });

  it("are exported by the library entry point with the rest of it", () => {
    expect(Object.keys(library).sort()).toEqual([
      "BackendUrlError", "DATA_KINDS", "DEFAULT_PASSPHRASE", "EnvSpecError", "aliasKey", "collectionKey", "databaseKey", "declareEnvironment", "driftedResources", "envSpecJsonSchema", "envSpecSchema", "environmentProgram",
      "exitCodeOf", "importKeys", "indexKey", "openEnvironmentStack", "parseEnvSpec", "planCollector", "planMarkdown", "resolveBackendUrl", "resolveEnvReferences", "roleKey", "runEnvironment", "summarizePlan", "userKey", "validateEnvSpec",
    ]);
  });
});
