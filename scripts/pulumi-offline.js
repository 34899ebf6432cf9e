// The one place that decides how the real Pulumi engine runs here: offline, on a file:// backend, with a
// passphrase secrets provider, an isolated PULUMI_HOME, and no update checks or plugin downloads.
// Used by the e2e tests, scripts/start.sh (npm start) and scripts/pulumi.sh (npm run pulumi).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");

/** Passphrase for local stacks. Not a secret worth keeping: these stacks only ever talk to the emulator. */
const LOCAL_PASSPHRASE = "pulumi-zilliz-local";

/**
 * Returns the directory holding `pulumi`, `pulumi-language-nodejs` and the dynamic-provider launcher,
 * building them on first use (scripts/ensure-pulumi.sh). Throws when that fails: never skip.
 */
function ensurePulumiBin() {
  return execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-pulumi.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

/**
 * Environment for every engine call. `stateDir` holds the file:// backend, `homeDir` is PULUMI_HOME.
 * @param {{ stateDir: string, homeDir: string, binDir?: string, passphrase?: string }} options
 */
function offlineEnv({ stateDir, homeDir, binDir, passphrase }) {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(homeDir, { recursive: true });
  const env = {
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_HOME: homeDir,
    PULUMI_CONFIG_PASSPHRASE: passphrase ?? process.env.PULUMI_CONFIG_PASSPHRASE ?? LOCAL_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    // A missing plugin must fail at once instead of trying a download (there is no network).
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  if (binDir) env.PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ""}`;
  return env;
}

module.exports = { ensurePulumiBin, offlineEnv, repoRoot, LOCAL_PASSPHRASE };
