/**
 * `zilliz-env` through the real engine, run as a child process (node dist/environments/zilliz-env.js)
 * against one zilliz-local: up → outputs → a spec change reviewed as Markdown → up → no drift; a change
 * made behind the stack's back → drift exit 2 naming it; the destructive guard; three environments at once.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { repoRoot } from "../support/pulumi";
import { envScratch, jsonLines, runZillizEnv, type EnvRun, type EnvScratch } from "../support/zilliz-env";

/** The environment of the tests: a cluster, a loaded collection with an index, an alias and an import. */
function baseSpec(): Record<string, any> {
  return {
    clusters: { search: { clusterName: "${env:ZILLIZ_ENV_NAME}-search", plan: "Serverless", regionId: "aws-us-west-2", labels: { team: "search" } } },
    collections: [
      {
        clusterId: "search",
        collectionName: "docs",
        description: "notes",
        schema: {
          fields: [
            { name: "id", dataType: "Int64", isPrimary: true },
            { name: "title", dataType: "VarChar", maxLength: 256 },
            { name: "topic", dataType: "VarChar", maxLength: 64 },
            { name: "embedding", dataType: "FloatVector", dim: 8 },
          ],
        },
        loaded: true,
        allowDataLoss: true,
      },
    ],
    indexes: [{ collection: "docs", fieldName: "embedding", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } }],
    aliases: [{ collection: "docs", aliasName: "docs_live" }],
    imports: [{ collection: "docs", objectUrls: [["${env:DOCS_URL}"]] }],
  };
}

describe("zilliz-env against zilliz-local", () => {
  let emulator: TestEmulator;
  let scratch: EnvScratch;
  const specFile = (name: string, spec: unknown) => {
    const file = path.join(scratch.dir, name);
    writeFileSync(file, JSON.stringify(spec, null, 2));
    return file;
  };
  let zenv: (...args: string[]) => Promise<EnvRun>;
  /** The emulator's clusters by name (over its Zilliz Cloud REST API, as any client sees them). */
  const clusters = async (): Promise<Array<{ clusterId: string; clusterName: string; status: string }>> => {
    const res = await fetch(`${emulator.url}/v2/clusters?pageSize=100`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } });
    return ((await res.json()) as any).data.clusters;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    scratch = envScratch("zilliz-env", {
      ZILLIZ_CLOUD_API_URL: emulator.url,
      ZILLIZ_API_KEY: emulator.apiKey,
      DOCS_URL: `file://${path.join(repoRoot, "examples", "quickstart", "data", "docs.json")}`,
    });
    zenv = (...args) => runZillizEnv([...args, "--work-dir", scratch.workDir], { env: scratch.env });
  });
  afterAll(async () => {
    scratch?.cleanup();
    await emulator?.close();
  });

  it("refuses a bad spec with the path of the value before any API call", async () => {
    await emulator.control.clearCalls();
    const bad = baseSpec();
    bad.collections[0].schema.fields[3].dim = "eight";
    bad.aliases[0].collection = "nope";
    const run = await zenv("up", "--env", "e2e-bad", "--spec", specFile("bad.json", bad));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("collections[0].schema.fields[3].dim");
    expect((await emulator.control.calls()).total).toBe(0);
  });

  it("ups, prints outputs, reviews a change as Markdown, applies it and finds no drift; then finds drift made behind its back", async () => {
    const spec1 = specFile("spec1.json", baseSpec());
    const up = await zenv("up", "--env", "e2e-main", "--spec", spec1, "--json");
    expect(up.code, up.stderr + up.stdout).toBe(0);
    const lines = jsonLines(up.stdout);
    const summary = lines.find((l) => l.type === "summary")!;
    expect(summary).toMatchObject({ env: "e2e-main", command: "up", status: "succeeded", changes: { create: 6 } });
    expect(summary.outputs.tokens).toBe("[secret]");
    const done = lines.filter((l) => l.type === "resource" && l.status === "done").map((l) => `${l.op} ${l.kind} ${l.resource}`);
    expect(done.sort()).toEqual(["create Alias docs_live", "create Cluster search", "create Collection docs", "create CollectionIndex docs.embedding", "create ImportJob docs.import-1"]);
    expect(lines.filter((l) => l.type === "resource").every((l) => typeof l.elapsedMs === "number")).toBe(true);

    const outputs = await zenv("outputs", "--env", "e2e-main");
    expect(outputs.code, outputs.stderr).toBe(0);
    const shown = JSON.parse(outputs.stdout.slice(outputs.stdout.indexOf("\n") + 1));
    expect(shown.endpoints.search).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shown.collections.docs).toEqual({ collectionName: "docs", dbName: "default", endpoint: shown.endpoints.search });
    expect(shown.imports["docs.import-1"]).toMatchObject({ state: "Completed", importedRows: 24 });
    expect(shown.tokens).toBe("[secret]");
    const secrets = await zenv("outputs", "--env", "e2e-main", "--show-secrets", "--json");
    const revealed = jsonLines(secrets.stdout).find((l) => l.type === "summary")!.outputs;
    expect(revealed.tokens.clusters.search).toMatch(/^db_[0-9a-f]+:.+/);

    // The change under review: an update, an index replacement (not destructive) and a new alias.
    const changed = baseSpec();
    changed.collections[0].description = "notes, second edition";
    changed.indexes[0].params.M = 32;
    changed.aliases.push({ collection: "docs", aliasName: "docs_next" });
    const spec2 = specFile("spec2.json", changed);
    const pending = await zenv("preview", "--env", "e2e-main", "--spec", spec2, "--markdown", "--expect-no-changes");
    expect(pending.code, pending.stderr).toBe(2);
    const md = pending.stdout.split("\n");
    expect(md.slice(0, 4)).toEqual(["**Plan:** 1 to create, 1 to update, 1 to replace.", "", "| Action | Kind | Name | Changed properties |", "| --- | --- | --- | --- |"]);
    expect(md.slice(4).filter((l) => l !== "").sort()).toEqual(
      [
        "| update | Collection | `docs` | `description` |",
        "| replace | CollectionIndex | `docs.embedding` | `params` (replaces) |",
        "| create | Alias | `docs_next` |  |",
      ].sort(),
    );

    const apply = await zenv("up", "--env", "e2e-main", "--spec", spec2);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stderr).toMatch(/\[e2e-main\] up succeeded in [\d.]+s \(.*create 1.*\)/);
    expect(apply.stderr).toMatch(/\[e2e-main\] created +Alias docs_next \([\d.]+s\)/);
    const settled = await zenv("drift", "--env", "e2e-main");
    expect(settled.code, settled.stderr).toBe(0);
    expect(settled.stderr).toContain("no drift");
    expect((await zenv("preview", "--env", "e2e-main", "--spec", spec2, "--expect-no-changes")).code).toBe(0);

    // A collection replacement (a new dim) is destructive: preview and up refuse it, and nothing changes.
    const destructive = baseSpec();
    Object.assign(destructive, { ...changed, collections: [{ ...changed.collections[0], schema: { fields: changed.collections[0].schema.fields.map((f: any) => (f.name === "embedding" ? { ...f, dim: 16 } : f)) } }] });
    const spec3 = specFile("spec3.json", destructive);
    const denied = await zenv("preview", "--env", "e2e-main", "--spec", spec3, "--markdown", "--deny-destructive");
    expect(denied.code).toBe(1);
    expect(denied.stdout).toContain("| **replace** | **Collection** | **`docs`** | `schema` (replaces) |");
    expect(denied.stderr).toContain("destructive steps denied: replace Collection docs");
    const deniedUp = await zenv("up", "--env", "e2e-main", "--spec", spec3, "--deny-destructive");
    expect(deniedUp.code).toBe(1);
    expect(deniedUp.stderr).toContain("destructive steps denied: replace Collection docs");
    expect((await zenv("preview", "--env", "e2e-main", "--spec", spec2, "--expect-no-changes")).code).toBe(0);

    // Behind the stack's back: someone relabels the cluster in the console.
    const cluster = (await clusters()).find((c) => c.clusterName === "e2e-main-search")!;
    const relabel = await fetch(`${emulator.url}/v2/clusters/${cluster.clusterId}/labels`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ labels: { team: "someone-else" } }),
    });
    expect(relabel.status).toBe(200);
    const drift = await zenv("drift", "--env", "e2e-main");
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain("DRIFT in Cluster search (labels)");
    const driftJson = await zenv("drift", "--env", "e2e-main", "--json");
    expect(driftJson.code).toBe(2);
    expect(jsonLines(driftJson.stdout).find((l) => l.type === "summary")!.drifted).toEqual([
      { kind: "Cluster", name: "search", urn: expect.stringContaining("::search"), change: "update", properties: ["labels"] },
    ]);

    // `up` puts the spec's labels back; then there is no drift again, and destroy removes it all.
    expect((await zenv("up", "--env", "e2e-main", "--spec", spec2)).code).toBe(0);
    expect((await zenv("drift", "--env", "e2e-main")).code).toBe(0);
    const destroy = await zenv("destroy", "--env", "e2e-main");
    expect(destroy.code, destroy.stderr).toBe(0);
    expect((await clusters()).filter((c) => c.clusterName === "e2e-main-search" && c.status !== "DELETED")).toEqual([]);
  });

  it("creates three environments concurrently and destroys them", async () => {
    const spec = specFile("spec-pr.json", baseSpec());
    const up = await zenv("up", "--env", "pr-1,pr-2", "--env", "pr-3", "--spec", spec, "--concurrency", "3", "--json");
    expect(up.code, up.stderr + up.stdout).toBe(0);
    const lines = jsonLines(up.stdout);
    const summaries = lines.filter((l) => l.type === "summary");
    expect(summaries.map((s) => [s.env, s.status, s.changes.create]).sort()).toEqual([["pr-1", "succeeded", 6], ["pr-2", "succeeded", 6], ["pr-3", "succeeded", 6]]);
    // Concurrent: every environment had started before the first one finished.
    const firstSummary = lines.findIndex((l) => l.type === "summary");
    for (const env of ["pr-1", "pr-2", "pr-3"]) expect(lines.findIndex((l) => l.type === "resource" && l.env === env)).toBeLessThan(firstSummary);
    const live = (await clusters()).filter((c) => c.status !== "DELETED").map((c) => c.clusterName);
    expect(live.filter((n) => n.startsWith("pr-")).sort()).toEqual(["pr-1-search", "pr-2-search", "pr-3-search"]);

    const destroy = await zenv("destroy", "--env", "pr-1,pr-2,pr-3", "--json");
    expect(destroy.code, destroy.stderr + destroy.stdout).toBe(0);
    expect(jsonLines(destroy.stdout).filter((l) => l.type === "summary").map((s) => s.changes.delete)).toEqual([6, 6, 6]);
    expect((await clusters()).filter((c) => c.clusterName.startsWith("pr-") && c.status !== "DELETED")).toEqual([]);
    // The stacks are gone too: nothing to print.
    expect((await zenv("outputs", "--env", "pr-2")).code).toBe(1);
  });
});
