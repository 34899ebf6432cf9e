/** Every resource kind the runtime serves, by the name in its type token. */
import { clusterDefinition } from "./cluster/cluster-ops";
import { importJobDefinition } from "./import-job/import-job-ops";
import type { ResourceDefinition } from "./shared/resource-definition";
import type { Spec } from "./shared/spec";

export const RESOURCES: Readonly<Record<string, ResourceDefinition<Spec>>> = {
  Cluster: clusterDefinition as unknown as ResourceDefinition<Spec>,
  ImportJob: importJobDefinition as unknown as ResourceDefinition<Spec>,
};
