/**
 * Conformance: replays the hand-written v2/v1 request/response pairs in test/fixtures/data-plane against a
 * data plane mounted on a node:http server (pairs written from the REST reference, §4–§9, not from any client).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import { afterEach, describe, it } from "vitest";
import { createDataPlane } from "../../../src/emulator/data-plane";
import { parseTransitionMode, type TransitionKind } from "../../../src/emulator/transition-mode";
import { listen, replay, type Fixture } from "../replay";

const fixtures = path.resolve(__dirname, "../../fixtures/data-plane");
const importRoot = path.resolve(__dirname, "../../fixtures/import");
let server: Server | undefined;

afterEach(() => server?.close());

describe("data plane conformance", () => {
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith(".json"))) {
    it(file, async () => {
      const fixture = JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as Fixture;
      const plane = createDataPlane({
        authenticate: (token) => token === "root:Milvus" || token === undefined,
        transitionMode: (kind: TransitionKind) => parseTransitionMode(fixture.transitions?.[kind] ?? "immediate"),
        importRoot,
      } as Parameters<typeof createDataPlane>[0]);
      const started = await listen(plane.handle);
      server = started.server;
      await replay(started.url, fixture, { importRoot, advance: (what) => plane.advance(what as TransitionKind) });
    });
  }
});
