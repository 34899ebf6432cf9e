/**
 * `zilliz-env`: parses the command line, reads and validates the spec (a bad spec fails here, before any
 * engine or API call), runs the command on every named environment (at most `--concurrency` at once) and
 * prints progress, outputs or the Markdown plan. Returns the exit code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCliArgs, USAGE, type CliOptions } from "./cli-args";
import type { EnvResult } from "./env-result";
import { BackendUrlError } from "./backend-url";
import { resolvedBackend } from "./environment-stack";
import { exitCodeOf, EXIT_FAILED, EXIT_OK } from "./exit-codes";
import { mapBounded } from "./bounded-pool";
import { formatOutputs } from "./outputs-view";
import { EnvSpecError, parseEnvSpec, type YamlParser } from "./parse-spec";
import { ProgressView } from "./progress-view";
import { runEnvironment } from "./run-environment";
import type { EnvSpec } from "./spec-types";

/** Where the command writes: results to `out` (stdout), progress and errors to `err` (stderr). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Aborted on SIGINT/SIGTERM: running engines cancel cleanly, environments not started yet are skipped. */
  signal?: AbortSignal;
}

/** A YAML parser if one is installed (`yaml`, or `js-yaml`, which @pulumi/pulumi brings); the package bundles none. */
function installedYaml(): YamlParser | undefined {
  for (const name of ["yaml", "js-yaml"]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(name) as { parse?: YamlParser; load?: YamlParser };
      const parse = mod.parse ?? mod.load;
      if (parse) return (text) => parse(text);
    } catch {
      // not installed: try the next
    }
  }
  return undefined;
}

/** Reads and validates the spec file; throws EnvSpecError (with paths) or a read error. */
export function loadSpec(file: string, env: Record<string, string | undefined>): EnvSpec {
  const text = readFileSync(file, "utf8");
  return parseEnvSpec(text, { fileName: path.basename(file), yaml: installedYaml(), env });
}

/** Runs `zilliz-env` with `argv` (without node and the script path). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv, io.env);
  if (parsed.kind === "help") {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === "error") {
    io.err(`zilliz-env: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT_FAILED;
  }
  const options: CliOptions = parsed.options;
  // A bad --backend is a usage error: caught here, before any spec is run or any stack is opened.
  try {
    resolvedBackend(options, io.env);
  } catch (e) {
    if (!(e instanceof BackendUrlError)) throw e;
    if (options.json) io.out(`${JSON.stringify({ type: "error", error: e.message })}\n`);
    else io.err(`zilliz-env: ${e.message}\n`);
    return EXIT_FAILED;
  }
  // Every environment's spec is read and validated before anything runs: `${env:ZILLIZ_ENV_NAME}` is the
  // environment's name, so each gets its own copy (cluster names per branch), and one bad copy stops all.
  const specs = new Map<string, EnvSpec>();
  if (options.spec !== undefined) {
    for (const env of options.envs) {
      try {
        specs.set(env, loadSpec(options.spec, { ...io.env, ZILLIZ_ENV_NAME: env }));
      } catch (e) {
        const message = e instanceof EnvSpecError ? e.message : `cannot read spec ${options.spec}: ${(e as Error).message}`;
        if (options.json) io.out(`${JSON.stringify({ type: "error", env, error: message, issues: e instanceof EnvSpecError ? e.issues : undefined })}\n`);
        else io.err(`zilliz-env: ${message}\n`);
        return EXIT_FAILED;
      }
    }
  }
  // Progress goes to stderr in a terminal so stdout carries only results (Markdown, outputs) a script can
  // redirect; JSON lines are the result, so they go to stdout.
  const write = options.json ? io.out : io.err;
  const results: EnvResult[] = await mapBounded(options.envs, options.concurrency, async (env) => {
    const view = new ProgressView(env, { json: options.json, write });
    const result = await runEnvironment(env, specs.get(env), options, view, io.signal);
    view.summary(result, { showSecrets: options.showSecrets });
    return result;
  });
  if (!options.json) printResults(results, options, io);
  return exitCodeOf(results, { expectNoChanges: options.expectNoChanges });
}

/** The human results on stdout: the Markdown plan of previews, the outputs of `outputs`. */
function printResults(results: readonly EnvResult[], options: CliOptions, io: CliIo): void {
  const several = results.length > 1;
  for (const r of results) {
    if (r.command === "preview" && options.markdown && r.plan) io.out(`${several ? `### ${r.env}\n\n` : ""}${r.plan.markdown}${several ? "\n" : ""}`);
    if (r.command === "outputs" && r.outputs) io.out(formatOutputs(r.env, r.outputs, options.showSecrets));
  }
}
