// Links node_modules/pulumi-zilliz to this checkout, so programs run from the repo (the quickstart, the
// e2e fixtures) resolve `require("pulumi-zilliz/...")` exactly as a user's program would. The dynamic
// provider process requires the runtime by package name from the program directory, so the link matters.
// Skipped when this package is itself installed inside someone's node_modules.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
if (root.split(path.sep).includes("node_modules")) process.exit(0);
const link = path.join(root, "node_modules", "pulumi-zilliz");
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === "..") process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // Not a link yet (or missing): create it below.
}
fs.symlinkSync("..", link, "dir");
