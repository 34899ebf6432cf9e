/**
 * `startEmulator`: the control plane (v2 and v1 on one URL), one data plane per cluster on its own loopback
 * port, the legacy 0.x API on another port, the `/__emulator/*` control endpoints and the optional state file.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listen, ClusterEndpoints } from "./cluster-endpoints";
import { CallLog } from "./control/call-log";
import { CONTROL_PREFIX, handleControl, type EmulatorControl } from "./control/control-routes";
import { FaultInjector } from "./control/faults";
import { RateLimiter } from "./control/rate-limit";
import { DEFAULT_V1_REGION } from "./control-plane/catalog";
import { checkScope, keyReachesDataPlane, narrowList } from "./control-plane/api-key-scope";
import { ApiKeyStore } from "./control-plane/api-key-store";
import { BackupStore } from "./control-plane/backup-store";
import { ClusterStore } from "./control-plane/cluster-store";
import type { ControlPlane } from "./control-plane/control-plane";
import { ImportJobStore } from "./control-plane/import-jobs";
import { defaultProject, ProjectStore } from "./control-plane/project-store";
import { importRoutes } from "./control-plane/routes-import";
import { v1Routes } from "./control-plane/routes-v1";
import { v2Routes } from "./control-plane/routes-v2";
import { resourceRoutes } from "./control-plane/routes-v2-resources";
import { PrivateEndpointStore } from "./control-plane/private-endpoint-store";
import { privateEndpointRoutes } from "./control-plane/routes-private-endpoints";
import type { ControlPlaneState } from "./control-plane/state";
import { VolumeStore } from "./control-plane/volume-store";
import type { DataPlaneFactory, LegacyApi, ObjectStoreOptions } from "./data-plane-port";
import { EmulatorError } from "./errors";
import { bearerToken, parseJsonObject, readBody } from "./http-io";
import { newApiKey } from "./ids";
import { readStateFile, writeStateFile, type PersistedState } from "./persistence";
import { renderData, renderError, renderNotFound, renderRaw, renderUnauthorized } from "./render";
import { matchRoute, type Route } from "./router";
import { formatTransitionMode, parseTransitionMode, TRANSITION_KINDS, type TransitionKind, type TransitionMode } from "./transition-mode";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Control-plane port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1); also the host of every connectAddress. */
  host?: string;
  /** The org API key; generated when omitted (or taken from the state file). */
  apiKey?: string;
  /** Persist everything to this JSON file and load it at start. */
  stateFile?: string;
  /** Transition mode for every kind, or per kind (default immediate). */
  transitions?: TransitionMode | Partial<Record<TransitionKind, TransitionMode>>;
  /** How suspend states render: SUSPENDING/SUSPENDED (default) or STOPPING/STOPPED. */
  suspendStateNames?: "SUSPENDING" | "STOPPING";
  /** Region of `/v1/...` calls without a `regionId` query (default gcp-us-west1). */
  defaultRegion?: string;
  /** Port of the legacy 0.x API: 0 (default) picks one, `false` serves none. */
  legacyPort?: number | false;
  /** Builds each cluster's data plane (default: the bundled one). */
  createDataPlane?: DataPlaneFactory;
  /** Builds the legacy API (default: the bundled one). */
  createLegacyApi?: () => LegacyApi;
  /** Directory that relative import object keys resolve under (default: the data plane's own default). */
  importRoot?: string;
  /**
   * An S3-compatible server (`{ endpoint: "http://127.0.0.1:9000" }`) that `s3://bucket/key` and
   * `https://host/bucket/key` import URLs are fetched from with the request's keys. Unset: such URLs map to
   * `<importRoot>/<bucket>/<key>` as before.
   */
  objectStore?: ObjectStoreOptions;
  /** Clock for transitions (default Date.now). */
  now?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Control-plane base URL, e.g. `http://127.0.0.1:19600` (v2 and v1 paths). */
  url: string;
  /** The org API key to send as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Base URL of the legacy 0.x API, when served. */
  legacyUrl?: string;
  /** Things worth telling the user (e.g. a data-plane port that changed after a restart). */
  notes: string[];
  /** The same operations as the `/__emulator/*` endpoints, in process. */
  control: EmulatorControl;
  close(): Promise<void>;
}

function initialModes(option: EmulatorOptions["transitions"]): Record<TransitionKind, TransitionMode> {
  const modes = Object.fromEntries(TRANSITION_KINDS.map((k) => [k, { kind: "immediate" }])) as Record<TransitionKind, TransitionMode>;
  if (option && "kind" in option && typeof option.kind === "string" && !TRANSITION_KINDS.includes(option.kind as TransitionKind)) {
    for (const k of TRANSITION_KINDS) modes[k] = option as TransitionMode;
  } else if (option) {
    Object.assign(modes, option);
  }
  return modes;
}

/** Starts the emulator and resolves once every port listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
  const createDataPlane = options.createDataPlane ?? (await import("./bundled-data-plane")).createDataPlane;
  const persisted = options.stateFile ? readStateFile(options.stateFile) : undefined;
  // `let`: the control endpoint `POST /__emulator/api-key` rotates it (the old key is refused from then on).
  let apiKey = options.apiKey ?? persisted?.apiKey ?? newApiKey();
  let modes = initialModes(options.transitions);
  const notes: string[] = [];
  const calls = new CallLog();
  const faults = new FaultInjector();
  const rateLimit = new RateLimiter(now);
  let loading = true;

  const state: ControlPlaneState = persisted?.controlPlane ?? { projects: [defaultProject(now())], clusters: [], importJobs: [] };
  const persist = () => {
    if (!options.stateFile || loading) return;
    const snapshot: PersistedState = { version: 1, apiKey, controlPlane: state, dataPlanes: endpoints.snapshots(), legacy: legacy?.snapshot() };
    writeStateFile(options.stateFile, snapshot);
  };
  const endpoints = new ClusterEndpoints({
    host,
    apiKey: () => apiKey,
    // Read at each request, so a deleted key or a changed scope takes effect at once.
    createdKeyReaches: (token, clusterId) => {
      const key = apiKeys.byValue(token);
      return key !== undefined && keyReachesDataPlane(key, state, clusterId);
    },
    createDataPlane,
    transitionMode: (kind) => modes[kind],
    onChange: persist,
    faults,
    calls,
    note: (text) => notes.push(text),
    importRoot: options.importRoot,
    objectStore: options.objectStore,
  });
  const projects = new ProjectStore(state, now);
  const privateEndpoints = new PrivateEndpointStore(state, projects, now);
  const clusters = new ClusterStore(state, projects, { now, mode: () => modes.cluster, onDeleted: (c) => endpoints.close(c.clusterId) });
  const imports = new ImportJobStore(state, clusters, (id) => endpoints.get(id), now);
  const controlPlane: ControlPlane = {
    projects,
    clusters,
    imports,
    defaultRegion: options.defaultRegion ?? DEFAULT_V1_REGION,
    view: {
      suspendNames: options.suspendStateNames ?? "SUSPENDING",
      privateLinkAddress: (c) => (c.connectAddress !== "" && privateEndpoints.hasEndpoint(c.projectId, c.regionId) ? c.connectAddress : ""),
      createProgress: (c) => clusters.createProgress(c),
      instanceCount: (id) => {
        clusters.settleAll();
        return projects.instanceCount(id);
      },
    },
    openEndpoint: (cluster) => endpoints.open(cluster),
  };
  // API keys, backups and volumes (issue 12) follow the cluster transition mode and live in optional state sections.
  const clusterMode = { now, mode: () => modes.cluster };
  const apiKeys = new ApiKeyStore(state, projects, now);
  const backups = new BackupStore(state, clusters, { ...clusterMode, snapshotOf: (id) => endpoints.get(id)?.snapshot() });
  const volumes = new VolumeStore(state, projects, clusterMode);
  controlPlane.volumes = volumes;
  const routes: Route[] = [
    ...v2Routes(controlPlane),
    ...resourceRoutes({ state, clusters, apiKeys, backups, volumes, restore: { backups, clusters, now, open: (c, snapshot) => endpoints.open(c, snapshot) } }),
    ...privateEndpointRoutes(privateEndpoints),
    ...v1Routes(controlPlane),
    ...importRoutes(controlPlane),
  ];

  const legacy =
    options.legacyPort === false ? undefined : (options.createLegacyApi ?? (await import("./bundled-legacy")).createLegacyApi)();
  if (persisted?.legacy !== undefined) legacy?.restore(persisted.legacy);
  for (const cluster of state.clusters) {
    if (cluster.status !== "DELETED") await endpoints.open(cluster, persisted?.dataPlanes[cluster.clusterId]);
  }
  loading = false;
  persist();

  const control: EmulatorControl = {
    async reset() {
      await endpoints.closeAll();
      state.projects = [defaultProject(now())];
      state.clusters = [];
      state.importJobs = [];
      for (const section of ["apiKeys", "backups", "backupPolicies", "volumes", "privateEndpoints", "privateEndpointWhitelist"] as const) delete state[section];
      legacy?.reset();
      modes = initialModes(options.transitions);
      faults.clear();
      calls.clear();
      rateLimit.configure({ enabled: false });
      persist();
    },
    dump() {
      clusters.settleAll();
      backups.settleAll();
      volumes.settleAll();
      return { controlPlane: state, dataPlanes: endpoints.snapshots(), legacy: legacy?.snapshot(), transitions: this.transitions(), notes };
    },
    rotateApiKey(next) {
      apiKey = next ?? newApiKey();
      persist();
      return apiKey;
    },
    setTransition(kind, text) {
      const mode = parseTransitionMode(text);
      for (const k of kind ? [kind] : TRANSITION_KINDS) modes[k] = mode;
    },
    transitions() {
      return Object.fromEntries(TRANSITION_KINDS.map((k) => [k, formatTransitionMode(modes[k])])) as Record<TransitionKind, string>;
    },
    advance(kind, id) {
      if (kind === undefined || kind === "cluster") {
        clusters.advance(id);
        backups.advance(id);
        volumes.advance(id);
      }
      if (kind !== "cluster") for (const [, plane] of endpoints.all()) plane.advance(kind, id);
      persist();
    },
    faults,
    rateLimit,
    calls,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path.startsWith(CONTROL_PREFIX)) return handleControl(control, req, res, path);
    await serveApi(req, res, path);
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const method = req.method ?? "GET";
    calls.record("control", method, path);
    const outcome = faults.apply("control", method, path, res);
    if (outcome.handled) return;
    if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
    const match = matchRoute(routes, method, path);
    if (!match) return renderNotFound(res);
    const { route, params } = match;
    const token = bearerToken(req);
    const limited = rateLimit.take(token ?? "", `${method} ${route.pattern}`);
    if (limited) {
      return renderRaw(res, 429, { code: limited.code, message: "rate limit exceeded" }, { "retry-after": String(limited.retryAfterSeconds) });
    }
    // A created key (issue 12) authenticates too, within its scope; the org key reaches everything.
    const caller = token === apiKey ? undefined : apiKeys.byValue(token);
    if (token !== apiKey && !caller) return renderUnauthorized(res, route.version);
    try {
      const text = await readBody(req);
      const body = method === "GET" ? {} : parseJsonObject(text);
      const query = new URL(req.url ?? "/", "http://localhost").searchParams;
      if (caller) checkScope(caller, { pattern: route.pattern, params, body, query }, state);
      const answer = await route.handler({ params, query, body, version: route.version });
      const data = caller ? narrowList(caller, route.pattern, answer, state) : answer;
      renderData(res, route.version, data);
      if (method !== "GET") persist();
    } catch (error) {
      if (error instanceof EmulatorError) return renderError(res, route.version, error);
      renderRaw(res, 500, { code: 500, message: `emulator internal error: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, host, options.port ?? 0);
  let legacyServer: Server | undefined;
  let legacyUrl: string | undefined;
  if (legacy && options.legacyPort !== false) {
    legacyServer = createServer((req, res) => {
      // The legacy API has no change hook: persist after each request that may have changed it.
      if (req.method !== "GET" && req.method !== "HEAD") res.on("finish", persist);
      legacy.handle(req, res);
    });
    legacyUrl = `http://${host}:${await listen(legacyServer, host, options.legacyPort ?? 0)}`;
  }

  return {
    url: `http://${host}:${port}`,
    get apiKey() {
      return apiKey;
    },
    legacyUrl,
    notes,
    control,
    async close() {
      persist();
      await endpoints.closeAll();
      for (const s of [server, legacyServer]) {
        if (!s) continue;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
    },
  };
}
