/** Every resource kind the runtime serves, by the name in its type token. */
import { clusterDefinition } from "./cluster/cluster-ops";
import { collectionDefinition } from "./collection/collection-ops";
import { indexDefinition } from "./collection-index/index-ops";
import { importJobDefinition } from "./import-job/import-job-ops";
import type { ResourceDefinition } from "./shared/resource-definition";
import type { Spec } from "./shared/spec";

const all = [clusterDefinition, collectionDefinition, indexDefinition, importJobDefinition] as unknown as ResourceDefinition<Spec>[];

export const RESOURCES: Readonly<Record<string, ResourceDefinition<Spec>>> = Object.fromEntries(all.map((d) => [d.kind, d]));
