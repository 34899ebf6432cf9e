/** Every resource kind the runtime serves, by the name in its type token. */
import { aliasDefinition } from "./alias/alias-ops";
import { apiKeyDefinition } from "./api-key/api-key-ops";
import { backupDefinition } from "./backup/backup-ops";
import { backupPolicyDefinition } from "./backup-policy/backup-policy-ops";
import { clusterDefinition } from "./cluster/cluster-ops";
import { collectionDefinition } from "./collection/collection-ops";
import { indexDefinition } from "./collection-index/index-ops";
import { databaseDefinition } from "./database/database-ops";
import { importJobDefinition } from "./import-job/import-job-ops";
import { legacyCollectionDefinition } from "./legacy/legacy-collection-ops";
import { legacyIndexDefinition } from "./legacy/legacy-index-ops";
import { legacyPartitionDefinition } from "./legacy/legacy-partition-ops";
import { legacyServerConfigDefinition } from "./legacy/legacy-server-config-ops";
import { partitionDefinition } from "./partition/partition-ops";
import { privateEndpointDefinition } from "./private-endpoint/private-endpoint-ops";
import { whitelistEntryDefinition } from "./private-endpoint/whitelist-entry-ops";
import { privilegeGroupDefinition } from "./privilege-group/privilege-group-ops";
import { projectDefinition } from "./project/project-ops";
import { roleDefinition } from "./role/role-ops";
import type { ResourceDefinition } from "./shared/resource-definition";
import type { Spec } from "./shared/spec";
import { userDefinition } from "./user/user-ops";
import { volumeDefinition } from "./volume/volume-ops";

const all = [
  clusterDefinition, collectionDefinition, indexDefinition, importJobDefinition,
  databaseDefinition, partitionDefinition, aliasDefinition, userDefinition, roleDefinition, privilegeGroupDefinition,
  legacyCollectionDefinition, legacyIndexDefinition, legacyPartitionDefinition, legacyServerConfigDefinition,
  // Control-plane resources around clusters.
  projectDefinition, apiKeyDefinition, volumeDefinition,
  backupPolicyDefinition, backupDefinition, privateEndpointDefinition, whitelistEntryDefinition,
] as unknown as ResourceDefinition<Spec>[];

export const RESOURCES: Readonly<Record<string, ResourceDefinition<Spec>>> = Object.fromEntries(all.map((d) => [d.kind, d]));
