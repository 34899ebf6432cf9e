import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { backupSpec, type BackupSpec } from "./backup-spec";

/** Arguments of a {@link Backup} (documented property by property in its spec). */
export type BackupArgs = ArgsOf<BackupSpec>;

/**
 * An on-demand backup of a Dedicated cluster (all of it, or some collections). Create follows the cloud
 * job until the backup is AVAILABLE (`waitTimeoutSeconds`, progress lines); a timed-out wait stays in the
 * stack and the next `up` resumes it. `destroy` deletes the backup and waits until it is gone. A backup is
 * immutable: any change but the deadline replaces it. The id is the backup id. Restoring is not a resource:
 * see docs/backups.md.
 *
 * Adopting: `Backup.get(name, "backup0_…", { clusterId })`.
 *
 * @example
 * new Backup("before-migration", { clusterId: cluster.id, collections: [{ collectionNames: ["docs"] }] });
 */
export const Backup = resourceClass<BackupSpec>("Backup", backupSpec);
/** A {@link Backup} instance. */
export type Backup = ResourceInstance<BackupSpec>;
