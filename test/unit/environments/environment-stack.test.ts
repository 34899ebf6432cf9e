import path from "node:path";
import { describe, expect, it } from "vitest";
import { BackendUrlError } from "../../../src/environments/backend-url";
import { backendUrl, DEFAULT_PASSPHRASE, engineEnv, stackConfig } from "../../../src/environments/environment-stack";

describe("the environment's workspace settings", () => {
  it("keeps state in a file:// folder under the work dir unless --backend names another", () => {
    expect(backendUrl({ workDir: "/tmp/w" })).toBe("file:///tmp/w/state");
    expect(backendUrl({ workDir: "rel" })).toBe(`file://${path.resolve("rel", "state")}`);
    expect(backendUrl({ workDir: "/tmp/w", backend: "s3://bucket?endpoint=http://127.0.0.1:9000&s3ForcePathStyle=true" })).toBe("s3://bucket?endpoint=http://127.0.0.1:9000&s3ForcePathStyle=true");
  });

  it("gives the engine the backend, the passphrase (documented default) and no update check", () => {
    expect(engineEnv({ workDir: "/w" }, {})).toEqual({ PULUMI_BACKEND_URL: "file:///w/state", PULUMI_CONFIG_PASSPHRASE: DEFAULT_PASSPHRASE, PULUMI_SKIP_UPDATE_CHECK: "true" });
    expect(engineEnv({ workDir: "/w", backend: "s3://team-state?region=eu-west-1" }, { PULUMI_CONFIG_PASSPHRASE: "team" })).toMatchObject({ PULUMI_BACKEND_URL: "s3://team-state?region=eu-west-1", PULUMI_CONFIG_PASSPHRASE: "team" });
  });

  it("checks --backend through resolveBackendUrl: the engine gets the canonical URL, a bad one throws naming the problem", () => {
    const env = engineEnv({ workDir: "/w", backend: "s3://state?endpoint=127.0.0.1:9000&disableSSL=true&s3ForcePathStyle=true&region=us-east-1" }, {});
    expect(env.PULUMI_BACKEND_URL).toMatch(/^s3:\/\/state\?/);
    expect(env.PULUMI_BACKEND_URL).toContain("endpoint=http");
    expect(() => engineEnv({ workDir: "/w", backend: "s3://?region=us-east-1" }, {})).toThrow(BackendUrlError);
    expect(() => engineEnv({ workDir: "/w", backend: "ftp://x" }, {})).toThrow(/not supported/);
  });

  it("stores the API key as a secret and secret-looking --config values as secrets", () => {
    expect(stackConfig({ apiKey: "k", cloudApiUrl: "http://127.0.0.1:19600", config: { "zilliz:allowDataLoss": "true", "zilliz:legacyToken": "t" } })).toEqual({
      "zilliz:apiKey": { value: "k", secret: true },
      "zilliz:cloudApiUrl": { value: "http://127.0.0.1:19600" },
      "zilliz:allowDataLoss": { value: "true", secret: false },
      "zilliz:legacyToken": { value: "t", secret: true },
    });
    expect(stackConfig({ config: {} })).toEqual({});
  });
});
