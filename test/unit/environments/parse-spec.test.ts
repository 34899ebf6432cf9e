import { describe, expect, it } from "vitest";
import { EnvSpecError, parseEnvSpec, validateEnvSpec } from "../../../src/environments/parse-spec";
import { goodSpec } from "./fixtures";

/** The issues of the good spec after `edit`. */
function issuesAfter(edit: (s: Record<string, any>) => void) {
  const s = goodSpec();
  edit(s);
  return validateEnvSpec(s).issues;
}

describe("parseEnvSpec: a good spec", () => {
  it("validates, with every section present and defaults left to the resources", () => {
    const spec = parseEnvSpec(JSON.stringify(goodSpec()));
    expect(Object.keys(spec.clusters)).toEqual(["search"]);
    expect(spec.collections.map((c) => c.collectionName)).toEqual(["docs", "events"]);
    expect(spec.indexes[0]).toMatchObject({ collection: "docs", fieldName: "vec", indexType: "HNSW" });
    expect(spec.imports).toHaveLength(1);
  });

  it("fills missing sections with empty ones", () => {
    const spec = parseEnvSpec("{}");
    expect(spec).toEqual({ clusters: {}, databases: [], collections: [], indexes: [], aliases: [], users: [], roles: [], imports: [] });
  });

  it("accepts endpoint targets instead of clusters", () => {
    const spec = parseEnvSpec(JSON.stringify({ collections: [{ endpoint: "http://localhost:19530", collectionName: "c", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "v", dataType: "FloatVector", dim: 2 }] } }] }));
    expect(spec.collections[0]!.endpoint).toBe("http://localhost:19530");
  });
});

describe("parseEnvSpec: text and errors", () => {
  it("names the problem of text that is not JSON", () => {
    expect(() => parseEnvSpec("{ nope", { fileName: "env.json" })).toThrow(/invalid environment env.json:\n {2}\(document\): cannot parse JSON/);
  });

  it("refuses YAML without a parser, and uses one when given", () => {
    expect(() => parseEnvSpec("clusters: {}", { fileName: "env.yaml" })).toThrow(/YAML specs need a YAML parser/);
    const spec = parseEnvSpec("ignored", { fileName: "env.yml", yaml: () => goodSpec() });
    expect(spec.aliases[0]!.aliasName).toBe("docs_live");
  });

  it("throws an EnvSpecError listing every issue with its path", () => {
    const s = goodSpec();
    s.collections[1].schema.fields[1].dim = undefined;
    s.clusters.search.plann = "Free";
    try {
      parseEnvSpec(JSON.stringify(s));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvSpecError);
      const err = e as EnvSpecError;
      expect(err.issues.map((i) => i.path).sort()).toEqual(["clusters.search.plann", "collections[1].schema.fields[1].dim"]);
      expect(err.message).toContain("collections[1].schema.fields[1].dim: FloatVector needs dim");
    }
  });
});

// Each kind of bad spec, with the exact path of the offending value.
const BAD: Array<[string, (s: Record<string, any>) => void, string, RegExp]> = [
  ["unknown top-level key, with a suggestion", (s) => { s.collection = []; }, "collection", /did you mean "collections"/],
  ["unknown key in a field, with a suggestion", (s) => { s.collections[1].schema.fields[0].isPrimaryKey = true; }, "collections[1].schema.fields[0].isPrimaryKey", /did you mean "isPrimary"/],
  ["unknown key in a cluster", (s) => { s.clusters.search.cuSzie = 2; }, "clusters.search.cuSzie", /did you mean "cuSize"/],
  ["wrong type", (s) => { s.collections[1].schema.fields[1].dim = "4"; }, "collections[1].schema.fields[1].dim", /expected number/],
  ["missing required argument", (s) => { delete s.collections[0].collectionName; }, "collections[0].collectionName", /expected string/],
  ["vector field without dim", (s) => { delete s.collections[1].schema.fields[1].dim; }, "collections[1].schema.fields[1].dim", /FloatVector needs dim/],
  ["invalid enum value", (s) => { s.clusters.search.plan = "Huge"; }, "clusters.search.plan", /Free|Serverless/],
  ["a Dedicated-only setting on a Serverless cluster", (s) => { s.clusters.search.cuSize = 2; }, "clusters.search.cuSize", /Dedicated plans only/],
  ["both clusterId and endpoint", (s) => { s.collections[0].endpoint = "http://h:19530"; }, "collections[0].endpoint", /exactly one of clusterId/],
  ["a collection on an undeclared cluster", (s) => { s.collections[0].clusterId = "serach"; }, "collections[0].clusterId", /cluster "serach" is not declared; did you mean "search"/],
  ["a cloud cluster id where a cluster key belongs", (s) => { s.roles[0].clusterId = "in01-0123abcd"; }, "roles[0].clusterId", /not a cloud cluster id/],
  ["a data-plane entry without a target", (s) => { delete s.users[0].clusterId; }, "users[0].clusterId", /exactly one of clusterId/],
  ["a database on an undeclared cluster", (s) => { s.databases[0].clusterId = "other"; }, "databases[0].clusterId", /cluster "other" is not declared/],
  ["a collection in an undeclared database", (s) => { s.collections[1].dbName = "analytix"; }, "collections[1].dbName", /database "analytix" is not declared/],
  ["duplicate collection", (s) => { s.collections.push({ ...s.collections[0], key: "docs2" }); }, "collections[2].collectionName", /duplicate collection: collections\[0\]/],
  ["duplicate key", (s) => { s.collections[1].key = "docs"; }, "collections[1].collectionName", /duplicate key "docs"/],
  ["duplicate field name", (s) => { s.collections[0].schema.fields[2].name = "vec"; }, "collections[0].schema.fields[2].name", /duplicate field name "vec"/],
  ["duplicate cluster name", (s) => { s.clusters.other = { ...s.clusters.search }; }, "clusters.other.clusterName", /duplicate cluster name "search-pr-1"/],
  ["duplicate database", (s) => { s.databases.push({ clusterId: "search", dbName: "analytics", key: "a2" }); }, "databases[1].dbName", /duplicate database/],
  ["an index on an undeclared collection", (s) => { s.indexes[0].collection = "dcos"; }, "indexes[0].collection", /collection "dcos" is not declared; did you mean "docs"/],
  ["an index on a missing field", (s) => { s.indexes[0].fieldName = "vector"; }, "indexes[0].fieldName", /collection "docs" has no field "vector"; did you mean "vec"\?/],
  ["an index that does not fit its field's type", (s) => { s.indexes[0].fieldName = "title"; }, "indexes[0].indexType", /HNSW is a vector index; VarChar is a scalar field/],
  ["an index with unknown build params", (s) => { s.indexes[0].params = { efConstrution: 100 }; }, "indexes[0].params.efConstrution", /did you mean "efConstruction"/],
  ["two indexes on one field", (s) => { s.indexes.push({ ...s.indexes[0], indexName: "vec2" }); }, "indexes[1].fieldName", /at most one index/],
  ["a loaded collection with an unindexed vector field", (s) => { s.indexes = []; }, "collections[0].loaded", /index on every vector field: declare one on "vec"/],
  ["an alias to an undeclared collection", (s) => { s.aliases[0].collection = "nope"; }, "aliases[0].collection", /collection "nope" is not declared/],
  ["an alias named like its collection", (s) => { s.aliases[0].aliasName = "docs"; }, "aliases[0].aliasName", /cannot have the name of the collection/],
  ["an alias named like another collection", (s) => { s.collections.push({ clusterId: "search", collectionName: "other", schema: s.collections[0].schema }); s.aliases[0].aliasName = "other"; }, "aliases[0].aliasName", /name of a collection in the same database/],
  ["duplicate alias", (s) => { s.aliases.push({ collection: "docs", aliasName: "docs_live", key: "again" }); }, "aliases[1].aliasName", /duplicate alias/],
  ["an import into an undeclared collection", (s) => { s.imports[0].collection = "doc"; }, "imports[0].collection", /collection "doc" is not declared; did you mean "docs"/],
  ["an import URL a cluster cannot read", (s) => { s.imports[0].objectUrls = ["part-1.parquet"]; }, "imports[0].objectUrls[0]", /expected an object URL/],
  ["an import with half the credentials", (s) => { s.imports[0].accessKey = "AK"; }, "imports[0].secretKey", /go together/],
  ["a user with an undeclared role", (s) => { s.users[0].roles = ["reader", "raeder"]; }, "users[0].roles[1]", /role "raeder" is not declared on this user's cluster; did you mean "reader"/],
  ["a built-in role declared", (s) => { s.roles[0].roleName = "admin"; }, "roles[0].roleName", /built-in role/],
  ["duplicate user", (s) => { s.users.push({ ...s.users[0], key: "app2" }); }, "users[1].userName", /duplicate user/],
  ["a key that is not a key", (s) => { s.clusters["bad key!"] = s.clusters.search; delete s.clusters.search; }, "clusters.bad key!", /a key is/],
];

describe("parseEnvSpec: bad specs fail with the path of the offending value", () => {
  it.each(BAD)("%s", (_kind, edit, path, message) => {
    const issues = issuesAfter(edit);
    const hit = issues.find((i) => i.path === path);
    expect(hit, `issues: ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("covers at least 15 kinds", () => {
    expect(BAD.length).toBeGreaterThanOrEqual(15);
  });
});
