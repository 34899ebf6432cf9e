/**
 * What Zilliz Cloud does with object URLs before it accepts an import: a folder URL (`s3://bucket/dir/`) is
 * listed and becomes its files (all `.npy` files as one unit, any other file a unit of its own), and every
 * object is read (one byte) with the user's keys, so that refused keys refuse the request. A missing bucket or
 * object does not refuse it here; the job then fails with the reason (see docs/emulator.md).
 */
import { extensionOf, KNOWN_EXTENSIONS, remoteAddress, type ImportSource } from "./import-files";
import { AUTH_ERROR_CODES, getObject, listKeys } from "./object-store";

/** The units to import, or why the request is refused: keys refused (`denied`) or a folder with nothing to import (`empty`). */
export type ResolvedUnits = { units: string[][] } | { denied: string } | { empty: string };

/** Expands folder URLs and checks the keys against every object-store URL. */
export async function resolveObjectUnits(units: string[][], source: ImportSource): Promise<ResolvedUnits> {
  const store = source.objectStore;
  const credentials = source.credentials ?? (store?.accessKey ? { accessKey: store.accessKey, secretKey: store.secretKey ?? "" } : undefined);
  const resolved: string[][] = [];
  for (const unit of units) {
    const folder = unit.length === 1 && unit[0]!.endsWith("/") ? remoteAddress(unit[0]!, source) ?? folderAddress(unit[0]!) : undefined;
    if (!store || !folder) {
      resolved.push(unit);
      continue;
    }
    const listed = await listKeys(store, folder.bucket, folder.key, credentials);
    if (!listed.ok) {
      if (AUTH_ERROR_CODES.includes(listed.code)) return { denied: `${unit[0]}: ${listed.code}: ${listed.message}` };
      return { empty: `${unit[0]}: ${listed.code}: ${listed.message}` };
    }
    const files = listed.keys.filter((key) => KNOWN_EXTENSIONS.includes(extensionOf(key))).map((key) => `s3://${folder.bucket}/${key}`);
    if (files.length === 0) return { empty: unit[0]! };
    const numpy = files.filter((f) => extensionOf(f) === ".npy");
    if (numpy.length > 0) resolved.push(numpy);
    for (const file of files.filter((f) => extensionOf(f) !== ".npy")) resolved.push([file]);
  }
  for (const url of resolved.flat()) {
    const address = remoteAddress(url, source);
    if (!address || !store) continue;
    const read = await getObject(store, address, credentials, "bytes=0-0");
    if (!read.ok && AUTH_ERROR_CODES.includes(read.code)) return { denied: `${url}: ${read.code}: ${read.message}` };
  }
  return { units: resolved };
}

/** `s3://bucket/dir/` as bucket + prefix (objectAddress wants a key, which a folder URL still has: `dir/`). */
function folderAddress(url: string): { bucket: string; key: string } | undefined {
  const match = /^s3a?:\/\/([^/]+)\/(.*)$/.exec(url);
  return match ? { bucket: match[1]!, key: match[2]! } : undefined;
}
