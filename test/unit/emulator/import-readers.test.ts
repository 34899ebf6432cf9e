/**
 * The pure parts of the import path: SigV4 signing (checked against the example in AWS's S3 documentation),
 * object URL addressing, the CSV record parser and the NumPy header/data reader.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signRequest } from "../../../src/emulator/data-plane/sigv4";
import { objectAddress } from "../../../src/emulator/data-plane/object-store";
import { decodeCsv } from "../../../src/emulator/data-plane/import-csv";
import { parseNpy } from "../../../src/emulator/data-plane/import-npy";
import type { CollectionState, FieldState } from "../../../src/emulator/data-plane/state";

const formats = path.resolve(__dirname, "../../fixtures/import/formats");

function field(name: string, dataType: string, extra: Partial<FieldState> = {}): FieldState {
  return { id: 0, name, dataType, primaryKey: false, autoId: false, partitionKey: false, clusteringKey: false, nullable: false, description: "", params: [], ...extra };
}

function collectionOf(fields: FieldState[], enableDynamicField = false): CollectionState {
  return { fields, enableDynamicField } as unknown as CollectionState;
}

describe("SigV4", () => {
  it("reproduces the GET Object example of the S3 documentation", () => {
    // "Example: GET Object" from the AWS S3 SigV4 header-based authentication page.
    const headers = signRequest(
      { method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), region: "us-east-1", headers: { range: "bytes=0-9" }, now: new Date("2013-05-24T00:00:00Z") },
      { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
  });

  it("signs a session token and encodes key segments once", () => {
    const headers = signRequest({ method: "GET", url: new URL("http://127.0.0.1:9000/b/a%20b/c.csv"), region: "us-east-1" }, { accessKey: "AK", secretKey: "SK", sessionToken: "TOKEN" });
    expect(headers["x-amz-security-token"]).toBe("TOKEN");
    expect(headers.authorization).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
  });
});

describe("object URLs", () => {
  it("names bucket and key for s3://, virtual-hosted and path-style URLs", () => {
    expect(objectAddress("s3://bucket/dir/a.parquet")).toEqual({ bucket: "bucket", key: "dir/a.parquet" });
    expect(objectAddress("s3a://bucket/a.csv")).toEqual({ bucket: "bucket", key: "a.csv" });
    expect(objectAddress("https://bucket.s3.us-west-2.amazonaws.com/dir/a.json")).toEqual({ bucket: "bucket", key: "dir/a.json" });
    expect(objectAddress("https://s3.us-west-2.amazonaws.com/bucket/dir/a.json")).toEqual({ bucket: "bucket", key: "dir/a.json" });
    expect(objectAddress("http://127.0.0.1:9000/bucket/a%20b.csv")).toEqual({ bucket: "bucket", key: "a b.csv" });
    expect(objectAddress("s3://bucket")).toBeUndefined();
    expect(objectAddress("gs://bucket/a.json")).toBeUndefined();
  });
});

describe("CSV", () => {
  const coll = collectionOf([field("id", "Int64", { primaryKey: true }), field("ok", "Bool"), field("note", "VarChar", { nullable: true }), field("v", "FloatVector")]);

  it("parses quotes, doubled quotes, CRLF, a custom separator and the null key", () => {
    const text = 'id;ok;note;v\r\n1;true;"say ""hi""; twice";[1,2]\r\n2;false;NULL;"[3, 4]"\r\n';
    expect(decodeCsv(text, coll, { sep: ";", nullKey: "NULL" })).toEqual({
      rows: [
        { id: 1, ok: true, note: 'say "hi"; twice', v: [1, 2] },
        { id: 2, ok: false, note: null, v: [3, 4] },
      ],
    });
  });

  it("fails bad cells and ragged records with a reason", () => {
    expect(decodeCsv("id,ok,note,v\n1,maybe,x,[1]\n", coll)).toEqual({ failure: "illegal value 'maybe' for bool type field 'ok': importing data failed" });
    expect(decodeCsv("id,ok,note,v\n1,true\n", coll)).toEqual({ failure: "record on line 2: wrong number of fields: importing data failed" });
    expect(decodeCsv("id,ok,note,v,extra\n", coll)).toEqual({ failure: "the field 'extra' is not defined in schema: importing data failed" });
  });
});

describe("NumPy", () => {
  it("reads int64, float32 2-D and unicode arrays written by numpy", () => {
    expect(parseNpy(readFileSync(path.join(formats, "npy/id.npy")))).toEqual({ shape: [2], values: [41, 42] });
    expect(parseNpy(readFileSync(path.join(formats, "npy/v.npy")))).toEqual({ shape: [2, 4], values: [1, 0, 0, 0, 0, 1, 0, 0] });
    expect(parseNpy(readFileSync(path.join(formats, "npy/title.npy")))).toEqual({ shape: [2], values: ["Walden", "Kim"] });
  });

  it("refuses what is not a numpy file", () => {
    expect(() => parseNpy(Buffer.from("not numpy at all"))).toThrow(/bad magic/);
  });
});
