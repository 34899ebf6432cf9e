import { describe, expect, it } from "vitest";
import { UnauthenticatedError } from "../../../src/client";
import type { RuntimeContext } from "../../../src/resources/shared/runtime-context";
import { signsInWithApiKey, withCurrentCredentials } from "../../../src/resources/shared/rotated-credentials";

const refusal = () => new UnauthenticatedError({ httpStatus: 401, code: 80001, serverMessage: "invalid token", path: "/v2/clusters/x" });

/** A call that succeeds only with `good`, recording the keys it was tried with. */
function callWith(ctx: RuntimeContext, good: string) {
  const tried: Array<string | undefined> = [];
  const fn = async () => {
    tried.push(ctx.config.apiKey);
    if (ctx.config.apiKey !== good) throw refusal();
    return "ok";
  };
  return { fn, tried };
}

// Each test uses its own key values: refused keys are remembered per process.
describe("rotated credentials (refresh and destroy with the stored config)", () => {
  it("keeps the stack's key when it works, even with another key in the environment", async () => {
    const ctx: RuntimeContext = { config: { apiKey: "works-1", cloudApiUrl: "http://a" }, log: () => undefined };
    const { fn, tried } = callWith(ctx, "works-1");
    expect(await withCurrentCredentials(ctx, true, fn, { ZILLIZ_API_KEY: "other-1" })).toBe("ok");
    expect(tried).toEqual(["works-1"]);
  });

  it("after a refusal, tries ZILLIZ_API_KEY (and ZILLIZ_CLOUD_API_URL) once, and keeps it for later calls", async () => {
    const logs: string[] = [];
    const ctx: RuntimeContext = { config: { apiKey: "old-2", cloudApiUrl: "http://a" }, log: (m) => logs.push(m) };
    const { fn, tried } = callWith(ctx, "new-2");
    const env = { ZILLIZ_API_KEY: "new-2", ZILLIZ_CLOUD_API_URL: "http://b" };
    expect(await withCurrentCredentials(ctx, true, fn, env)).toBe("ok");
    expect(tried).toEqual(["old-2", "new-2"]);
    expect(ctx.config).toMatchObject({ apiKey: "new-2", cloudApiUrl: "http://b" });
    expect(logs.join("\n")).not.toContain("new-2");
    // Another resource's provider object still holding the refused key goes straight to the environment's.
    const other: RuntimeContext = { config: { apiKey: "old-2", cloudApiUrl: "http://a" }, log: () => undefined };
    const second = callWith(other, "new-2");
    expect(await withCurrentCredentials(other, true, second.fn, env)).toBe("ok");
    expect(second.tried).toEqual(["new-2"]);
  });

  it("with nothing else to try, fails naming --run-program and ZILLIZ_API_KEY, without the key", async () => {
    const ctx: RuntimeContext = { config: { apiKey: "old-3" }, log: () => undefined };
    const { fn } = callWith(ctx, "never");
    const err = (await withCurrentCredentials(ctx, true, fn, {}).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/pulumi refresh --run-program/);
    expect(err.message).toMatch(/pulumi destroy --run-program/);
    expect(err.message).toMatch(/ZILLIZ_API_KEY/);
    expect(err.message).not.toContain("old-3");
    const both = (await withCurrentCredentials(ctx, true, fn, { ZILLIZ_API_KEY: "also-bad-3" }).catch((e: unknown) => e)) as Error;
    expect(both.message).toMatch(/from the environment was refused too/);
  });

  it("leaves resources with their own token and other errors alone", async () => {
    const ctx: RuntimeContext = { config: { apiKey: "old-4" }, log: () => undefined };
    const { fn, tried } = callWith(ctx, "never");
    await expect(withCurrentCredentials(ctx, false, fn, { ZILLIZ_API_KEY: "new-4" })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(tried).toEqual(["old-4"]);
    await expect(withCurrentCredentials(ctx, true, async () => Promise.reject(new Error("boom")), { ZILLIZ_API_KEY: "new-4" })).rejects.toThrow("boom");
  });

  it("applies to resources that sign in with the API key: no token, or a token without a password", () => {
    expect(signsInWithApiKey({})).toBe(true);
    expect(signsInWithApiKey({ token: "db_admin:" })).toBe(true);
    expect(signsInWithApiKey({ token: "db_admin:secret" })).toBe(false);
  });
});
