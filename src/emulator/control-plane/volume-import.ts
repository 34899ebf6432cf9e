/**
 * A volume as an import source (zilliz-cloud-api.md §2.5: `volumeName` + `dataPaths: string[][]`): the body is
 * rewritten into the `objectUrls` form the import store already executes.
 */
import { EmulatorError } from "../errors";
import type { VolumeRecord } from "./cloud-records";

/**
 * The object URL of one data path. EXTERNAL: the path under the volume's own `path`. MANAGED [G]: the emulator
 * has no storage of its own, so the volume is the bucket `s3://<volumeName>/…`, which a data plane without an
 * object store reads from `<importRoot>/<volumeName>/…`.
 */
export function volumeObjectUrl(volume: VolumeRecord, dataPath: string): string {
  const relative = dataPath.replace(/^\/+/, "");
  if (volume.type === "EXTERNAL") return `${(volume.path ?? "").replace(/\/+$/, "")}/${relative}`;
  return `s3://${volume.volumeName}/${relative}`;
}

/** The body with `objectUrls` filled from the volume; a body without `volumeName` is returned as it is. */
export function withVolumeSource(body: Record<string, unknown>, volumeOf: (name: string) => VolumeRecord): Record<string, unknown> {
  if (body.volumeName === undefined) return body;
  if (typeof body.volumeName !== "string" || body.volumeName === "") throw new EmulatorError("volumeNotFound");
  const volume = volumeOf(body.volumeName);
  // [G] A volume still CREATING cannot be read yet.
  if (volume.status !== "RUNNING") throw new EmulatorError("wrongClusterState", "The volume is not RUNNING yet.");
  const paths = body.dataPaths;
  if (!Array.isArray(paths) || paths.length === 0) throw new EmulatorError("missingObjectUrl", "dataPaths is required with volumeName.");
  const objectUrls = paths.map((unit: unknown) => {
    const list = Array.isArray(unit) ? unit : [unit];
    if (list.length === 0 || list.some((p) => typeof p !== "string" || p === "")) throw new EmulatorError("missingObjectUrl", "dataPaths holds an empty path.");
    return (list as string[]).map((p) => volumeObjectUrl(volume, p));
  });
  const { objectUrl: _ignored, ...rest } = body;
  return { ...rest, objectUrls };
}
