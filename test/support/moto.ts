/**
 * Starts a real S3-compatible server for the import tests and the S3 state-backend tests: `moto` in server
 * mode (PyPI `moto[server]`, installed by scripts/ensure-moto.sh) on a free loopback port, with two IAM users
 * and signature checking turned on, so wrong keys are refused the way S3 refuses them. Objects are uploaded and
 * read with boto3 (test/support/moto-admin.py), not with the emulator's own S3 code.
 *
 * It fails loudly when moto cannot be installed or started: tests that need it must not skip.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const admin = path.join(__dirname, "moto-admin.py");
const STARTUP_TIMEOUT_MS = 60_000;
const LAUNCHER = [
  "import os, sys, threading",
  "from moto.server import main",
  "threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()",
  "main(sys.argv[1:])",
].join("\n");

export interface RunningMoto {
  /** e.g. `http://127.0.0.1:41234` */
  endpoint: string;
  /** Keys of a user allowed `s3:*`. */
  reader: { accessKey: string; secretKey: string };
  /** Keys of a user without any policy (every S3 call is AccessDenied). */
  nobody: { accessKey: string; secretKey: string };
  /** Uploads objects (creating the bucket when missing) with the reader's keys. */
  put(bucket: string, objects: Record<string, Buffer | string>): void;
  /** The keys in a bucket (under `prefix`), sorted, listed with boto3 and the reader's keys. */
  list(bucket: string, prefix?: string): string[];
  /** One object's bytes, read with boto3 and the reader's keys. */
  get(bucket: string, key: string): Buffer;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts moto and resolves once it answers and auth is on. */
export async function startMoto(): Promise<RunningMoto> {
  const python = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-moto.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // stdin stays a pipe we hold open: the watcher thread ends moto when it closes, even if the test process dies.
  const child = spawn(python, ["-c", LAUNCHER, "-H", "127.0.0.1", "-p", String(port)], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto did not answer on ${endpoint} within ${STARTUP_TIMEOUT_MS} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let keys: Record<"reader" | "nobody", [string, string]>;
  try {
    keys = JSON.parse(execFileSync(python, [admin, "setup", endpoint], { encoding: "utf8" })) as typeof keys;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const reader = { accessKey: keys.reader[0], secretKey: keys.reader[1] };
  return {
    endpoint,
    reader,
    nobody: { accessKey: keys.nobody[0], secretKey: keys.nobody[1] },
    put(bucket, objects) {
      const dir = mkdtempSync(path.join(tmpdir(), "moto-put-"));
      try {
        const args = Object.entries(objects).flatMap(([key, body], i) => {
          const file = path.join(dir, String(i));
          writeFileSync(file, body);
          return [key, file];
        });
        execFileSync(python, [admin, "put", endpoint, reader.accessKey, reader.secretKey, bucket, ...args], { stdio: ["ignore", "ignore", "pipe"] });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    list(bucket, prefix = "") {
      const out = execFileSync(python, [admin, "list", endpoint, reader.accessKey, reader.secretKey, bucket, prefix], { encoding: "utf8" });
      return JSON.parse(out) as string[];
    },
    get(bucket, key) {
      return execFileSync(python, [admin, "get", endpoint, reader.accessKey, reader.secretKey, bucket, key], { maxBuffer: 64 * 1024 * 1024 });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  };
}
