import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { volumeSpec, type VolumeSpec } from "./volume-spec";

/** Arguments of a {@link Volume} (documented property by property in its spec). */
export type VolumeArgs = ArgsOf<VolumeSpec>;

/**
 * A Zilliz Cloud volume: storage to stage files for imports, either MANAGED by Zilliz Cloud or EXTERNAL
 * (a path in your bucket through a storage integration). Created and awaited until RUNNING; every change
 * replaces it; delete waits until it is gone. The id is the volume name. Feed an {@link ImportJob} from it
 * with `volumeName: volume.id` and `dataPaths`.
 *
 * Adopting: `Volume.get(name, "staging-rows")`, or `adopt: true`.
 *
 * @example
 * const volume = new Volume("rows", { volumeName: "rows", projectId: project.id, regionId: "aws-us-west-2" });
 * new ImportJob("load", { clusterId: cluster.id, collectionName: "docs", volumeName: volume.id, dataPaths: ["2026-12/part-0.parquet"] });
 */
export const Volume = resourceClass<VolumeSpec>("Volume", volumeSpec);
/** A {@link Volume} instance. */
export type Volume = ResourceInstance<VolumeSpec>;
