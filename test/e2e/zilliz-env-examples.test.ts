/**
 * The two zilliz-env examples run as a user would run them (bash scripts calling the built bin), against
 * one zilliz-local: per-branch environments up, listed and down; the GitOps pipeline's pr → merge →
 * nightly, drift after a change behind its back, and a refused destructive pull request.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { repoRoot } from "../support/pulumi";
import { envScratch, runProcess, runZillizEnv, type EnvScratch } from "../support/zilliz-env";

describe("zilliz-env examples against zilliz-local", () => {
  let emulator: TestEmulator;
  let scratch: EnvScratch;
  const script = (rel: string, args: string[], extra: Record<string, string> = {}) =>
    runProcess("bash", [path.join(repoRoot, "examples", rel), ...args], { env: { ...scratch.env, ...extra }, cwd: scratch.dir });
  const liveClusters = async (): Promise<Array<{ clusterId: string; clusterName: string }>> => {
    const res = await fetch(`${emulator.url}/v2/clusters?pageSize=100`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } });
    return ((await res.json()) as any).data.clusters.filter((c: { status: string }) => c.status !== "DELETED");
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    scratch = envScratch("zilliz-env-examples", {
      ZILLIZ_CLOUD_API_URL: emulator.url,
      ZILLIZ_API_KEY: emulator.apiKey,
      STOREFRONT_PASSWORD: "Storefront-Passw0rd",
    });
  });
  afterAll(async () => {
    scratch?.cleanup();
    await emulator?.close();
  });

  it("examples/environments: creates one environment per branch, lists them, destroys them", async () => {
    const up = await script("environments/branch-env.sh", ["up", "feature/Login", "fix-42"]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/\[br-feature-login\] up succeeded/);
    expect(up.stderr).toMatch(/\[br-fix-42\] up succeeded/);
    expect((await liveClusters()).map((c) => c.clusterName).sort()).toEqual(["br-feature-login-search", "br-fix-42-search"]);

    const list = await script("environments/branch-env.sh", ["list", "feature/Login"]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain("# br-feature-login");
    expect(list.stdout).toContain('"importedRows": 24');
    expect(list.stdout).toContain('"tokens": "[secret]"');

    const down = await script("environments/branch-env.sh", ["down", "feature/Login", "fix-42"]);
    expect(down.code, down.stderr).toBe(0);
    expect(await liveClusters()).toEqual([]);
  });

  it("examples/gitops: pr posts the plan, merge applies, nightly finds drift; a destructive pr is refused", async () => {
    const planFile = path.join(scratch.dir, "plan.md");
    const vars = { ENV_NAME: "staging", PLAN_FILE: planFile };
    const pr = await script("gitops/pipeline.sh", ["pr"], vars);
    expect(pr.code, pr.stderr).toBe(0);
    const plan = readFileSync(planFile, "utf8");
    expect(plan.split("\n")[0]).toBe("**Plan:** 6 to create.");
    expect(plan).toContain("| create | Collection | `products` |  |");

    const merge = await script("gitops/pipeline.sh", ["merge"], vars);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('"storefront"');
    expect((await script("gitops/pipeline.sh", ["nightly"], vars)).code).toBe(0);
    const samePr = await script("gitops/pipeline.sh", ["pr"], vars);
    expect(samePr.code).toBe(0);
    expect(readFileSync(planFile, "utf8")).toBe("**Plan:** no changes.\n");

    // Someone relabels the cluster in the console: the nightly run exits 2 and names it.
    const cluster = (await liveClusters()).find((c) => c.clusterName === "staging-search")!;
    const relabel = await fetch(`${emulator.url}/v2/clusters/${cluster.clusterId}/labels`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ labels: { "managed-by": "console" } }),
    });
    expect(relabel.status).toBe(200);
    const nightly = await script("gitops/pipeline.sh", ["nightly"], vars);
    expect(nightly.code).toBe(2);
    expect(nightly.stderr).toContain("DRIFT in Cluster search (labels)");

    // A pull request that changes the vector dimension would replace the collection: refused.
    const spec = JSON.parse(readFileSync(path.join(repoRoot, "examples", "gitops", "environment.json"), "utf8"));
    spec.collections[0].schema.fields[2].dim = 16;
    const changed = path.join(scratch.dir, "destructive.json");
    writeFileSync(changed, JSON.stringify(spec));
    const refused = await script("gitops/pipeline.sh", ["pr"], { ...vars, SPEC: changed });
    expect(refused.code).toBe(1);
    expect(readFileSync(planFile, "utf8")).toContain("| **replace** | **Collection** | **`products`** | `schema` (replaces) |");

    const destroy = await runZillizEnv(["destroy", "--env", "staging", "--work-dir", path.join(scratch.dir, ".zilliz-env")], { env: scratch.env });
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(await liveClusters()).toEqual([]);
  });
});
