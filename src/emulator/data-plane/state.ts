/**
 * The data plane's state: plain JSON-serialisable records, so a snapshot is the state itself.
 * int64 IDs are kept as decimal strings and written as bare JSON numbers on the wire.
 */

/** A clock for an asynchronous transition (load, index build, import). */
export interface Transition {
  startedAt: number;
  /** `immediate`, `time` or `manual`, as the mode was when the transition started. */
  mode: "immediate" | "time" | "manual";
  ms: number;
  /** Set by `advance` for manual transitions. */
  advanced: boolean;
}

export interface FieldState {
  id: number;
  name: string;
  dataType: string;
  primaryKey: boolean;
  autoId: boolean;
  partitionKey: boolean;
  clusteringKey: boolean;
  nullable: boolean;
  description: string;
  /** Type params as `[key, value]` strings, in request order. */
  params: [string, string][];
  elementType?: string;
  /** The protobuf oneof name (`LongData`, `StringData`, …) and its value. */
  defaultValue?: { kind: string; value: unknown };
  isFunctionOutput?: boolean;
}

export interface IndexState {
  name: string;
  fieldName: string;
  indexType: string;
  metricType: string;
  /** The JSON text of the user's `params` map, when one was given. */
  params?: string;
  properties: [string, string][];
  build: Transition;
}

export interface RowState {
  partition: string;
  data: Record<string, unknown>;
}

export interface CollectionState {
  id: string;
  name: string;
  description: string;
  enableDynamicField: boolean;
  shardsNum: number;
  consistencyLevel: string;
  fields: FieldState[];
  functions: unknown[];
  properties: [string, string][];
  partitions: string[];
  /** Partition count for partition-key collections (0 otherwise). */
  partitionKeyCount: number;
  indexes: IndexState[];
  /** `undefined` = not loaded. */
  load?: Transition;
  /**
   * Partition-level load: the partitions that are loaded while `load` is set. Absent = every partition
   * (a collection load, and every snapshot written before partitions were loaded one by one).
   */
  loadedPartitions?: string[];
  rows: RowState[];
  createdAt: number;
}

export interface DatabaseState {
  id: string;
  name: string;
  properties: [string, string][];
  collections: Record<string, CollectionState>;
  /** alias -> collection name */
  aliases: Record<string, string>;
}

export interface GrantState {
  objectType: string;
  objectName: string;
  privilege: string;
  dbName: string;
  grantor: string;
}

export interface ImportJobState {
  jobId: string;
  dbName: string;
  collectionName: string;
  partitionName: string;
  files: string[];
  fileSize: number;
  /** The rows read from the files, inserted when the job completes. */
  rows: Record<string, unknown>[];
  /** Why the job fails (set when reading or validation failed). */
  failure?: string;
  transition: Transition;
  completed: boolean;
  completeTime: string;
  /** Set while the files are still being fetched or decoded (object store, Parquet). */
  reading?: boolean;
}

export interface PlaneState {
  lastId: string;
  databases: Record<string, DatabaseState>;
  users: Record<string, { password: string; roles: string[] }>;
  roles: Record<string, { grants: GrantState[] }>;
  imports: Record<string, ImportJobState>;
  /** Custom privilege groups (2.5): name -> privileges. */
  privilegeGroups: Record<string, string[]>;
  /** Manual compactions: compaction ID -> collection ID (absent in older snapshots). */
  compactions?: Record<string, string>;
}

/** A fresh data plane: the `default` database, the `root` user and the built-in roles. */
export function emptyState(): PlaneState {
  const state: PlaneState = { lastId: "0", databases: {}, users: {}, roles: {}, imports: {}, privilegeGroups: {} };
  state.databases.default = { id: "1", name: "default", properties: [], collections: {}, aliases: {} };
  state.users.root = { password: "Milvus", roles: ["admin"] };
  state.roles.admin = { grants: [] };
  state.roles.public = { grants: [] };
  return state;
}

/**
 * Issues an int64 ID shaped like a Milvus TSO (physical milliseconds << 18 plus a counter, ≈4.6e17),
 * strictly increasing across calls.
 */
export function nextId(state: PlaneState): string {
  const fromClock = BigInt(Date.now()) << 18n;
  const last = BigInt(state.lastId);
  const id = fromClock > last ? fromClock : last + 1n;
  state.lastId = id.toString();
  return state.lastId;
}
