/** The data plane object: routing, authentication, envelopes, transitions, snapshots. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TransitionKind } from "../transition-mode";
import type { PlaneContext, Reply, Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import { decodeBody } from "./request-body";
import { emptyState, type PlaneState, type Transition } from "./state";
import { collectionRoutes } from "./collections";
import { indexRoutes } from "./indexes";
import { partitionRoutes } from "./partitions";
import { aliasRoutes } from "./aliases";
import { databaseRoutes } from "./databases";
import { accessRoutes } from "./access";
import { privilegeGroupRoutes } from "./privilege-groups";
import { entityRoutes } from "./entities";
import { entityLookupRoutes } from "./entity-lookups";
import { compactionRoutes } from "./compaction";
import { importRoutes, settleImports, startImport, viewJob, type ImportJobView } from "./imports";
import { runV1 } from "./v1";
import { resolveObjectUnits } from "./import-access";
import { authorize, filterReply, PermissionDenied, signIn, SUPERUSER, type Call } from "./authorization";
import { v1Call } from "./v1-call";
import { corsHeaders, credentialOf, readBody, sendJson, sendNotFound } from "./http-io";
import type { DataPlane, DataPlaneOptions } from "./index";

const V2_ROUTES: Routes = {
  ...collectionRoutes, ...indexRoutes, ...partitionRoutes, ...aliasRoutes, ...databaseRoutes, ...accessRoutes, ...privilegeGroupRoutes, ...entityRoutes, ...entityLookupRoutes, ...importRoutes, ...compactionRoutes,
};
const V1_PATHS = ["collections", "collections/create", "collections/describe", "collections/drop", "insert", "query", "search", "get", "delete"];

function isRoute(pathname: string): boolean {
  const v2 = /^\/v2\/vectordb\/(.+)$/.exec(pathname)?.[1];
  const v1 = /^\/v1\/vector\/(.+)$/.exec(pathname)?.[1];
  return (v2 !== undefined && V2_ROUTES[v2] !== undefined) || (v1 !== undefined && V1_PATHS.includes(v1));
}

const READ_ONLY = /(^|\/)(list|describe|has|get_[a-z_]+|query|get|search|hybrid_search|advanced_search)$|^collections$/;

/** The data plane plus access to its state (used by the self-hosted stand-in's authentication). */
export interface InternalPlane extends DataPlane {
  state(): PlaneState;
}

export function createPlane(options: DataPlaneOptions & { importRoot?: string }): InternalPlane {
  let state = emptyState();
  const importRoot = options.importRoot ?? process.env.ZILLIZ_LOCAL_IMPORT_ROOT ?? process.cwd();
  const context = (dbName: string, int64AsString = false): PlaneContext => ({
    state, mode: (kind) => options.transitionMode(kind), importRoot, dbName, int64AsString, objectStore: options.objectStore,
    notify: () => options.onChange?.(),
  });
  const settle = () => {
    if (settleImports(context("default"))) options.onChange?.();
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    corsHeaders(res);
    if (req.method === "OPTIONS") {
      res.writeHead(204);
      res.end();
      return;
    }
    const token = credentialOf(req);
    const principal = options.authenticate(token) ? SUPERUSER : signIn(state, token);
    if (principal === undefined) {
      sendJson(res, 401, { code: Code.needAuthenticate, message: "user hasn't authenticated" });
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const text = await readBody(req);
    if (url.pathname.length > 1 && url.pathname.endsWith("/") && isRoute(url.pathname.slice(0, -1))) {
      // gin's RedirectTrailingSlash via http.Redirect: 301 with a small HTML body for GET, bare 307 otherwise.
      const location = url.pathname.slice(0, -1) + url.search;
      if (req.method === "GET") {
        const html = `<a href="${location.replace(/&/g, "&amp;").replace(/"/g, "&#34;")}">Moved Permanently</a>.\n\n`;
        res.writeHead(301, { Location: location, "Content-Type": "text/html; charset=utf-8" });
        res.end(html);
      } else {
        res.writeHead(307, { Location: location });
        res.end();
      }
      return;
    }
    const v2 = /^\/v2\/vectordb\/(.+)$/.exec(url.pathname)?.[1];
    const v1 = /^\/v1\/vector\/(.+)$/.exec(url.pathname)?.[1];
    settle();
    try {
      let reply: Reply | undefined;
      let success = 0;
      let action = "";
      if (v2 !== undefined && req.method === "POST" && V2_ROUTES[v2]) {
        action = v2;
        const route = V2_ROUTES[v2]!;
        const body = decodeBody(text, route.spec, "v2");
        const header = req.headers["db-name"];
        const dbName = (typeof body.dbName === "string" && body.dbName) || (typeof header === "string" && header) || "default";
        const int64AsString = String(req.headers["accept-type-allow-int64"]).toLowerCase() === "false";
        const call: Call = { api: "v2", action, fields: body, dbName };
        authorize(state, principal, call);
        reply = filterReply(state, principal, call, route.run(body, context(dbName, int64AsString)));
      } else if (v1 !== undefined) {
        action = v1;
        success = 200;
        const call = v1Call(v1, req.method ?? "", url.searchParams, text);
        authorize(state, principal, call);
        reply = filterReply(state, principal, call, runV1(v1, req.method ?? "", url.searchParams, text, context("default")));
      }
      if (reply === undefined) return sendNotFound(res);
      if (!READ_ONLY.test(action)) options.onChange?.();
      sendJson(res, 200, { code: success, ...("data" in reply ? { data: reply.data } : {}), ...reply.extra });
    } catch (error) {
      if (error instanceof DataPlaneError) sendJson(res, error instanceof PermissionDenied ? error.httpStatus : 200, { code: error.code, message: error.message });
      else throw error;
    }
  }

  const transitions = (kind?: TransitionKind, id?: string): Transition[] => {
    const found: Transition[] = [];
    for (const db of Object.values(state.databases)) {
      for (const coll of Object.values(db.collections)) {
        const hit = id === undefined || id === coll.id || id === coll.name;
        if ((kind === undefined || kind === "load") && coll.load && hit) found.push(coll.load);
        for (const index of coll.indexes) {
          if ((kind === undefined || kind === "index") && (hit || id === index.name)) found.push(index.build);
        }
      }
    }
    for (const job of Object.values(state.imports)) {
      if ((kind === undefined || kind === "import") && (id === undefined || id === job.jobId)) found.push(job.transition);
    }
    return found;
  };

  return {
    state: () => state,
    handle(req, res) {
      serve(req, res).catch((error: unknown) => {
        console.error("zilliz-local data plane:", error);
        if (!res.headersSent) sendJson(res, 500, { code: 500 });
        else res.end();
      });
    },
    advance(kind, id) {
      for (const t of transitions(kind, id)) t.advanced = true;
      settle();
      options.onChange?.();
    },
    snapshot() {
      settle();
      return JSON.parse(JSON.stringify(state)) as unknown;
    },
    restore(saved) {
      // Spread over a fresh state so snapshots written before a key existed still restore.
      state = { ...emptyState(), ...(JSON.parse(JSON.stringify(saved)) as PlaneState) };
    },
    reset() {
      state = emptyState();
    },
    startImport(req) {
      const units = req.units ?? req.objectUrls.map((url) => [url]);
      const jobId = startImport(context(req.dbName || "default"), req.collectionName, req.partitionName ?? "", units, { credentials: req.credentials });
      settle();
      options.onChange?.();
      return { jobId };
    },
    resolveObjectUnits: (units, credentials) => resolveObjectUnits(units, { importRoot, objectStore: options.objectStore, credentials, bareKeysInBucket: false }),
    importJob(jobId): ImportJobView | undefined {
      settle();
      const job = state.imports[jobId];
      return job ? viewJob(job) : undefined;
    },
  };
}
