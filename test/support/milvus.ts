/**
 * Starts a real Milvus standalone server (the embedded build from PyPI, see scripts/ensure-milvus.sh) for
 * tests that compare against the real data plane. Data lives in a temp folder removed on stop.
 *
 * It fails loudly when Milvus cannot be installed or started: tests that need it must not skip.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

export interface RunningMilvus {
  /** Base URL of the proxy (gRPC and REST share the port), e.g. `http://127.0.0.1:19530`. */
  url: string;
  /** The Milvus version that is running. */
  version: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, "..", "..");
const STARTUP_TIMEOUT_MS = 240_000;

const LOCK_DIR = path.join(tmpdir(), "pulumi-zilliz-milvus.lock");

function lockHolderAlive(): boolean {
  try {
    const pid = Number(readFileSync(path.join(LOCK_DIR, "pid"), "utf8"));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Embedded Milvus runs its etcd on fixed loopback ports (2379/2380), so two servers cannot run at once.
 * Test files run in parallel worker processes; this cross-process lock makes them take turns.
 */
async function acquireLock(): Promise<() => void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, "pid"), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      // Held by someone else. A holder that died leaves a stale lock: take it over.
      if (!lockHolderAlive()) {
        await new Promise((r) => setTimeout(r, 200));
        if (!lockHolderAlive()) rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another test kept the Milvus lock ${LOCK_DIR} too long`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Starts Milvus on free loopback ports and resolves once its health check answers. */
export async function startMilvus(): Promise<RunningMilvus> {
  const release = await acquireLock();
  try {
    return await launch(release);
  } catch (error) {
    release();
    throw error;
  }
}

async function launch(release: () => void): Promise<RunningMilvus> {
  const python = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-milvus.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const version = execFileSync(python, ["-c", "import milvus; print(milvus.__version__)"], { encoding: "utf8" }).trim();
  const dataDir = mkdtempSync(path.join(tmpdir(), "milvus-test-"));
  // stdin stays a pipe we hold open: the launcher stops Milvus when it closes, even if we crash.
  const child = spawn(python, [path.join(repoRoot, "scripts", "milvus-server.py"), "--data", dataDir], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const ready = new Promise<{ port: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Milvus did not start within ${STARTUP_TIMEOUT_MS} ms; logs in ${dataDir}/logs`)),
      STARTUP_TIMEOUT_MS,
    );
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { port: number });
      } catch {
        reject(new Error(`unexpected output from the Milvus launcher: ${line}`));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Milvus launcher exited with code ${code} before it was ready: ${stderr.slice(-2000)}`));
    });
  });
  const { port } = await ready;

  return {
    url: `http://127.0.0.1:${port}`,
    version,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.stdin.end();
        const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(forced);
      }
      rmSync(dataDir, { recursive: true, force: true });
      release();
    },
  };
}
