/**
 * A test-only stand-in for a cluster's data plane, so the control plane is tested on its own: imports of the
 * collection "missing" fail with Milvus code 100; jobs follow the "import" transition mode.
 */
import type { DataPlane, DataPlaneFactory, DataPlaneImportJob } from "../../../src/emulator";

class StubDataPlaneError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Builds stub data planes; `planes` lets a test look at what was created. */
export function stubDataPlaneFactory(): { factory: DataPlaneFactory; planes: DataPlane[] } {
  const planes: DataPlane[] = [];
  const factory: DataPlaneFactory = (options) => {
    let jobs: Array<{ jobId: string; collectionName: string; url: string; done: boolean }> = [];
    let next = 448761313698322011n;
    const plane: DataPlane = {
      handle(req, res) {
        const token = req.headers.authorization?.replace(/^Bearer /, "");
        if (!options.authenticate(token)) {
          res.writeHead(401, { "content-type": "application/json" });
          return res.end(JSON.stringify({ code: 1800, message: "user hasn't authenticated" }));
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 0, data: [] }));
      },
      advance(kind, id) {
        for (const job of jobs) if ((kind === undefined || kind === "import") && (id === undefined || id === job.jobId)) job.done = true;
        options.onChange?.();
      },
      snapshot: () => ({ jobs, next: String(next) }),
      restore(state) {
        const s = state as { jobs: typeof jobs; next: string };
        jobs = s.jobs;
        next = BigInt(s.next);
      },
      reset() {
        jobs = [];
      },
      startImport(req) {
        if (req.collectionName === "missing") throw new StubDataPlaneError(100, "collection not found[collection=missing]");
        const jobId = String(next++);
        jobs.push({ jobId, collectionName: req.collectionName, url: req.objectUrls[0], done: options.transitionMode("import").kind === "immediate" });
        options.onChange?.();
        return { jobId };
      },
      importJob(jobId): DataPlaneImportJob | undefined {
        const job = jobs.find((j) => j.jobId === jobId);
        if (!job) return undefined;
        return {
          jobId,
          collectionName: job.collectionName,
          state: job.done ? "Completed" : "Importing",
          progress: job.done ? 100 : 0,
          importedRows: job.done ? 10 : 0,
          totalRows: 10,
          reason: "",
          completeTime: job.done ? "2026-01-01T00:00:00Z" : "",
          fileName: job.url,
          fileSize: 1024,
        };
      },
    };
    planes.push(plane);
    return plane;
  };
  return { factory, planes };
}
