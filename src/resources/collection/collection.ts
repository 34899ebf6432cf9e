import * as pulumi from "@pulumi/pulumi";
import { propsBag, withSecretOutputs } from "../shared/resource-options";
import { ZillizDynamicResource } from "../shared/zilliz-dynamic-resource";

/** One field of a collection schema. */
export interface CollectionFieldArgs {
  /** Field name (letters, digits, `_`; a letter or `_` first). @example "embedding" */
  name: pulumi.Input<string>;
  /**
   * `Bool`, `Int8`, `Int16`, `Int32`, `Int64`, `Float`, `Double`, `VarChar`, `JSON`, `Array`, `FloatVector`,
   * `BinaryVector`, `Float16Vector`, `BFloat16Vector`, `SparseFloatVector`, `Int8Vector`.
   * @example "FloatVector"
   */
  dataType: pulumi.Input<string>;
  /** The primary key (exactly one, Int64 or VarChar). @example true */
  isPrimary?: pulumi.Input<boolean>;
  /** Primary key only: let the server generate ids. Default false. @example true */
  autoId?: pulumi.Input<boolean>;
  /** Vector dimension (2–32768; a multiple of 8 for BinaryVector; none for SparseFloatVector). @example 768 */
  dim?: pulumi.Input<number>;
  /** VarChar (and Array of VarChar): maximum length, 1–65535. Required for VarChar. @example 512 */
  maxLength?: pulumi.Input<number>;
  /** Array only: maximum number of elements, 1–4096. @example 16 */
  maxCapacity?: pulumi.Input<number>;
  /** Array only: element type. @example "Int64" */
  elementType?: pulumi.Input<string>;
  /** Whether null is allowed (not for the primary key or vectors). Appending a nullable scalar field updates in place. @example true */
  nullable?: pulumi.Input<boolean>;
  /** Default value for scalar fields. @example "unknown" */
  defaultValue?: pulumi.Input<string | number | boolean>;
  /** The partition key (at most one, Int64 or VarChar). @example true */
  isPartitionKey?: pulumi.Input<boolean>;
  /** The clustering key (at most one). @example true */
  isClusteringKey?: pulumi.Input<boolean>;
  /** Field description. */
  description?: pulumi.Input<string>;
  /** Extra type params passed as they are (e.g. `enable_analyzer`). @example { enable_analyzer: true } */
  typeParams?: pulumi.Input<Record<string, pulumi.Input<string | number | boolean>>>;
}

/** Arguments of a {@link Collection}. */
export interface CollectionArgs {
  /**
   * Data-plane URL: a cluster's `connectAddress` or a Milvus URL. Changing it replaces the collection.
   * @example cluster.connectAddress
   */
  endpoint: pulumi.Input<string>;
  /**
   * Token for the data plane: an API key or `user:password` (secret). Default: the provider's `zilliz:apiKey`. Updates in place (no server call).
   * @example pulumi.interpolate`${cluster.username}:${cluster.password}`
   */
  token?: pulumi.Input<string>;
  /** Database, default `default`. Changing it replaces the collection. @example "analytics" */
  dbName?: pulumi.Input<string>;
  /** Collection name. Updates in place through a rename. @example "documents" */
  collectionName: pulumi.Input<string>;
  /** Description. Updates in place (stored as the `collection.description` property). */
  description?: pulumi.Input<string>;
  /**
   * The fields. Appending nullable scalar fields updates in place (`fields/add`); any other change replaces
   * the collection (refused when it holds entities, see `allowDataLoss`).
   * @example { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 768 }] }
   */
  schema: pulumi.Input<{ fields: pulumi.Input<pulumi.Input<CollectionFieldArgs>[]> }>;
  /** Accept fields not in the schema (default false). Changing it replaces. @example true */
  enableDynamicField?: pulumi.Input<boolean>;
  /** Shards (1–16; server default when unset). Changing it replaces. @example 2 */
  shardsNum?: pulumi.Input<number>;
  /** `Strong`, `Session`, `Bounded`, `Eventually` or `Customized` (server default when unset). Changing it replaces. @example "Strong" */
  consistencyLevel?: pulumi.Input<string>;
  /**
   * Collection properties (TTL, mmap, …). Update in place; mmap keys release and reload a loaded collection around the change.
   * @example { "collection.ttl.seconds": 86400, "mmap.enabled": true }
   */
  properties?: pulumi.Input<Record<string, pulumi.Input<string | number | boolean>>>;
  /**
   * Whether the collection is loaded. Unset: not managed. Loading needs an index on every vector field, so
   * set it once the indexes exist. Updates in place (load waits until loaded).
   * @example true
   */
  loaded?: pulumi.Input<boolean>;
  /**
   * Lets a replacement or destroy drop the collection while it holds entities (default false: refused
   * after counting rows). It must be in the state before the change: set it in an earlier `up`, or set the
   * stack config `zilliz:allowDataLoss true` for one run.
   * @example true
   */
  allowDataLoss?: pulumi.Input<boolean>;
  /** Take over an existing collection of the same name if its schema matches (refused listing differences otherwise). @example true */
  adopt?: pulumi.Input<boolean>;
  /**
   * Data-plane API version: `v2` (default) or `v1` for older servers (only an Int64 primary key plus one FloatVector;
   * no properties or load management; any non-local change replaces; dropping always needs `allowDataLoss`).
   */
  apiVersion?: pulumi.Input<"v1" | "v2">;
  /** Deadline for load waits and drops, in seconds (default 600). @example 1200 */
  waitTimeoutSeconds?: pulumi.Input<number>;
}

const OUTPUTS = [
  "endpoint", "token", "dbName", "collectionName", "description", "schema", "enableDynamicField", "shardsNum", "consistencyLevel", "properties", "loaded",
  "allowDataLoss", "adopt", "apiVersion", "waitTimeoutSeconds", "collectionId", "loadState",
] as const;

/**
 * A Milvus collection with a typed schema, on a Zilliz Cloud cluster or any Milvus 2.4+ REST v2 endpoint.
 * The id is `<dbName>/<collectionName>` as created (a rename keeps the id; state tracks the name).
 *
 * Adopting: `Collection.get(name, "default/documents", { endpoint, token })` reads one into the stack;
 * `adopt: true` takes over an existing collection whose schema matches.
 *
 * @example
 * const docs = new Collection("docs", {
 *   endpoint: cluster.connectAddress,
 *   collectionName: "documents",
 *   schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 768 }] },
 * });
 */
export class Collection extends ZillizDynamicResource {
  declare readonly endpoint: pulumi.Output<string>;
  declare readonly token: pulumi.Output<string | undefined>;
  declare readonly dbName: pulumi.Output<string | undefined>;
  declare readonly collectionName: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly schema: pulumi.Output<{ fields: CollectionFieldArgs[] }>;
  declare readonly properties: pulumi.Output<Record<string, string | number | boolean> | undefined>;
  declare readonly loaded: pulumi.Output<boolean | undefined>;
  /** The server's collection id (int64 as a decimal string). */
  declare readonly collectionId: pulumi.Output<string>;
  /** `Loaded` or `NotLoaded`. */
  declare readonly loadState: pulumi.Output<string>;

  constructor(name: string, args: CollectionArgs, opts?: pulumi.CustomResourceOptions) {
    super("Collection", name, propsBag(args, OUTPUTS, ["token"]), withSecretOutputs(opts, ["token"]));
  }

  /** Reads an existing collection by id `<dbName>/<collectionName>`; `state` must give `endpoint` (and `token`). */
  static get(name: string, id: pulumi.Input<string>, state: Pick<CollectionArgs, "endpoint" | "token"> & Partial<CollectionArgs>, opts?: pulumi.CustomResourceOptions): Collection {
    return new Collection(name, state as CollectionArgs, { ...opts, id });
  }
}
