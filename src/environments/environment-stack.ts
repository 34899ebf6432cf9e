/**
 * Opens the Pulumi stack of one environment through the Automation API: an inline program of the spec, a
 * per-environment workspace folder under the work dir, the state backend and passphrase as engine
 * environment, and the provider's credentials as stack config (the API key as a secret).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { LocalWorkspace, PulumiCommand, type ConfigMap, type Stack } from "@pulumi/pulumi/automation";
import type { CliOptions } from "./cli-args";
import { resolveBackendUrl, type ResolvedBackend } from "./backend-url";
import { environmentProgram } from "./program";
import type { EnvSpec } from "./spec-types";

/** The passphrase stack secrets are encrypted with when `PULUMI_CONFIG_PASSPHRASE` is not set (fit for the emulator only). */
export const DEFAULT_PASSPHRASE = "pulumi-zilliz-local";

/** What opening a stack needs from the command line. */
export type StackOptions = Pick<CliOptions, "workDir" | "backend" | "project" | "apiKey" | "cloudApiUrl" | "config" | "pulumiRoot">;

/** The default backend: a file:// folder inside the work dir (absolute, as the CLI wants). */
export function backendUrl(options: Pick<StackOptions, "workDir" | "backend">): string {
  return options.backend ?? `file://${path.resolve(options.workDir, "state")}`;
}

/** The stack config a run sets: credentials from the command line or environment, then `--config` pairs. */
export function stackConfig(options: Pick<StackOptions, "apiKey" | "cloudApiUrl" | "config">): ConfigMap {
  const config: ConfigMap = {};
  if (options.apiKey !== undefined) config["zilliz:apiKey"] = { value: options.apiKey, secret: true };
  if (options.cloudApiUrl !== undefined) config["zilliz:cloudApiUrl"] = { value: options.cloudApiUrl };
  for (const [k, v] of Object.entries(options.config)) config[k] = { value: v, secret: /(key|password|token|secret)$/i.test(k) };
  return config;
}

/**
 * The state backend, checked and in the engine's spelling: a bad `--backend` (an s3:// URL without a bucket,
 * a plain-http endpoint the CLI would dial over TLS…) fails here, before any stack or API call.
 */
export function resolvedBackend(options: Pick<StackOptions, "workDir" | "backend">, env: Record<string, string | undefined> = process.env): ResolvedBackend {
  return resolveBackendUrl(backendUrl(options), { env });
}

/** The engine's environment for every call on the stack. */
export function engineEnv(options: Pick<StackOptions, "workDir" | "backend">, env: Record<string, string | undefined> = process.env): Record<string, string> {
  const backend = resolvedBackend(options, env);
  return {
    ...backend.env,
    PULUMI_BACKEND_URL: backend.url,
    PULUMI_CONFIG_PASSPHRASE: env.PULUMI_CONFIG_PASSPHRASE ?? DEFAULT_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: env.PULUMI_SKIP_UPDATE_CHECK ?? "true",
  };
}

let command: Promise<PulumiCommand> | undefined;

/** The Pulumi CLI: the installation under `root` (its bin/ holds the language host and dynamic-provider launcher), else `pulumi` on PATH. */
function pulumiCommand(root: string | undefined): Promise<PulumiCommand> {
  command ??= PulumiCommand.get(root === undefined ? {} : { root: path.resolve(root) });
  return command;
}

/**
 * The folder the engine starts the dynamic provider in: the provider `require`s `pulumi-zilliz/runtime` and
 * `@pulumi/pulumi` from there, so it is this package's own folder (found whether the package is installed
 * in a project's node_modules or is this repository), not the caller's current directory.
 */
function programDir(): string {
  return path.resolve(__dirname, "..", "..");
}

/**
 * Selects the environment's stack (creating it when `create`: up and preview) and sets its config. `spec`
 * undefined: a program that declares nothing, never run (outputs, refresh, drift, destroy without a spec).
 */
export async function openEnvironmentStack(env: string, spec: EnvSpec | undefined, options: StackOptions, create: boolean): Promise<Stack> {
  // One workspace folder per environment: the engine writes Pulumi.yaml and Pulumi.<stack>.yaml there, and
  // concurrent environments must not race on the same files.
  const workDir = path.resolve(options.workDir, "workspaces", env);
  mkdirSync(workDir, { recursive: true });
  const backend = resolvedBackend(options);
  // The DIY file backend needs its folder; an S3 bucket must already exist (the engine never creates one).
  if (backend.directory !== undefined) mkdirSync(backend.directory, { recursive: true });
  for (const warning of backend.warnings) process.stderr.write(`[env] warning: ${warning}\n`);
  const program = spec ? environmentProgram(spec) : async () => ({});
  // Only up and preview may create a stack: `outputs` or `drift` of a mistyped or destroyed environment
  // must fail, not answer for a new empty stack.
  const args = { projectName: options.project, stackName: env, program };
  const workspace = {
    workDir,
    pulumiCommand: await pulumiCommand(options.pulumiRoot),
    envVars: engineEnv(options),
    projectSettings: { name: options.project, runtime: "nodejs" as const, main: programDir() },
  };
  // Called as methods: they use `this`.
  const stack = create ? await LocalWorkspace.createOrSelectStack(args, workspace) : await LocalWorkspace.selectStack(args, workspace);
  const config = stackConfig(options);
  if (Object.keys(config).length > 0) await stack.setAllConfig(config);
  return stack;
}
