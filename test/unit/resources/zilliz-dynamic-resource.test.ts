import { describe, expect, it } from "vitest";
import { dynamicTypeToken, providerModuleText } from "../../../src/resources/shared/zilliz-dynamic-resource";

describe("the provider module text stored as __provider", () => {
  it("is tiny, secret-free and only requires the package runtime", () => {
    const text = providerModuleText("Cluster");
    expect(text.length).toBeLessThan(120);
    expect(text).toBe('exports.handler = () => require("pulumi-zilliz/runtime").provider("Cluster");');
    expect([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(["pulumi-zilliz/runtime"]);
  });

  it("is a CommonJS module whose handler resolves the provider at call time", () => {
    const calls: string[] = [];
    const fakeRequire = (name: string) => ({ provider: (kind: string) => (calls.push(`${name}:${kind}`), { kind }) });
    const module = { exports: {} as { handler?: () => unknown } };
    new Function("exports", "require", "module", providerModuleText("Collection"))(module.exports, fakeRequire, module);
    expect(calls).toEqual([]);
    expect(module.exports.handler!()).toEqual({ kind: "Collection" });
    expect(calls).toEqual(["pulumi-zilliz/runtime:Collection"]);
  });

  it("uses the dynamic provider's type token", () => {
    expect(dynamicTypeToken("ImportJob")).toBe("pulumi-nodejs:dynamic/zilliz:ImportJob");
  });
});
