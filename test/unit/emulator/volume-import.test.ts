import { describe, expect, it } from "vitest";
import type { VolumeRecord } from "../../../src/emulator/control-plane/cloud-records";
import { volumeObjectUrl, withVolumeSource } from "../../../src/emulator/control-plane/volume-import";
import { EmulatorError } from "../../../src/emulator/errors";

const managed: VolumeRecord = { volumeName: "stage", projectId: "p", regionId: "aws-us-west-2", type: "MANAGED", status: "RUNNING", createTime: 0 };
const external: VolumeRecord = { ...managed, volumeName: "lake", type: "EXTERNAL", storageIntegrationId: "i", path: "s3://bucket/imports/" };

describe("volume as an import source", () => {
  it("maps a managed volume to the bucket named after it and an external one under its path", () => {
    expect(volumeObjectUrl(managed, "/2024/a.parquet")).toBe("s3://stage/2024/a.parquet");
    expect(volumeObjectUrl(external, "a.json")).toBe("s3://bucket/imports/a.json");
  });

  it("rewrites volumeName + dataPaths into objectUrls and leaves other bodies alone", () => {
    const body = { clusterId: "c", collectionName: "x", volumeName: "lake", dataPaths: [["a.json", "b.json"], "c.json"] };
    expect(withVolumeSource(body, () => external)).toEqual({
      clusterId: "c",
      collectionName: "x",
      volumeName: "lake",
      dataPaths: body.dataPaths,
      objectUrls: [["s3://bucket/imports/a.json", "s3://bucket/imports/b.json"], ["s3://bucket/imports/c.json"]],
    });
    const plain = { clusterId: "c", objectUrls: [["s3://b/k"]] };
    expect(withVolumeSource(plain, () => external)).toBe(plain);
  });

  it("refuses a volume that is still CREATING (40003) and empty paths (90145)", () => {
    const kindOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as EmulatorError).wire("v2").code;
      }
      return undefined;
    };
    expect(kindOf(() => withVolumeSource({ volumeName: "s", dataPaths: [["a"]] }, () => ({ ...managed, status: "CREATING" })))).toBe(40003);
    expect(kindOf(() => withVolumeSource({ volumeName: "s", dataPaths: [[""]] }, () => managed))).toBe(90145);
    expect(kindOf(() => withVolumeSource({ volumeName: "s", dataPaths: [] }, () => managed))).toBe(90145);
  });
});
