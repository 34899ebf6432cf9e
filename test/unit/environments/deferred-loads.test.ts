import { describe, expect, it } from "vitest";
import { deferredLoads } from "../../../src/environments/deferred-loads";
import { parseEnvSpec } from "../../../src/environments/parse-spec";
import { goodSpec } from "./fixtures";

describe("deferredLoads", () => {
  const spec = parseEnvSpec(JSON.stringify(goodSpec()));

  it("defers a loaded collection while one of its indexes is not built", () => {
    expect(deferredLoads(spec, [])).toEqual(["docs"]);
    expect(deferredLoads(spec, ["other.vec"])).toEqual(["docs"]);
  });

  it("defers nothing once its indexes are built", () => {
    expect(deferredLoads(spec, ["docs.vec"])).toEqual([]);
  });

  it("never defers a collection that is not to be loaded", () => {
    const s = goodSpec();
    s.collections[0].loaded = false;
    expect(deferredLoads(parseEnvSpec(JSON.stringify(s)), [])).toEqual([]);
  });
});
