/** Every resource kind the runtime serves, by the name in its type token. */
import { clusterDefinition } from "./cluster/cluster-ops";
import { collectionDefinition } from "./collection/collection-ops";
import { indexDefinition } from "./collection-index/index-ops";
import { importJobDefinition } from "./import-job/import-job-ops";
import type { ResourceDefinition } from "./shared/resource-definition";
import type { Spec } from "./shared/spec";

const all = [clusterDefinition, collectionDefinition, indexDefinition, importJobDefinition] as unknown as ResourceDefinition<Spec>[];

export const RESOURCES: Readonly<Record<string, ResourceDefinition<Spec>>> = Object.fromEntries(all.map((d) => [d.kind, d]));

// Issue 11: the data-plane objects (appended so that parallel branches merge without touching the list above).
import { aliasDefinition } from "./alias/alias-ops";
import { databaseDefinition } from "./database/database-ops";
import { partitionDefinition } from "./partition/partition-ops";
import { privilegeGroupDefinition } from "./privilege-group/privilege-group-ops";
import { roleDefinition } from "./role/role-ops";
import { userDefinition } from "./user/user-ops";

const dataPlaneObjects = [databaseDefinition, partitionDefinition, aliasDefinition, userDefinition, roleDefinition, privilegeGroupDefinition] as unknown as ResourceDefinition<Spec>[];
for (const d of dataPlaneObjects) (RESOURCES as Record<string, ResourceDefinition<Spec>>)[d.kind] = d;
