/**
 * Emulator vs real Milvus 2.3.5: the same v1 requests go to the stand-in data plane and to a real Milvus
 * server; status and body text must be identical once IDs are masked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../../src/emulator/data-plane";
import { startMilvus } from "../../support/milvus";

interface Call {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  /** The server lists from a Go map: compare `data` as a set. */
  unordered?: boolean;
}

const create = (body: string, name: string): Call => ({ name, method: "POST", path: "/v1/vector/collections/create", body });
const CALLS: Call[] = [
  { name: "list empty", method: "GET", path: "/v1/vector/collections" },
  create('{"collectionName":"c1","dimension":8}', "create"),
  create('{"collectionName":"c1","dimension":8}', "create identical"),
  create('{"collectionName":"c1","dimension":16}', "create with another dimension"),
  create('{"collectionName":"c1","dimension":8,"metricType":"IP"}', "create with another metric"),
  create('{"COLLECTIONNAME":"c2","Dimension":4,"metricType":"IP","primaryField":"pk","vectorField":"v","description":"d"}', "create with case-insensitive keys"),
  { name: "list", method: "GET", path: "/v1/vector/collections", unordered: true },
  { name: "describe", method: "GET", path: "/v1/vector/collections/describe?collectionName=c1" },
  { name: "describe custom names", method: "GET", path: "/v1/vector/collections/describe?collectionName=c2" },
  { name: "describe missing", method: "GET", path: "/v1/vector/collections/describe?collectionName=nope" },
  { name: "describe without name", method: "GET", path: "/v1/vector/collections/describe" },
  { name: "list unknown database", method: "GET", path: "/v1/vector/collections?dbName=nodb" },
  create('{"collectionName":"c3","dimension":0}', "dimension 0"),
  create('{"collectionName":"c3","dimension":-3}', "negative dimension"),
  create('{"collectionName":"c3","dimension":99999}', "dimension too large"),
  create('{"collectionName":"c3","dimension":"8"}', "dimension as a string"),
  create('{"collectionName":"c3","dimension":4.5}', "fractional dimension"),
  create('{"dimension":8}', "missing collectionName"),
  create("{}", "empty object"),
  create("null", "null body"),
  create('{"collectionName":"1bad","dimension":4}', "name starting with a digit"),
  create('{"collectionName":"a-b","dimension":4}', "name with a dash"),
  create('{"collectionName":"c9","dimension":4,"dbName":"nodb"}', "unknown database on create"),
  create("{bad", "bad JSON"),
  create("", "empty body"),
  create("[1]", "array body"),
  create('{"collectionName":"x",}', "trailing comma"),
  create('{"collectionName" "x"}', "missing colon"),
  create('{"collectionName":"x" "dimension":4}', "missing comma"),
  create('{"collectionName":', "truncated"),
  { name: "insert", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":[{"v":[1,2,3,4],"x":1},{"v":[1,2,3,5]}]}' },
  { name: "insert one row object", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":{"v":[1,2,3,4]}}' },
  { name: "insert a short vector", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":[{"v":[1,2,3]}]}' },
  { name: "insert without data", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2"}' },
  { name: "insert into missing", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"nope","data":[{"v":[1]}]}' },
  { name: "query", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2","filter":"pk > 0","outputFields":["pk","x"],"limit":2}' },
  { name: "query without filter", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2"}' },
  { name: "query missing", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"nope","filter":"pk > 0"}' },
  { name: "query by pk list", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2","filter":"pk in [1, 2]"}' },
  { name: "query all fields with offset", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2","filter":"pk > 0","offset":1}' },
  { name: "query dynamic field", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2","filter":"pk > 0","outputFields":["x"]}' },
  { name: "query with a string limit", method: "POST", path: "/v1/vector/query", body: '{"collectionName":"c2","filter":"pk > 0","limit":"2"}' },
  { name: "insert an empty list", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":[]}' },
  { name: "insert a vector of strings", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":[{"v":"abcd"}]}' },
  { name: "insert without the vector", method: "POST", path: "/v1/vector/insert", body: '{"collectionName":"c2","data":[{"x":1}]}' },
  { name: "describe with explicit default db", method: "GET", path: "/v1/vector/collections/describe?collectionName=c2&dbName=default" },
  { name: "describe in unknown db", method: "GET", path: "/v1/vector/collections/describe?collectionName=c2&dbName=nodb" },
  { name: "drop in unknown db", method: "POST", path: "/v1/vector/collections/drop", body: '{"collectionName":"c2","dbName":"nodb"}' },
  create(`{"collectionName":"${"n".repeat(256)}","dimension":4}`, "name too long"),
  create('{"collectionName":"same","dimension":4,"primaryField":"f","vectorField":"f"}', "same field names"),
  create('{"collectionName":"c1","dimension":8,"description":null}', "null description"),
  { name: "POST on a GET path", method: "POST", path: "/v1/vector/collections", body: "{}" },
  { name: "trailing slash on POST", method: "POST", path: "/v1/vector/collections/drop/", body: '{"collectionName":"c2"}' },
  { name: "trailing slash on GET", method: "GET", path: "/v1/vector/collections/?dbName=default" },
  { name: "get missing ids", method: "POST", path: "/v1/vector/get", body: '{"collectionName":"c2","id":[1,2]}' },
  { name: "get without id", method: "POST", path: "/v1/vector/get", body: '{"collectionName":"c2"}' },
  { name: "get with a bad id type", method: "POST", path: "/v1/vector/get", body: '{"collectionName":"c2","id":[true]}' },
  { name: "get from a missing collection", method: "POST", path: "/v1/vector/get", body: '{"collectionName":"nope","id":1}' },
  { name: "delete missing ids", method: "POST", path: "/v1/vector/delete", body: '{"collectionName":"c2","id":[1,2]}' },
  { name: "delete without id", method: "POST", path: "/v1/vector/delete", body: '{"collectionName":"c2"}' },
  { name: "delete from a missing collection", method: "POST", path: "/v1/vector/delete", body: '{"collectionName":"nope","id":1}' },
  { name: "delete by filter", method: "POST", path: "/v1/vector/delete", body: '{"collectionName":"c2","filter":"pk in [1, 2]"}' },
  { name: "delete with a bad id type", method: "POST", path: "/v1/vector/delete", body: '{"collectionName":"c2","id":"x"}' },
  { name: "get with a string id", method: "POST", path: "/v1/vector/get", body: '{"collectionName":"c2","id":"12"}' },
  { name: "drop", method: "POST", path: "/v1/vector/collections/drop", body: '{"collectionName":"c1"}' },
  { name: "drop missing", method: "POST", path: "/v1/vector/collections/drop", body: '{"collectionName":"c1"}' },
  { name: "drop without name", method: "POST", path: "/v1/vector/collections/drop", body: "{}" },
  { name: "drop with a number", method: "POST", path: "/v1/vector/collections/drop", body: '{"collectionName":5}' },
  { name: "GET on a POST path", method: "GET", path: "/v1/vector/collections/create" },
  { name: "unknown path", method: "POST", path: "/v1/vector/nothing", body: "{}" },
];

/** Filtered query, count, search and delete on a collection with dynamic keys (JSON, arrays, missing keys). */
const post = (path: string, name: string, body: unknown): Call => ({ name, method: "POST", path: `/v1/vector/${path}`, body: JSON.stringify(body) });
const FILTERS = [
  "age > 5 and age < 20", "1 < age < 30", "30 > age >= 20", "age in [10, 20]", "age not in [10]", "age in []", "age != 10", "age == 10.5", "age > 1e1",
  'name like "al%"', 'name like "b_b"', 'name like "%ce"', 'name == \'bob\'', 'name in ["bob","carol"]',
  'meta["pages"] > 400', 'meta["tags"][0] == "a"', 'exists meta["tags"]', '$meta["age"] == 10', "nofield > 1",
  "array_contains(arr, 2)", "array_contains_all(arr, [1,2])", "array_contains_any(arr, [7,3])", 'json_contains(meta["tags"], "a")', "array_length(arr) == 3",
  "age + 5 == 15", "age % 2 == 0", "age * 2 > 30", "age ** 2 == 100",
  "not (age == 10)", "!(age == 10)", "age == 10 || age == 20", 'age == 10 && name == "alice"', 'id > 0 and (age == 10 or name == "bob")', "(age > 1)", "id < -1",
  "id >> 2", "age >", "age == 10 or", "age = 10", "id in 5", 'age == 10 AND name == "alice"', "age is null", "not age == 10", 'id > "a"', "age", 'id like "1%"',
  'name > "b"', 'name >= "bob" and name < "d"', "score > 1.0", "score < 0", "score == 2.5", "age / 2 == 5", "age - 5 == 5", "-age < -15",
  'meta["tags"] == ["a","b"]', 'meta["pages"] in [500, 300]', "arr[0] == 1", 'array_length(meta["tags"]) == 2', 'json_contains_all(meta["tags"], ["a","b"])',
  'json_contains_any(meta["tags"], ["c","z"])', '1 < age < 30 and not (name == "bob")', 'age >= 20 || meta["pages"] < 400', "ok == true", "ok", "not ok",
  "ok != false", 'meta["sub"]["x"] == 1', 'meta["sub"] == 1', "age > 10 and", "(age > 10", "age > 10)", 'age >= 10 and age <= 20 and name != "bob"',
  'name like "a%" or name like "c%"', "exists age", '$meta["name"] like "d%"', 'meta["pages"] % 100 == 0', "arr == [4]", 'name == "al\\"ice"',
  "name == \"a'b\"", "age != 10 and age != 20", "not (age in [10, 20])", 'age not in [10, 20] and name != "dave"', "id > 0 and id < 0",
];
const FILTER_CALLS: Call[] = [
  create('{"collectionName":"fbooks","dimension":4}', "create fbooks"),
  create('{"collectionName":"fip","dimension":2,"metricType":"IP"}', "create fip"),
  post("insert", "insert fbooks", { collectionName: "fbooks", data: [
    { vector: [1, 0, 0, 0], age: 10, score: 1.5, name: "alice", ok: true, meta: { pages: 500, tags: ["a", "b"] }, arr: [1, 2, 3] },
    { vector: [0, 1, 0, 0], age: 20, score: 2.5, name: "bob", ok: false, meta: { pages: 300, tags: ["c"] }, arr: [4] },
    { vector: [0, 0, 1, 0], age: 25, score: -1, name: "carol", meta: { pages: 450, sub: { x: 1 } }, arr: [] },
    { vector: [1, 1, 0, 0], name: "dave", age: null },
  ] }),
  post("insert", "insert fip", { collectionName: "fip", data: [{ vector: [1, 0] }, { vector: [0.5, 0.5] }, { vector: [-1, 0] }] }),
  ...FILTERS.map((filter) => post("query", `query ${filter}`, { collectionName: "fbooks", filter, outputFields: ["name"] })),
  post("query", "count(*) (v1 always sends a limit)", { collectionName: "fbooks", filter: "id > 0", outputFields: ["count(*)"] }),
  post("query", "query limit beyond 16384", { collectionName: "fbooks", filter: "id > 0", limit: 20000 }),
  post("query", "query offset+limit beyond 16384", { collectionName: "fbooks", filter: "id > 0", limit: 10000, offset: 10000 }),
  post("query", "query with output *", { collectionName: "fbooks", filter: 'name == "alice"', outputFields: ["*"] }),
  post("search", "search limit beyond 16384", { collectionName: "fbooks", vector: [1, 0, 0, 0], limit: 20000 }),
  post("search", "search offset+limit beyond 16384", { collectionName: "fbooks", vector: [1, 0, 0, 0], limit: 10000, offset: 10000 }),
  post("search", "search with output *", { collectionName: "fbooks", vector: [1, 0, 0, 0], limit: 1, outputFields: ["*"] }),
  post("search", "search with a vector of strings", { collectionName: "fbooks", vector: ["a", "b", "c", "d"] }),
  post("search", "search with a radius only", { collectionName: "fbooks", vector: [1, 0, 0, 0], params: { radius: 1.5 } }),
  post("search", "search with a radius string", { collectionName: "fbooks", vector: [1, 0, 0, 0], params: { radius: "1.5" } }),
  post("search", "search with a suffix like", { collectionName: "fbooks", vector: [1, 0, 0, 0], filter: 'name like "%a"' }),
  post("search", "search with a non-boolean filter", { collectionName: "fbooks", vector: [1, 0, 0, 0], filter: "age" }),
  post("delete", "delete with a non-boolean filter", { collectionName: "fbooks", filter: "age" }),
  post("search", "search", { collectionName: "fbooks", vector: [1, 0.1, 0, 0], limit: 3, outputFields: ["name"] }),
  post("search", "search with a filter", { collectionName: "fbooks", vector: [1, 0.1, 0, 0], filter: "age > 15", outputFields: ["name", "age"] }),
  post("search", "search with an offset", { collectionName: "fbooks", vector: [1, 0.1, 0, 0], limit: 2, offset: 1 }),
  post("search", "range search (L2)", { collectionName: "fbooks", vector: [1, 0, 0, 0], params: { radius: 1.5, range_filter: 0.5 }, outputFields: ["name"] }),
  post("search", "range_filter without radius", { collectionName: "fbooks", vector: [1, 0, 0, 0], params: { range_filter: 0.5 } }),
  post("search", "search with a bad filter", { collectionName: "fbooks", vector: [1, 0, 0, 0], filter: "age >" }),
  post("search", "search without hits", { collectionName: "fbooks", vector: [1, 0, 0, 0], filter: "age > 100" }),
  post("search", "search a missing collection", { collectionName: "nope", vector: [1, 0] }),
  post("search", "search without a vector", { collectionName: "fbooks" }),
  post("search", "search IP", { collectionName: "fip", vector: [1, 0] }),
  post("search", "range search (IP)", { collectionName: "fip", vector: [1, 0], params: { radius: 0, range_filter: 0.8 } }),
  post("delete", "delete by filter", { collectionName: "fbooks", filter: 'name like "d%"' }),
  post("delete", "delete with a bad filter", { collectionName: "fbooks", filter: "age >" }),
  post("query", "query after the delete", { collectionName: "fbooks", filter: "id > 0", outputFields: ["name"] }),
];

/** Masks int64 IDs (insert IDs, primary keys), the only values that legitimately differ. */
const mask = (text: string) => text.replace(/\d{15,}/g, "<id>");

async function call(base: string, c: Call): Promise<string> {
  const res = await fetch(base + c.path, { method: c.method, body: c.body, redirect: "manual" });
  let text = await res.text();
  if (c.unordered) {
    const parsed = JSON.parse(text) as { data: string[] };
    parsed.data.sort();
    text = JSON.stringify(parsed);
  }
  return `${res.status} ${res.headers.get("content-type")} ${res.headers.get("location")} ${mask(text)}`;
}

/** Waits until every collection reports LoadStateLoaded (real Milvus loads asynchronously). */
async function waitLoaded(base: string, names: string[]): Promise<void> {
  for (const name of names) {
    for (let i = 0; i < 120; i++) {
      const res = (await (await fetch(`${base}/v1/vector/collections/describe?collectionName=${name}`)).json()) as { code: number; data?: { load?: string } };
      if (res.code !== 200 || res.data?.load === "LoadStateLoaded") break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let milvus: Awaited<ReturnType<typeof startMilvus>>;
let emulator: Awaited<ReturnType<typeof startMilvusStandIn>>;

beforeAll(async () => {
  milvus = await startMilvus();
  emulator = await startMilvusStandIn({ credentials: false });
});

afterAll(async () => {
  await emulator?.close();
  await milvus?.stop();
});

describe("v1 data plane vs real Milvus 2.3.5", () => {
  it("answers every call exactly like the real server", async () => {
    const differences: string[] = [];
    let compared = 0;
    for (const c of CALLS) {
      // Inserts and queries need loaded collections; describes compare the settled state.
      if (c.path.includes("describe") || c.path.includes("insert") || c.path.includes("query")) {
        await waitLoaded(milvus.url, ["c1", "c2"]);
      }
      // Bounded consistency: rows older than the 5 s graceful time are guaranteed to be visible.
      if (c.name === "query") await new Promise((r) => setTimeout(r, 5500));
      const [real, local] = [await call(milvus.url, c), await call(emulator.url, c)];
      compared++;
      if (real !== local) differences.push(`${c.name}\n  real:     ${real}\n  emulator: ${local}`);
    }
    expect(compared).toBe(CALLS.length);
    expect(differences.join("\n")).toBe("");
  });
  it("answers filtered queries, counts, searches and deletes exactly like the real server", async () => {
    const differences: string[] = [];
    let compared = 0;
    for (const c of FILTER_CALLS) {
      if (c.path.endsWith("/insert")) await waitLoaded(milvus.url, ["fbooks", "fip"]);
      const [real, local] = [await call(milvus.url, c), await call(emulator.url, c)];
      compared++;
      if (real !== local) differences.push(`${c.name}\n  real:     ${real}\n  emulator: ${local}`);
      // Bounded consistency: rows (and deletes) older than the 5 s graceful time are guaranteed to be visible.
      if (c.name === "insert fip" || c.name === "delete with a bad filter") await new Promise((r) => setTimeout(r, 5500));
    }
    expect(compared).toBe(FILTER_CALLS.length);
    expect(differences.join("\n")).toBe("");
  });
});
