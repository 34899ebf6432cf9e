/**
 * The inline Pulumi program of an environment: one resource of this package per entry of a validated
 * spec, data-plane resources wired to their cluster with `clusterId: cluster.id` (so the engine orders
 * them after it and replaces them with it), and the outputs a pipeline needs: endpoints, and tokens as
 * secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import { Alias, Cluster, Collection, CollectionIndex, Database, ImportJob, Role, User } from "../index";
import { aliasKey, collectionKey, databaseKey, importKeys, indexKey, roleKey, targetId, userKey } from "./entry-keys";
import type { EnvSpec, EnvTarget } from "./spec-types";

/** The resources an environment declared, by key (for callers that add their own resources or outputs). */
export interface DeclaredEnvironment {
  clusters: Record<string, Cluster>;
  databases: Record<string, Database>;
  collections: Record<string, Collection>;
  indexes: Record<string, CollectionIndex>;
  aliases: Record<string, Alias>;
  roles: Record<string, Role>;
  users: Record<string, User>;
  imports: Record<string, ImportJob>;
  /** What the program returns as stack outputs. */
  outputs: Record<string, unknown>;
}

// The resource classes take their own Args types; an entry has the same keys, checked by the spec schema.
type AnyArgs = Record<string, unknown>;
const args = <T>(v: AnyArgs): T => v as unknown as T;

/** `user:password`, or undefined while either part is unknown to the stack (an adopted cluster's password). */
function tokenOf(user: pulumi.Input<string | undefined>, password: pulumi.Input<string | undefined>): pulumi.Output<string | undefined> {
  return pulumi.all([user, password]).apply(([u, p]) => (u && p ? `${u}:${p}` : undefined));
}

/** Declares the environment's resources in the current Pulumi program (call it inside one). */
export function declareEnvironment(spec: EnvSpec): DeclaredEnvironment {
  const env: DeclaredEnvironment = { clusters: {}, databases: {}, collections: {}, indexes: {}, aliases: {}, roles: {}, users: {}, imports: {}, outputs: {} };
  for (const [key, c] of Object.entries(spec.clusters)) env.clusters[key] = new Cluster(key, args(c));

  /** A data-plane entry's target as resource arguments: the cluster's id output, or the URL as written. */
  const wire = (t: EnvTarget): AnyArgs => {
    const where: AnyArgs = t.clusterId !== undefined ? { clusterId: env.clusters[t.clusterId]!.id } : { endpoint: t.endpoint };
    if (t.token !== undefined) where.token = t.token;
    return where;
  };
  const endpointOf = (t: EnvTarget): pulumi.Input<string> => (t.clusterId !== undefined ? env.clusters[t.clusterId]!.connectAddress : t.endpoint!);

  const dbResources = new Map<string, Database>();
  for (const d of spec.databases) {
    const { key: _key, clusterId: _c, endpoint: _e, token: _t, ...rest } = d;
    const db = new Database(databaseKey(d), args({ ...rest, ...wire(d) }));
    env.databases[databaseKey(d)] = db;
    dbResources.set(`${targetId(d)}/${d.dbName}`, db);
  }

  const byKey = new Map<string, { entry: EnvSpec["collections"][number]; resource: Collection }>();
  for (const c of spec.collections) {
    // `loaded: true` goes in as written: a Collection whose indexes do not exist yet records the load and
    // the index create that completes the set performs it, so one `up` converges.
    const { key: _key, clusterId: _c, endpoint: _e, token: _t, ...rest } = c;
    // Wired to the declared database's output, so the collection is created after (and dropped before) it.
    const db = c.dbName !== undefined ? dbResources.get(`${targetId(c)}/${c.dbName}`) : undefined;
    const key = collectionKey(c);
    const resource = new Collection(key, args({ ...rest, ...wire(c), ...(db ? { dbName: db.dbName } : {}) }));
    env.collections[key] = resource;
    byKey.set(key, { entry: c, resource });
  }

  /** Target, database and name of a referenced collection; the name is its output, so dependants follow a rename. */
  const onCollection = (key: string): AnyArgs => {
    const { entry, resource } = byKey.get(key)!;
    return { ...wire(entry), ...(entry.dbName !== undefined ? { dbName: entry.dbName } : {}), collectionName: resource.collectionName };
  };

  for (const x of spec.indexes) {
    const { key: _key, collection, ...rest } = x;
    const field = byKey.get(collection)!.entry.schema.fields.find((f) => f.name === x.fieldName);
    env.indexes[indexKey(x)] = new CollectionIndex(indexKey(x), args({ ...rest, ...onCollection(collection), fieldDataType: field?.dataType }));
  }
  for (const a of spec.aliases) {
    const { key: _key, collection, ...rest } = a;
    env.aliases[aliasKey(a)] = new Alias(aliasKey(a), args({ ...rest, ...onCollection(collection) }));
  }
  const roleResources = new Map<string, Role>();
  for (const r of spec.roles) {
    const { key: _key, clusterId: _c, endpoint: _e, token: _t, ...rest } = r;
    const role = new Role(roleKey(r), args({ ...rest, ...wire(r) }));
    env.roles[roleKey(r)] = role;
    roleResources.set(`${targetId(r)}/${r.roleName}`, role);
  }
  for (const u of spec.users) {
    const { key: _key, clusterId: _c, endpoint: _e, token: _t, ...rest } = u;
    // Declared roles by their output (granted after they exist); built-in roles by name.
    const roles = u.roles?.map((name) => roleResources.get(`${targetId(u)}/${name}`)?.roleName ?? name);
    env.users[userKey(u)] = new User(userKey(u), args({ ...rest, ...wire(u), ...(roles ? { roles } : {}) }));
  }
  const importNames = importKeys(spec.imports);
  spec.imports.forEach((x, i) => {
    const { key: _key, collection, ...rest } = x;
    // On the collection's target, with its token (an ImportJob only reads a token for an endpoint target).
    env.imports[importNames[i]!] = new ImportJob(importNames[i]!, args({ ...rest, ...onCollection(collection) }));
  });

  // Tokens are one secret output: the engine and the Automation API mark secrets per top-level output, so a
  // secret nested in a plain object would be reported (and printed) as not secret.
  const clusterTokens = Object.fromEntries(Object.entries(env.clusters).map(([k, c]) => [k, tokenOf(c.username, c.password)]));
  const userTokens = Object.fromEntries(spec.users.map((u) => [userKey(u), tokenOf(u.userName, u.password)]));
  env.outputs = {
    endpoints: Object.fromEntries(Object.entries(env.clusters).map(([k, c]) => [k, c.connectAddress])),
    tokens: pulumi.secret(pulumi.output({ clusters: clusterTokens, users: userTokens })),
    collections: Object.fromEntries(
      [...byKey].map(([k, { entry, resource }]) => [k, { collectionName: resource.collectionName, dbName: entry.dbName ?? "default", endpoint: endpointOf(entry) }]),
    ),
    // Index key → build state.
    indexes: Object.fromEntries(Object.entries(env.indexes).map(([k, x]) => [k, x.indexState])),
    aliases: Object.fromEntries(Object.entries(env.aliases).map(([k, a]) => [k, { aliasName: a.aliasName, collectionName: a.collectionName }])),
    users: Object.fromEntries(spec.users.map((u) => [userKey(u), { userName: u.userName }])),
    imports: Object.fromEntries(Object.entries(env.imports).map(([k, j]) => [k, { jobId: j.jobId, state: j.state, importedRows: j.importedRows }])),
  };
  return env;
}

/**
 * The inline program for `LocalWorkspace.createOrSelectStack({ program, … })`: declares the environment
 * and returns its outputs.
 */
export function environmentProgram(spec: EnvSpec): () => Promise<Record<string, unknown>> {
  return async () => declareEnvironment(spec).outputs;
}
