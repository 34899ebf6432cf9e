/** `MilvusClient`: the Milvus REST v2 data plane of a Zilliz cluster (`connectAddress`) or a self-hosted Milvus. */
import { Transport, type TransportOptions } from "../transport";
import { Collections } from "./collections";
import { Databases } from "./databases";
import { MilvusImportJobs } from "./import-jobs";
import { Indexes } from "./indexes";
import { Aliases, Partitions } from "./partitions-aliases";
import { Roles, Users } from "./users-roles";

/** Options of `MilvusClient` and `MilvusV1Client`. */
export interface MilvusClientOptions extends Omit<TransportOptions, "baseUrl" | "token"> {
  /** The cluster's `connectAddress`, or a Milvus URL (a path prefix is kept). Treated as opaque. */
  endpoint: string;
  /** An API key or `user:password`; omit for a server without authorization. */
  token?: string;
}

/** Typed client for `/v2/vectordb/...`. */
export class MilvusClient {
  readonly collections: Collections;
  readonly indexes: Indexes;
  readonly databases: Databases;
  readonly partitions: Partitions;
  readonly aliases: Aliases;
  readonly users: Users;
  readonly roles: Roles;
  readonly importJobs: MilvusImportJobs;
  readonly transport: Transport;

  constructor(opts: MilvusClientOptions) {
    const { endpoint, token, ...rest } = opts;
    this.transport = new Transport({ ...rest, baseUrl: endpoint, token });
    this.collections = new Collections(this.transport);
    this.indexes = new Indexes(this.transport);
    this.databases = new Databases(this.transport);
    this.partitions = new Partitions(this.transport);
    this.aliases = new Aliases(this.transport);
    this.users = new Users(this.transport);
    this.roles = new Roles(this.transport);
    this.importJobs = new MilvusImportJobs(this.transport);
  }
}
