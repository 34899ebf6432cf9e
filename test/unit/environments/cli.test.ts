import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec, main } from "../../../src/environments/cli";
import { goodSpec } from "./fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "zilliz-env-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Runs main() with captured output; these paths end before any engine or API call. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe("zilliz-env main (before the engine)", () => {
  it("prints the usage for --help (exit 0) and with a usage error (exit 1)", async () => {
    const help = await cli(["--help"]);
    expect([help.code, help.out.startsWith("usage: zilliz-env <command>"), help.err]).toEqual([0, true, ""]);
    const bad = await cli(["up", "--env", "a"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^zilliz-env: --spec is required for up\n\nusage: /);
  });

  it("fails a bad spec with the path of every bad value, as text or as one JSON line", async () => {
    const spec = goodSpec();
    spec.collections[1].schema.fields[1].dim = 0;
    spec.aliases[0].collection = "missing";
    const p = file("bad.json", JSON.stringify(spec));
    const text = await cli(["up", "--env", "pr-1", "--spec", p]);
    expect(text.code).toBe(1);
    expect(text.err).toContain("invalid environment bad.json:");
    expect(text.err).toContain("collections[1].schema.fields[1].dim");
    const json = await cli(["preview", "--env", "pr-1", "--spec", p, "--json"]);
    expect(json.code).toBe(1);
    const line = JSON.parse(json.out.trim());
    expect(line).toMatchObject({ type: "error", env: "pr-1" });
    expect(line.issues.map((i: { path: string }) => i.path)).toContain("collections[1].schema.fields[1].dim");
  });

  it("validates each environment's copy: ${env:ZILLIZ_ENV_NAME} is the environment's name", () => {
    const spec = goodSpec();
    spec.clusters.search.clusterName = "${env:ZILLIZ_ENV_NAME}-search";
    const p = file("named.json", JSON.stringify(spec));
    expect(loadSpec(p, { ZILLIZ_ENV_NAME: "pr-7" }).clusters.search!.clusterName).toBe("pr-7-search");
  });

  it("reads YAML specs with the YAML parser @pulumi/pulumi brings", () => {
    const p = file("env.yaml", ["collections:", "  - endpoint: http://localhost:19530", "    collectionName: docs", "    schema:", "      fields:", "        - { name: id, dataType: Int64, isPrimary: true }", "        - { name: v, dataType: FloatVector, dim: 4 }", ""].join("\n"));
    expect(loadSpec(p, {}).collections[0]!.schema.fields[1]).toMatchObject({ name: "v", dim: 4 });
  });

  it("fails an unreadable spec file with its name", async () => {
    const r = await cli(["up", "--env", "a", "--spec", path.join(dir, "nope.json")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("cannot read spec");
  });
});

describe("errorText", () => {
  it("keeps the error lines of a failed update, not the CLI's progress display or the command echo", async () => {
    const { errorText } = await import("../../../src/environments/run-environment");
    const failure = Object.assign(new Error("code: 255\n stdout: Updating (pr-1):\n +  Cluster search creating (3s)\n stderr: "), {
      stderr: "error: update failed\n  pulumi-nodejs:dynamic/zilliz:Collection (docs):\n    error: refusing to drop collection docs\n",
    });
    expect(errorText(failure)).toBe("error: update failed\nerror: refusing to drop collection docs");
    expect(errorText(new Error("spawn pulumi ENOENT"))).toContain("--pulumi-root");
    expect(errorText(new Error("no stack named 'pr-9' found"))).toBe("no stack named 'pr-9' found");
  });
});
