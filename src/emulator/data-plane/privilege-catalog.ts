/**
 * What Milvus (2.5 profile) knows about privileges: the privileges of each object type, the built-in privilege
 * groups, the grants the `public` role starts with, and which privilege each REST call needs.
 * The lists follow the server's privilege tables and its request annotations (object type, privilege, which
 * request field names the object); see docs/emulator-data-plane.md, "Authorization".
 */

/** A privilege check: the object type, the API privilege name (`Query`, not `PrivilegeQuery`) and the object. */
export interface Requirement {
  objectType: "Global" | "Collection" | "User";
  privilege: string;
  /** The body field that names the object (Collection: the collection, User: the user); Global objects are `*`. */
  objectField?: string;
}

const COLLECTION_PRIVILEGES = [
  "Load", "Release", "Compaction", "Insert", "Delete", "Upsert", "GetStatistics", "CreateIndex", "IndexDetail", "DropIndex",
  "Search", "Flush", "Query", "LoadBalance", "Import", "GetLoadingProgress", "GetLoadState", "CreatePartition", "DropPartition",
  "ShowPartitions", "HasPartition", "GetFlushState", "ReadOnly", "ReadWrite",
];

const GLOBAL_PRIVILEGES = [
  "All", "CreateCollection", "DropCollection", "DescribeCollection", "ShowCollections", "RenameCollection", "CreateOwnership",
  "DropOwnership", "SelectOwnership", "ManageOwnership", "BackupRBAC", "RestoreRBAC", "CreateResourceGroup", "UpdateResourceGroups",
  "DropResourceGroup", "DescribeResourceGroup", "ListResourceGroups", "TransferReplica", "TransferNode", "FlushAll", "CreateDatabase",
  "DropDatabase", "ListDatabases", "AlterDatabase", "DescribeDatabase", "CreateAlias", "DropAlias", "DescribeAlias", "ListAliases",
  "Admin", "CreatePrivilegeGroup", "DropPrivilegeGroup", "ListPrivilegeGroups", "OperatePrivilegeGroup",
  "ClusterReadOnly", "ClusterReadWrite", "ClusterAdmin", "DatabaseReadOnly", "DatabaseReadWrite", "DatabaseAdmin",
  "CollectionReadOnly", "CollectionReadWrite", "CollectionAdmin",
];

/** Privileges (and built-in groups) by object type, as the v1 grant API validates them. */
export const OBJECT_PRIVILEGES: Record<string, string[]> = {
  Collection: COLLECTION_PRIVILEGES,
  Global: GLOBAL_PRIVILEGES,
  User: ["UpdateUser", "SelectUser"],
};

const COLLECTION_READ_ONLY = [
  "Query", "Search", "IndexDetail", "GetFlushState", "GetLoadState", "GetLoadingProgress", "HasPartition", "ShowPartitions",
  "DescribeCollection", "DescribeAlias", "GetStatistics", "ListAliases",
];
const COLLECTION_READ_WRITE = [
  ...COLLECTION_READ_ONLY, "Load", "Release", "Insert", "Delete", "Upsert", "Import", "Flush", "Compaction", "LoadBalance",
  "CreateIndex", "DropIndex", "CreatePartition", "DropPartition",
];
const DATABASE_READ_ONLY = ["ShowCollections", "DescribeDatabase"];
const DATABASE_READ_WRITE = [...DATABASE_READ_ONLY, "AlterDatabase"];
const CLUSTER_READ_ONLY = ["ListDatabases", "SelectOwnership", "SelectUser", "DescribeResourceGroup", "ListResourceGroups", "ListPrivilegeGroups"];
const CLUSTER_READ_WRITE = [...CLUSTER_READ_ONLY, "FlushAll", "TransferNode", "TransferReplica", "UpdateResourceGroups"];

/** The 2.5 built-in privilege groups (usable with `grant_privilege_v2` only) and what each contains. */
export const BUILT_IN_GROUPS: Record<string, string[]> = {
  CollectionReadOnly: COLLECTION_READ_ONLY,
  CollectionReadWrite: COLLECTION_READ_WRITE,
  CollectionAdmin: [...COLLECTION_READ_WRITE, "CreateAlias", "DropAlias"],
  DatabaseReadOnly: DATABASE_READ_ONLY,
  DatabaseReadWrite: DATABASE_READ_WRITE,
  DatabaseAdmin: [...DATABASE_READ_WRITE, "CreateCollection", "DropCollection"],
  ClusterReadOnly: CLUSTER_READ_ONLY,
  ClusterReadWrite: CLUSTER_READ_WRITE,
  ClusterAdmin: [
    ...CLUSTER_READ_WRITE, "BackupRBAC", "RestoreRBAC", "CreateDatabase", "DropDatabase", "CreateOwnership", "DropOwnership",
    "ManageOwnership", "CreateResourceGroup", "DropResourceGroup", "UpdateUser", "RenameCollection", "CreatePrivilegeGroup",
    "DropPrivilegeGroup", "OperatePrivilegeGroup",
  ],
};

/** The older (2.4) groups granted with the v1 API: `ReadOnly`/`ReadWrite` on collections, `Admin` globally. */
export const LEGACY_GROUPS: Record<string, string[]> = {
  ReadOnly: [...COLLECTION_READ_ONLY, "ShowCollections", "ListDatabases", "DescribeDatabase"],
  ReadWrite: [...COLLECTION_READ_WRITE, "ShowCollections", "ListDatabases", "DescribeDatabase", "RenameCollection", "CreateAlias", "DropAlias"],
  Admin: [
    ...COLLECTION_READ_WRITE, "CreateCollection", "DropCollection", "ShowCollections", "ListDatabases", "DescribeDatabase",
    "RenameCollection", "CreateAlias", "DropAlias", "CreateOwnership", "DropOwnership", "SelectOwnership", "ManageOwnership",
    "SelectUser", "UpdateUser", "BackupRBAC", "RestoreRBAC", "CreateResourceGroup", "UpdateResourceGroups", "DropResourceGroup",
    "DescribeResourceGroup", "ListResourceGroups", "TransferReplica", "TransferNode", "CreateDatabase", "DropDatabase", "AlterDatabase",
  ],
};

/** The level a v2 group belongs to (decides which `dbName`/`collectionName` a v2 grant of it may name). */
export function groupLevel(privileges: string[]): "Cluster" | "Database" | "Collection" | undefined {
  const first = privileges[0];
  if (first === undefined) return undefined;
  if (BUILT_IN_GROUPS.ClusterAdmin!.includes(first)) return "Cluster";
  if (BUILT_IN_GROUPS.DatabaseAdmin!.includes(first)) return "Database";
  if (BUILT_IN_GROUPS.CollectionAdmin!.includes(first)) return "Collection";
  return undefined;
}

/** The object type a v2 grant is stored under: the type whose list names the privilege, else `Global`. */
export function objectTypeOf(privilege: string): string {
  for (const [type, list] of Object.entries(OBJECT_PRIVILEGES)) if (list.includes(privilege)) return type;
  return "Global";
}

/** Whether `name` is a privilege or built-in group the server defines. */
export function isDefinedPrivilege(name: string): boolean {
  return Object.values(OBJECT_PRIVILEGES).some((list) => list.includes(name));
}

/** What the `public` role holds from the start (every signed-in user has it, it is not listed on the user). */
export const PUBLIC_GRANTS = [
  { objectType: "Global", objectName: "*", privilege: "DescribeCollection", dbName: "*" },
  { objectType: "Global", objectName: "*", privilege: "ShowCollections", dbName: "*" },
  { objectType: "Collection", objectName: "*", privilege: "IndexDetail", dbName: "*" },
];

const g = (privilege: string): Requirement => ({ objectType: "Global", privilege });
const c = (privilege: string, objectField = "collectionName"): Requirement => ({ objectType: "Collection", privilege, objectField });
const u = (privilege: string): Requirement => ({ objectType: "User", privilege, objectField: "userName" });

/**
 * v2 endpoints and the privilege their gRPC request needs. Endpoints absent here are not checked
 * (`collections/has`, `collections/list`, `databases/list`, `get_compaction_state`: the server checks none).
 */
export const V2_REQUIREMENTS: Record<string, Requirement> = {
  "collections/create": g("CreateCollection"),
  "collections/drop": g("DropCollection"),
  "collections/describe": g("DescribeCollection"),
  "collections/rename": g("RenameCollection"),
  "collections/alter_properties": g("CreateCollection"),
  "collections/drop_properties": g("CreateCollection"),
  "collections/fields/alter_properties": g("CreateCollection"),
  "collections/get_stats": c("GetStatistics"),
  "collections/get_load_state": c("GetLoadState"),
  "collections/load": c("Load"),
  "collections/refresh_load": c("Load"),
  "collections/release": c("Release"),
  "collections/compact": c("Compaction"),
  "collections/flush": c("Flush"),
  "indexes/create": c("CreateIndex"),
  "indexes/drop": c("DropIndex"),
  "indexes/list": c("IndexDetail"),
  "indexes/describe": c("IndexDetail"),
  "indexes/alter_properties": c("CreateIndex"),
  "indexes/drop_properties": c("CreateIndex"),
  "partitions/list": c("ShowPartitions"),
  "partitions/has": c("HasPartition"),
  "partitions/get_stats": c("GetStatistics"),
  "partitions/create": c("CreatePartition"),
  "partitions/drop": c("DropPartition"),
  "partitions/load": c("Load"),
  "partitions/release": c("Release"),
  "aliases/create": g("CreateAlias"),
  "aliases/alter": g("CreateAlias"),
  "aliases/drop": g("DropAlias"),
  "aliases/describe": g("DescribeAlias"),
  "aliases/list": g("ListAliases"),
  "databases/create": g("CreateDatabase"),
  "databases/drop": g("DropDatabase"),
  "databases/describe": g("DescribeDatabase"),
  "databases/alter": g("AlterDatabase"),
  "databases/alter_properties": g("AlterDatabase"),
  "databases/drop_properties": g("AlterDatabase"),
  "entities/insert": c("Insert"),
  "entities/upsert": c("Upsert"),
  "entities/delete": c("Delete"),
  "entities/query": c("Query"),
  "entities/get": c("Query"),
  "entities/search": c("Search"),
  "entities/hybrid_search": c("Search"),
  "entities/advanced_search": c("Search"),
  "jobs/import/create": c("Import"),
  "users/create": g("CreateOwnership"),
  "users/drop": g("DropOwnership"),
  "users/list": g("SelectOwnership"),
  "users/describe": u("SelectUser"),
  "users/update_password": u("UpdateUser"),
  "users/grant_role": g("ManageOwnership"),
  "users/revoke_role": g("ManageOwnership"),
  "roles/create": g("CreateOwnership"),
  "roles/drop": g("DropOwnership"),
  "roles/list": g("SelectOwnership"),
  "roles/describe": g("SelectOwnership"),
  "roles/grant_privilege": g("ManageOwnership"),
  "roles/revoke_privilege": g("ManageOwnership"),
  "roles/grant_privilege_v2": g("ManageOwnership"),
  "roles/revoke_privilege_v2": g("ManageOwnership"),
  "privilege_groups/create": g("CreatePrivilegeGroup"),
  "privilege_groups/drop": g("DropPrivilegeGroup"),
  "privilege_groups/list": g("ListPrivilegeGroups"),
  "privilege_groups/add_privileges_to_group": g("OperatePrivilegeGroup"),
  "privilege_groups/remove_privileges_from_group": g("OperatePrivilegeGroup"),
};

/** v1 endpoints (2.3 handlers call the same gRPC methods). */
export const V1_REQUIREMENTS: Record<string, Requirement> = {
  "collections/create": g("CreateCollection"),
  "collections/describe": g("DescribeCollection"),
  "collections/drop": g("DropCollection"),
  insert: c("Insert"),
  query: c("Query"),
  get: c("Query"),
  delete: c("Delete"),
  search: c("Search"),
};
