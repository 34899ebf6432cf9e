import { describe, expect, it } from "vitest";
import { resolveEnvReferences } from "../../../src/environments/env-references";
import { EnvSpecError, parseEnvSpec } from "../../../src/environments/parse-spec";
import { goodSpec } from "./fixtures";

describe("${env:NAME} references", () => {
  it("are replaced in string values, whole or embedded, at any depth; keys and other values stay", () => {
    const { doc, issues } = resolveEnvReferences({ a: "${env:A}", b: ["x-${env:B}-y", 3, true, null], "${env:A}": { c: "plain" } }, { A: "one", B: "two" });
    expect(issues).toEqual([]);
    expect(doc).toEqual({ a: "one", b: ["x-two-y", 3, true, null], "${env:A}": { c: "plain" } });
  });

  it("name the path of a value whose variable is unset", () => {
    const { issues } = resolveEnvReferences({ users: [{ password: "${env:APP_PASSWORD}" }] }, {});
    expect(issues).toEqual([{ path: "users[0].password", message: "environment variable APP_PASSWORD is not set (referenced as ${env:APP_PASSWORD})" }]);
  });

  it("are resolved by parseEnvSpec before validation, from the env option", () => {
    const s = goodSpec();
    s.users[0].password = "${env:APP_PASSWORD}";
    expect(parseEnvSpec(JSON.stringify(s), { env: { APP_PASSWORD: "from-ci-secret" } }).users[0]!.password).toBe("from-ci-secret");
    expect(() => parseEnvSpec(JSON.stringify(s), { env: {} })).toThrow(EnvSpecError);
    expect(() => parseEnvSpec(JSON.stringify(s), { env: {} })).toThrow(/users\[0\]\.password: environment variable APP_PASSWORD is not set/);
    // The resolved value is validated like a written one.
    expect(() => parseEnvSpec(JSON.stringify(s), { env: { APP_PASSWORD: "short" } })).toThrow(/users\[0\]\.password: a password has 6 to 256 characters/);
  });
});
