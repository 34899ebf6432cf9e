/**
 * `pulumi-zilliz`: Pulumi resources for Zilliz Cloud and Milvus. The REST client is at
 * `pulumi-zilliz/client`, the emulator at `pulumi-zilliz/emulator`.
 */
export { Cluster, type ClusterArgs } from "./resources/cluster/cluster";
export { Collection, type CollectionArgs, type CollectionFieldArgs, type CollectionFunctionArgs } from "./resources/collection/collection";
export { CollectionIndex, CollectionIndex as Index, type CollectionIndexArgs, type CollectionIndexArgs as IndexArgs, type IndexBuildParams } from "./resources/collection-index/collection-index";
export { ImportJob, type ImportJobArgs } from "./resources/import-job/import-job";
export { LegacyCollection, type LegacyCollectionArgs } from "./resources/legacy/legacy-collection";
export { LegacyIndex, type LegacyIndexArgs } from "./resources/legacy/legacy-index";
export { LegacyPartition, type LegacyPartitionArgs } from "./resources/legacy/legacy-partition";
export { LegacyServerConfig, type LegacyServerConfigArgs } from "./resources/legacy/legacy-server-config";
export { Database, type DatabaseArgs } from "./resources/database/database";
export { Partition, type PartitionArgs } from "./resources/partition/partition";
export { Alias, type AliasArgs } from "./resources/alias/alias";
export { User, type UserArgs } from "./resources/user/user";
export { Role, type RoleArgs, type RolePrivilege } from "./resources/role/role";
export { PrivilegeGroup, type PrivilegeGroupArgs } from "./resources/privilege-group/privilege-group";
export { Project, type ProjectArgs } from "./resources/project/project";
export { ApiKey, type ApiKeyArgs } from "./resources/api-key/api-key";
export { Volume, type VolumeArgs } from "./resources/volume/volume";
export { BackupPolicy, type BackupPolicyArgs } from "./resources/backup-policy/backup-policy";
export { Backup, type BackupArgs } from "./resources/backup/backup";
export { PrivateEndpoint, type PrivateEndpointArgs } from "./resources/private-endpoint/private-endpoint";
export { PrivateEndpointWhitelistEntry, type PrivateEndpointWhitelistEntryArgs } from "./resources/private-endpoint/whitelist-entry";
export * from "./lookups";
