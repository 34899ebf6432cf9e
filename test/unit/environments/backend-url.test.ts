import { homedir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BackendUrlError, resolveBackendUrl } from "../../../src/environments/backend-url";

const noAws = { env: {} };
const moto = "s3://state?endpoint=127.0.0.1:9000&s3ForcePathStyle=true&disableSSL=true&region=us-east-1";

function problem(url: string, options = noAws): string {
  try {
    resolveBackendUrl(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BackendUrlError);
    return (error as BackendUrlError).problem;
  }
  throw new Error(`${url} was accepted`);
}

describe("resolveBackendUrl: file://", () => {
  it("keeps an absolute folder and asks for nothing but PULUMI_BACKEND_URL", () => {
    const r = resolveBackendUrl("file:///srv/state", noAws);
    expect(r).toMatchObject({ kind: "file", url: "file:///srv/state", directory: "/srv/state", warnings: [] });
    expect(r.env).toEqual({ PULUMI_BACKEND_URL: "file:///srv/state" });
  });

  it("resolves a relative folder against cwd and ~ against the home folder", () => {
    expect(resolveBackendUrl("file://./state", { cwd: "/work/repo" }).directory).toBe("/work/repo/state");
    expect(resolveBackendUrl("file://~/.pulumi-state").url).toBe(`file://${path.join(homedir(), ".pulumi-state")}`);
    expect(resolveBackendUrl("file://~").directory).toBe(homedir());
  });

  it("keeps fileblob parameters and refuses others", () => {
    expect(resolveBackendUrl("file:///s?no_tmp_dir=true").url).toBe("file:///s?no_tmp_dir=true");
    expect(problem("file:///s?endpoint=x")).toMatch(/unknown parameter "endpoint" for file:\/\//);
  });

  it("refuses a URL without a folder", () => {
    expect(problem("file://")).toMatch(/names no folder/);
  });
});

describe("resolveBackendUrl: s3:// against a self-hosted store", () => {
  it("turns the SDK v1 spelling into the canonical v2 form with a scheme on the endpoint", () => {
    const r = resolveBackendUrl(moto, noAws);
    expect(r.url).toBe("s3://state?region=us-east-1&endpoint=http%3A%2F%2F127.0.0.1%3A9000&use_path_style=true&disable_https=true");
    expect(r).toMatchObject({ kind: "s3", bucket: "state", prefix: "", endpoint: "http://127.0.0.1:9000" });
    expect(r.env).toEqual({ PULUMI_BACKEND_URL: r.url, AWS_EC2_METADATA_DISABLED: "true", AWS_REGION: "us-east-1" });
    expect(r.warnings).toEqual(["no AWS_ACCESS_KEY_ID, AWS_PROFILE or profile= is set: the engine will only find keys in ~/.aws/credentials"]);
  });

  it("is idempotent: the canonical form resolves to itself", () => {
    const once = resolveBackendUrl(moto, noAws).url;
    expect(resolveBackendUrl(once, noAws).url).toBe(once);
  });

  it("accepts an http:// endpoint without disableSSL and keeps a key prefix", () => {
    const r = resolveBackendUrl("s3://state/team/a/?endpoint=http://localhost:9000&use_path_style=true&region=us-east-1", noAws);
    expect(r.url).toBe("s3://state/team/a?region=us-east-1&endpoint=http%3A%2F%2Flocalhost%3A9000&use_path_style=true");
    expect(r.prefix).toBe("team/a");
  });

  it("passes credentials as the standard AWS variables and then has nothing to warn about", () => {
    const r = resolveBackendUrl(moto, { env: {}, credentials: { accessKeyId: "AK", secretAccessKey: "SK", sessionToken: "T" } });
    expect(r.env).toMatchObject({ AWS_ACCESS_KEY_ID: "AK", AWS_SECRET_ACCESS_KEY: "SK", AWS_SESSION_TOKEN: "T" });
    expect(r.warnings).toEqual([]);
    expect(resolveBackendUrl(moto, { env: { AWS_ACCESS_KEY_ID: "AK" } }).warnings).toEqual([]);
  });

  it("drops awssdk=v1 with a warning (the CLI only has the SDK v2)", () => {
    const r = resolveBackendUrl(`${moto}&awssdk=v1`, { env: { AWS_PROFILE: "minio" } });
    expect(r.url).not.toContain("awssdk");
    expect(r.warnings).toEqual([expect.stringMatching(/awssdk=v1 is ignored/)]);
    expect(problem(`${moto}&awssdk=v3`)).toMatch(/"awssdk=v3" must be v1 or v2/);
  });

  it("warns when a named host gets virtual-hosted addressing", () => {
    const r = resolveBackendUrl("s3://state?endpoint=https://minio.example.com&region=us-east-1", { env: { AWS_ACCESS_KEY_ID: "AK" } });
    expect(r.warnings).toEqual([expect.stringContaining("state.minio.example.com")]);
  });
});

describe("resolveBackendUrl: s3:// on AWS", () => {
  it("needs no endpoint, leaves instance metadata on and keeps other driver options in order", () => {
    const r = resolveBackendUrl("s3://team-state/prod?region=eu-west-1&ssetype=AES256&profile=ci", noAws);
    expect(r.url).toBe("s3://team-state/prod?region=eu-west-1&profile=ci&ssetype=AES256");
    expect(r.env).toEqual({ PULUMI_BACKEND_URL: r.url, AWS_REGION: "eu-west-1" });
  });

  it("takes the region from the environment or a profile", () => {
    expect(resolveBackendUrl("s3://team-state", { env: { AWS_REGION: "eu-west-1" } }).url).toBe("s3://team-state");
    expect(resolveBackendUrl("s3://team-state?profile=ci", noAws).bucket).toBe("team-state");
  });
});

describe("resolveBackendUrl: errors name the problem", () => {
  const cases: Array<[string, RegExp]> = [
    ["", /it is empty/],
    ["state-bucket", /no scheme/],
    ["https://api.pulumi.com", /scheme https:\/\/ is not supported/],
    ["s3://?endpoint=http://127.0.0.1:9000&region=us-east-1", /names no bucket/],
    ["s3:///prefix?region=us-east-1", /names no bucket/],
    ["s3://AK:SK@state?region=us-east-1", /keys do not belong in the URL/],
    ["s3://State_Bucket?region=us-east-1", /"State_Bucket" is not a valid bucket name/],
    ["s3://state?endpoint=127.0.0.1:9000&s3ForcePathStyle=true&region=us-east-1", /has no scheme and disableSSL is not set.*endpoint=http:\/\/127\.0\.0\.1:9000/],
    ["s3://state?endpoint=http://127.0.0.1:9000&region=us-east-1", /host "127\.0\.0\.1" needs path-style addressing: add s3ForcePathStyle=true/],
    ["s3://state?endpoint=http://[::1]:9000&region=us-east-1", /needs path-style addressing/],
    ["s3://state?endpoint=http://127.0.0.1:9000&s3ForcePathStyle=true&disableSSL=false&region=us-east-1", /plain HTTP but disableSSL\/disable_https is false/],
    ["s3://state?endpoint=https://s3.local&s3ForcePathStyle=true&disableSSL=true&region=us-east-1", /HTTPS but disableSSL\/disable_https is true/],
    ["s3://state?endpoint=ftp://x&region=us-east-1", /must be http:\/\/ or https:\/\//],
    ["s3://state?endpoint=&region=us-east-1", /endpoint is empty/],
    ["s3://state?disableSSL=true&region=us-east-1", /needs an endpoint/],
    ["s3://state?disableSSL=true&disable_https=false&endpoint=http://h&region=us-east-1", /"disable_https" and "disableSSL" are the same setting and disagree/],
    ["s3://state?s3ForcePathStyle=yes&region=us-east-1", /"s3ForcePathStyle=yes" is not a boolean/],
    ["s3://state?region=us-east-1&forcePathStyle=true", /unknown parameter "forcePathStyle"/],
    ["s3://state?region=us-east-1&region=eu-west-1", /"region" appears more than once/],
    ["s3://state", /no region: add region=<name>/],
    ["s3://state?region=", /region is empty/],
  ];
  it.each(cases)("%s", (url, expected) => {
    expect(problem(url)).toMatch(expected);
  });

  it("puts the URL and the problem in the message", () => {
    expect(() => resolveBackendUrl("s3://state", noAws)).toThrow('invalid state backend URL "s3://state": no region');
  });
});
