import { afterEach, describe, expect, it } from "vitest";
import { editAnswer } from "../../../src/emulator/control/answer-rewrite";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { request } from "./http";
import { stubDataPlaneFactory } from "./stub-data-plane";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("editAnswer", () => {
  it("sets, removes and appends along dotted paths, * meaning every element", () => {
    const answer = { code: 0, data: [{ indexType: "HNSW", indexParams: [1] }, { indexType: "IVF_FLAT", indexParams: [2] }], list: [1] };
    editAnswer(answer, [
      { op: "set", path: "data.*.indexType", value: "AUTOINDEX" },
      { op: "remove", path: "data.*.indexParams" },
      { op: "append", path: "list", value: { x: 1 } },
    ]);
    expect(answer).toEqual({ code: 0, data: [{ indexType: "AUTOINDEX" }, { indexType: "AUTOINDEX" }], list: [1, { x: 1 }] });
  });

  it("changes nothing where a path leads nowhere", () => {
    const answer = { code: 0, data: { cuSize: 2 } };
    editAnswer(answer, [{ op: "set", path: "data.missing.cuSize", value: 1 }, { op: "append", path: "data.cuSize", value: 1 }]);
    expect(answer).toEqual({ code: 0, data: { cuSize: 2 } });
  });
});

describe("the rewrite fault", () => {
  it("serves the call, edits its answer for the next N calls, then answers as before", async () => {
    emulator = await startTestEmulator({ legacyPort: false, createDataPlane: stubDataPlaneFactory().factory });
    const e = emulator;
    await e.control.injectFault({ method: "GET", path: "/v2/projects", kind: "rewrite", times: 1, edits: [{ op: "set", path: "data.*.projectName", value: "Renamed" }, { op: "append", path: "data", value: { projectId: "proj-extra" } }] });
    const edited = await request(e.url, "GET", "/v2/projects", { key: e.apiKey });
    expect(edited.status).toBe(200);
    expect(edited.body.code).toBe(0);
    expect(edited.body.data).toHaveLength(2);
    expect(edited.body.data[0].projectName).toBe("Renamed");
    expect(edited.body.data[1]).toEqual({ projectId: "proj-extra" });
    expect(Number(edited.headers.get("content-length"))).toBe(Buffer.byteLength(edited.text));
    const plain = await request(e.url, "GET", "/v2/projects", { key: e.apiKey });
    expect(plain.body.data).toHaveLength(1);
    expect(plain.body.data[0].projectName).toBe("Default Project");
  });

  it("refuses a rewrite without edits", async () => {
    emulator = await startTestEmulator({ legacyPort: false, createDataPlane: stubDataPlaneFactory().factory });
    await expect(emulator.control.injectFault({ path: "/v2/projects", kind: "rewrite" })).rejects.toThrow(/edits/);
  });
});
