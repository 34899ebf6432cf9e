/**
 * Proof that the real Pulumi engine runs here, offline: an inline program with one thin dynamic
 * resource goes through up, preview, refresh and destroy, and its serialised provider stays small.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inlineStack, stateResources, type TestStack } from "../support/pulumi";

const requireCjs = createRequire(__filename);
const fixtures = path.join(__dirname, "fixtures", "echo");

describe("real engine, inline program, thin dynamic resource", () => {
  let test: TestStack | undefined;
  afterAll(async () => test?.cleanup());

  it("runs up → preview → refresh → destroy with no spurious changes", async () => {
    test = await inlineStack({
      projectName: "engine-proof",
      // The provider process resolves `require("echo-impl")` through NODE_PATH.
      extraEnv: { NODE_PATH: path.join(fixtures, "modules") },
      program: async () => {
        const { Echo } = requireCjs(path.join(fixtures, "shim.js"));
        const echo = new Echo("hello", { message: "hello" });
        return { shout: echo.shout, id: echo.id };
      },
    });
    const { stack } = test;

    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.shout.value).toBe("HELLO");
    expect(up.outputs.id.value).toBe("echo-hello");
    expect(up.summary.resourceChanges?.create).toBe(2);

    const resources = await stateResources(stack);
    const echo = resources.find((r) => r.type === "pulumi-nodejs:dynamic/test:Echo");
    expect(echo).toBeDefined();
    const provider: string = echo!.outputs.__provider;
    expect(typeof provider).toBe("string");
    expect(provider.length).toBeLessThan(2048);
    expect(provider).toContain('require("echo-impl")');

    const preview = await stack.preview({ expectNoChanges: true });
    expect(preview.changeSummary.same).toBe(2);

    const refresh = await stack.refresh({ expectNoChanges: true });
    expect(refresh.summary.result).toBe("succeeded");

    const destroy = await stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(destroy.summary.resourceChanges?.delete).toBe(2);
    expect(await stateResources(stack)).toEqual([]);
  });
});
