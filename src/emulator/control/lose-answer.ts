/**
 * The `lose-answer` fault: the call is served normally (the state changes) and then its answer never reaches the
 * client. This is the failure that makes orphans and duplicates possible: a create that happened although the
 * client saw an error. Without it the emulator could only fail a call before acting.
 */
import type { ServerResponse } from "node:http";

/** How the answer is lost: a socket reset (default), an HTTP 500 in its place, or no answer at all. */
export type LoseAnswerMode = "reset" | "500" | "timeout";

/** The modes `checkFaultSpec` accepts. */
export const LOSE_ANSWER_MODES: readonly LoseAnswerMode[] = ["reset", "500", "timeout"];

/**
 * Makes `res` swallow what the handler writes; when the handler ends the answer, the chosen loss happens instead.
 * "timeout" leaves the request open until the client gives up (or the server closes its connections).
 */
export function loseAnswer(res: ServerResponse, mode: LoseAnswerMode = "reset"): void {
  const original = { writeHead: res.writeHead.bind(res), end: res.end.bind(res) };
  res.writeHead = (() => res) as unknown as ServerResponse["writeHead"];
  res.write = (() => true) as ServerResponse["write"];
  res.end = (() => {
    if (mode === "reset") {
      // Nothing was sent yet: destroying the socket is what a proxy or a crashed gateway does after the backend acted.
      res.socket?.destroy();
    } else if (mode === "500") {
      const text = JSON.stringify({ code: 500, message: "injected fault: the answer was lost after the call was served" });
      original.writeHead(500, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      original.end(text);
    }
    // "timeout": never answer. The client's own deadline decides when it gives up.
    return res;
  }) as unknown as ServerResponse["end"];
}
