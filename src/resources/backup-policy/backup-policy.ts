import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { backupPolicySpec, type BackupPolicySpec } from "./backup-policy-spec";

/** Arguments of a {@link BackupPolicy} (documented property by property in its spec). */
export type BackupPolicyArgs = ArgsOf<BackupPolicySpec>;

/**
 * The automatic backup policy of a Dedicated cluster: weekdays, UTC window, retention, cross-region copies,
 * all updated in place (one upsert call). `destroy` disables the policy. The id is the cluster id; a
 * refresh costs one read call.
 *
 * Adopting: `BackupPolicy.get(name, cluster.id, { clusterId: cluster.id })` reads the current policy.
 *
 * @example
 * new BackupPolicy("nightly", { clusterId: cluster.id, frequency: "1,2,3,4,5", startTime: "02:00-04:00", retentionDays: 7 });
 */
export const BackupPolicy = resourceClass<BackupPolicySpec>("BackupPolicy", backupPolicySpec);
/** A {@link BackupPolicy} instance. */
export type BackupPolicy = ResourceInstance<BackupPolicySpec>;
