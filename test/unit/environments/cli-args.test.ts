import { describe, expect, it } from "vitest";
import { parseCliArgs, USAGE } from "../../../src/environments/cli-args";

const run = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseCliArgs(argv, env);
  if (r.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(r)}`);
  return r.options;
};
const error = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (r.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.message;
};

describe("parseCliArgs", () => {
  it("reads a command with its environment and spec, with the documented defaults", () => {
    expect(run(["up", "--env", "pr-1", "--spec", "env.json"])).toEqual({
      command: "up", envs: ["pr-1"], spec: "env.json", workDir: ".zilliz-env", backend: undefined, project: "zilliz-env",
      apiKey: undefined, cloudApiUrl: undefined, config: {}, json: false, markdown: false, denyDestructive: false,
      expectNoChanges: false, skipRefresh: false, showSecrets: false, concurrency: 3, pulumiRoot: undefined,
    });
  });

  it("takes environments repeated, comma-listed, and as the shell expands pr-{1..3}, once each", () => {
    expect(run(["up", "-e", "a,b", "--env", "c", "-s", "x.json"]).envs).toEqual(["a", "b", "c"]);
    // `--env pr-{1..3}` reaches us as `--env pr-1 pr-2 pr-3`.
    expect(run(["up", "--env", "pr-1", "pr-2", "pr-3", "--spec", "x.json"]).envs).toEqual(["pr-1", "pr-2", "pr-3"]);
    expect(run(["destroy", "--env", "a,a", "--env", "a"]).envs).toEqual(["a"]);
  });

  it("takes credentials from flags first, then the environment", () => {
    const env = { ZILLIZ_API_KEY: "from-env", ZILLIZ_CLOUD_API_URL: "http://env", ZILLIZ_ENV_PULUMI_ROOT: "/opt/pulumi" };
    expect(run(["outputs", "--env", "a"], env)).toMatchObject({ apiKey: "from-env", cloudApiUrl: "http://env", pulumiRoot: "/opt/pulumi" });
    expect(run(["outputs", "--env", "a", "--api-key", "flag", "--cloud-api-url", "http://flag"], env)).toMatchObject({ apiKey: "flag", cloudApiUrl: "http://flag" });
    expect(run(["outputs", "--env", "a"], { ZILLIZCLOUD_API_KEY: "other" }).apiKey).toBe("other");
  });

  it("namespaces --config keys under zilliz: unless they have a namespace", () => {
    expect(run(["up", "--env", "a", "--spec", "s", "--config", "allowDataLoss=true", "--config", "aws:region=x=y"]).config).toEqual({
      "zilliz:allowDataLoss": "true",
      "aws:region": "x=y",
    });
    expect(error(["up", "--env", "a", "--spec", "s", "--config", "novalue"])).toContain('--config "novalue"');
  });

  it("refuses flags that mean nothing for the command instead of ignoring them", () => {
    expect(error(["up", "--env", "a", "--spec", "s", "--markdown"])).toBe("--markdown applies to preview, not up");
    expect(error(["drift", "--env", "a", "--show-secrets"])).toBe("--show-secrets applies to outputs, not drift");
    expect(error(["destroy", "--env", "a", "--deny-destructive"])).toBe("--deny-destructive applies to preview and up, not destroy");
    expect(run(["up", "--env", "a", "--spec", "s", "--deny-destructive"]).denyDestructive).toBe(true);
    expect(run(["preview", "--env", "a", "--spec", "s", "--markdown", "--expect-no-changes"])).toMatchObject({ markdown: true, expectNoChanges: true });
  });

  it("names what is missing or wrong", () => {
    expect(error([])).toBe("missing command");
    expect(error(["apply", "--env", "a"])).toContain('unknown command "apply"');
    expect(error(["up", "--spec", "s"])).toBe("--env is required");
    expect(error(["up", "--env", "a"])).toBe("--spec is required for up");
    expect(error(["preview", "--env", "a"])).toBe("--spec is required for preview");
    expect(error(["up", "--env", "a b", "--spec", "s"])).toContain('--env "a b"');
    expect(error(["up", "--env", "a", "--spec", "s", "--concurrency", "0"])).toContain("--concurrency");
    expect(error(["up", "--env", "a", "--spec", "s", "--bogus"])).toContain("--bogus");
    // drift, refresh, outputs and destroy work from the stack alone.
    expect(run(["drift", "--env", "a"]).spec).toBeUndefined();
  });

  it("answers --help with the usage, which lists every command and the exit codes", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["up", "-h"])).toEqual({ kind: "help" });
    for (const word of ["up", "preview", "refresh", "destroy", "drift", "outputs", "--deny-destructive", "--concurrency", "exit codes: 0 ok; 1 failed"]) expect(USAGE).toContain(word);
  });
});
