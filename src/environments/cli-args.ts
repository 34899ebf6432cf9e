/**
 * The `zilliz-env` command line: `node:util` parseArgs plus the rules parseArgs cannot express (which
 * command takes which flag, repeated or comma-listed `--env`, numbers). Pure: no files, no engine.
 */
import { parseArgs } from "node:util";
import { readProviderConfig } from "../resources/shared/provider-config";

/** What `zilliz-env` can do to an environment. */
export const COMMANDS = ["up", "preview", "refresh", "destroy", "drift", "outputs"] as const;
export type EnvCommand = (typeof COMMANDS)[number];

/** A parsed command line. */
export interface CliOptions {
  command: EnvCommand;
  /** Environment (stack) names, in the order given, without duplicates. */
  envs: string[];
  /** The spec file; required by up and preview. */
  spec?: string;
  workDir: string;
  /** State backend URL; undefined means `file://<workDir>/state`. */
  backend?: string;
  project: string;
  apiKey?: string;
  cloudApiUrl?: string;
  /** Extra stack config (`--config key=value`); keys without a namespace go under `zilliz:`. */
  config: Record<string, string>;
  json: boolean;
  markdown: boolean;
  denyDestructive: boolean;
  expectNoChanges: boolean;
  /** up/preview: do not read the real resources first. */
  skipRefresh: boolean;
  showSecrets: boolean;
  concurrency: number;
  pulumiRoot?: string;
}

/** The result of parsing: options, a help request, or a usage error (exit 1 with the message and usage). */
export type ParsedCli = { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "error"; message: string };

/** The text `--help` prints. */
export const USAGE = `usage: zilliz-env <command> --env <name> --spec <file> [options]

commands:
  up        create or update the environment to match the spec (after reading the real resources)
  preview   show what up would change (--markdown, --expect-no-changes, --deny-destructive)
  refresh   read the real state of every resource into the stack
  destroy   delete every resource of the environment and its stack state
  drift     compare the real resources with the stack (exit 2 and name them when they differ)
  outputs   print endpoints, collections, tokens (masked unless --show-secrets)

options:
  -e, --env <name>        environment = stack name; repeat it or give a comma list to run several
                          (e.g. --env pr-{1..5}); they run concurrently, --concurrency at a time
  -s, --spec <file>       environment spec (.json, or .yaml/.yml)
  --work-dir <dir>        workspace folder (default .zilliz-env)
  --backend <url>         state backend (default file://<work-dir>/state; s3://bucket?... for teams)
  --project <name>        Pulumi project name (default zilliz-env)
  --api-key <key>         Zilliz Cloud API key (default $ZILLIZ_API_KEY), stored as secret zilliz:apiKey
  --cloud-api-url <url>   control-plane URL (default $ZILLIZ_CLOUD_API_URL), e.g. a zilliz-local emulator
  --config <key=value>    extra stack config, repeatable (e.g. --config allowDataLoss=true)
  --json                  JSON lines: one per resource event, then one summary per environment
  --markdown              preview: print the plan as a Markdown table for a pull request
  --deny-destructive      preview/up: fail (exit 1) when a cluster, database or collection would be
                          replaced or deleted
  --expect-no-changes     preview: exit 2 when changes are pending
  --skip-refresh          up/preview: plan from the stack as stored, without reading the resources
                          first (faster; changes made outside the spec then go unnoticed)
  --show-secrets          outputs: print secret values instead of [secret]
  --concurrency <n>       environments run at once (default 3)
  --pulumi-root <dir>     Pulumi CLI installation (its bin/ folder's parent; default: pulumi on PATH)
  -h, --help              this text

In the spec, \${env:ZILLIZ_ENV_NAME} is the environment's name (e.g. "clusterName": "\${env:ZILLIZ_ENV_NAME}-search").
--spec is needed by up and preview; the other commands check it when given (destroy then runs the
program, so config given now, e.g. --config allowDataLoss=true, applies to the drops).

environment: PULUMI_CONFIG_PASSPHRASE encrypts stack secrets (default "pulumi-zilliz-local": set your own
for anything but the emulator); ZILLIZ_ENV_PULUMI_ROOT is --pulumi-root; PULUMI_HOME and backend
credentials (AWS_* for s3://) pass through to the engine.

exit codes: 0 ok; 1 failed (bad spec, engine error, destructive step denied); 2 drift found, or
changes pending with --expect-no-changes.`;

/** Flags that only mean something for some commands (anything else is refused rather than ignored). */
const ONLY_FOR: Record<string, readonly EnvCommand[]> = {
  markdown: ["preview"],
  "expect-no-changes": ["preview"],
  "deny-destructive": ["preview", "up"],
  "show-secrets": ["outputs"],
  "skip-refresh": ["up", "preview"],
};

/** Stack names the Pulumi CLI accepts (letters, digits, `-`, `_`, `.`). */
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** Parses `argv` (without `node` and the script). */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        env: { type: "string", short: "e", multiple: true },
        spec: { type: "string", short: "s" },
        "work-dir": { type: "string" },
        backend: { type: "string" },
        project: { type: "string" },
        "api-key": { type: "string" },
        "cloud-api-url": { type: "string" },
        config: { type: "string", multiple: true },
        json: { type: "boolean" },
        markdown: { type: "boolean" },
        "deny-destructive": { type: "boolean" },
        "expect-no-changes": { type: "boolean" },
        "skip-refresh": { type: "boolean" },
        "show-secrets": { type: "boolean" },
        concurrency: { type: "string" },
        "pulumi-root": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return { kind: "error", message: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [command, ...extra] = positionals;
  if (command === undefined) return { kind: "error", message: "missing command" };
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: "error", message: `unknown command "${command}" (one of ${COMMANDS.join(", ")})` };
  const cmd = command as EnvCommand;
  // `--env pr-{1..5}` expands to `--env pr-1 pr-2 …`: the extra names arrive as positionals.
  const envs = [...new Set([...(values.env ?? []), ...extra].flatMap((e) => e.split(",")).map((e) => e.trim()).filter((e) => e !== ""))];
  if (envs.length === 0) return { kind: "error", message: "--env is required" };
  const badEnv = envs.find((e) => !STACK_NAME.test(e));
  if (badEnv !== undefined) return { kind: "error", message: `--env "${badEnv}": use letters, digits, "-", "_" and "."` };
  if (values.spec === undefined && (cmd === "up" || cmd === "preview")) return { kind: "error", message: `--spec is required for ${cmd}` };
  for (const [flag, commands] of Object.entries(ONLY_FOR)) {
    if ((values as Record<string, unknown>)[flag] && !commands.includes(cmd)) return { kind: "error", message: `--${flag} applies to ${commands.join(" and ")}, not ${cmd}` };
  }
  const concurrency = values.concurrency === undefined ? 3 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) return { kind: "error", message: `--concurrency must be a whole number ≥ 1, got "${values.concurrency}"` };
  const config: Record<string, string> = {};
  for (const pair of values.config ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return { kind: "error", message: `--config "${pair}": write key=value` };
    const key = pair.slice(0, eq);
    config[key.includes(":") ? key : `zilliz:${key}`] = pair.slice(eq + 1);
  }
  const nonEmpty = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);
  // Credentials not given as flags come from the environment, by the provider's own rule.
  const fromEnv = readProviderConfig(undefined, env);
  return {
    kind: "run",
    options: {
      command: cmd,
      envs,
      spec: values.spec,
      workDir: values["work-dir"] ?? ".zilliz-env",
      backend: nonEmpty(values.backend),
      project: values.project ?? "zilliz-env",
      apiKey: nonEmpty(values["api-key"]) ?? fromEnv.apiKey,
      cloudApiUrl: nonEmpty(values["cloud-api-url"]) ?? fromEnv.cloudApiUrl,
      config,
      json: values.json ?? false,
      markdown: values.markdown ?? false,
      denyDestructive: values["deny-destructive"] ?? false,
      expectNoChanges: values["expect-no-changes"] ?? false,
      skipRefresh: values["skip-refresh"] ?? false,
      showSecrets: values["show-secrets"] ?? false,
      concurrency,
      pulumiRoot: nonEmpty(values["pulumi-root"]) ?? nonEmpty(env.ZILLIZ_ENV_PULUMI_ROOT),
    },
  };
}
