/**
 * Runs the real Pulumi engine (CLI v3.248.0 built by scripts/ensure-pulumi.sh) through the Automation
 * API on a throwaway file:// backend. Every stack gets its own state folder and PULUMI_HOME.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type PulumiFn,
  type Stack,
} from "@pulumi/pulumi/automation";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offline = require("../../scripts/pulumi-offline.js") as {
  ensurePulumiBin(): string;
  offlineEnv(o: { stateDir: string; homeDir: string; binDir?: string }): Record<string, string>;
  repoRoot: string;
};

export const repoRoot: string = offline.repoRoot;

export interface TestStack {
  stack: Stack;
  env: Record<string, string>;
  stateDir: string;
  /** Destroys nothing: removes the stack's folders. Call `stack.destroy()` first where a test needs it. */
  cleanup(): Promise<void>;
}

let cachedCommand: Promise<PulumiCommand> | undefined;

/** The engine, built or found once per test process. Fails loudly when it cannot be had. */
export function pulumiCommand(): Promise<PulumiCommand> {
  cachedCommand ??= (async () => {
    const binDir = offline.ensurePulumiBin();
    // `root` is the folder above bin/; PulumiCommand prepends root/bin to PATH for every call, so the
    // engine finds the language host and the dynamic-provider launcher next to itself.
    return PulumiCommand.get({ root: path.dirname(binDir) });
  })();
  return cachedCommand;
}

function folders(label: string) {
  // Inside the repo (ignored by git) rather than the system temp dir: the engine starts the dynamic
  // provider in the program's folder, and `require("pulumi-zilliz/...")` / `@pulumi/pulumi` must resolve
  // from there through the repo's node_modules, as they do from a user's project.
  const scratch = path.join(offline.repoRoot, ".pulumi-local", "e2e");
  mkdirSync(scratch, { recursive: true });
  const base = mkdtempSync(path.join(scratch, `${label}-`));
  const stateDir = path.join(base, "state");
  const homeDir = path.join(base, "home");
  return { base, stateDir, homeDir };
}

/** An inline program: it runs inside the test process. */
export async function inlineStack(options: {
  projectName: string;
  stackName?: string;
  program: PulumiFn;
  config?: ConfigMap;
  extraEnv?: Record<string, string>;
}): Promise<TestStack> {
  const { base, stateDir, homeDir } = folders(options.projectName);
  const workDir = path.join(base, "program");
  mkdirSync(workDir);
  const cmd = await pulumiCommand();
  const env = { ...offline.offlineEnv({ stateDir, homeDir }), ...options.extraEnv };
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: options.projectName, stackName: options.stackName ?? "test", program: options.program },
    {
      workDir,
      pulumiCommand: cmd,
      pulumiHome: homeDir,
      envVars: env,
      projectSettings: { name: options.projectName, runtime: "nodejs", backend: { url: `file://${stateDir}` } },
    },
  );
  if (options.config) await stack.setAllConfig(options.config);
  return { stack, env, stateDir, cleanup: async () => rmSync(base, { recursive: true, force: true }) };
}

/** A local program: a folder with Pulumi.yaml, run by pulumi-language-nodejs as a user would. */
export async function localStack(options: {
  workDir: string;
  stackName?: string;
  config?: ConfigMap;
  extraEnv?: Record<string, string>;
}): Promise<TestStack> {
  const { base, stateDir, homeDir } = folders(path.basename(options.workDir));
  const cmd = await pulumiCommand();
  const env = { ...offline.offlineEnv({ stateDir, homeDir }), ...options.extraEnv };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: options.stackName ?? "test", workDir: options.workDir },
    { pulumiCommand: cmd, pulumiHome: homeDir, envVars: env },
  );
  if (options.config) await stack.setAllConfig(options.config);
  return {
    stack,
    env,
    stateDir,
    cleanup: async () => {
      // Stack settings files (Pulumi.<stack>.yaml) land in the program folder; remove ours.
      await stack.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
      rmSync(path.join(options.workDir, `Pulumi.${stack.name}.yaml`), { force: true });
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** The exported deployment's resources, for assertions on state. */
export async function stateResources(stack: Stack): Promise<Array<Record<string, any>>> {
  const deployment = await stack.exportStack();
  return (deployment.deployment?.resources ?? []) as Array<Record<string, any>>;
}
