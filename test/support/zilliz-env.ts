/**
 * Runs the built `zilliz-env` bin (dist/, so `npm run build` first) as a child process, as a pipeline
 * would: the Pulumi CLI from scripts/ensure-pulumi.sh, an isolated PULUMI_HOME and work dir per test file.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offline = require("../../scripts/pulumi-offline.js") as { ensurePulumiBin(): string; repoRoot: string };

export const ZILLIZ_ENV_BIN = path.join(offline.repoRoot, "dist", "environments", "zilliz-env.js");

/** What one run printed and returned. */
export interface EnvRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch folder (inside the repo, ignored by git) with the engine's home and the bin's work dir. */
export interface EnvScratch {
  dir: string;
  workDir: string;
  /** Environment for every child: engine found, offline, isolated. */
  env: Record<string, string>;
  cleanup(): void;
}

/** Creates the scratch folder and the child environment (fails loudly when the build or the CLI is missing). */
export function envScratch(label: string, extra: Record<string, string> = {}): EnvScratch {
  if (!existsSync(ZILLIZ_ENV_BIN)) throw new Error(`${ZILLIZ_ENV_BIN} is missing: run npm run build first`);
  const root = path.join(offline.repoRoot, ".pulumi-local", "e2e");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, `${label}-`));
  const binDir = offline.ensurePulumiBin();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PULUMI_HOME: path.join(dir, "home"),
    ZILLIZ_ENV_PULUMI_ROOT: path.dirname(binDir),
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-zilliz-env",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    ...extra,
  };
  return { dir, workDir: path.join(dir, "work"), env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `node dist/environments/zilliz-env.js <args>`; never rejects on a non-zero exit. */
export function runZillizEnv(args: readonly string[], options: { env: Record<string, string>; cwd?: string }): Promise<EnvRun> {
  return runProcess(process.execPath, [ZILLIZ_ENV_BIN, ...args], options);
}

/** Runs any program (the example scripts) the same way. */
export function runProcess(file: string, args: readonly string[], options: { env: Record<string, string>; cwd?: string }): Promise<EnvRun> {
  return new Promise((resolve) => {
    execFile(file, [...args], { env: options.env, cwd: options.cwd ?? offline.repoRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === "number" ? ((error as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The JSON lines of a `--json` run. */
export function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, any>);
}
