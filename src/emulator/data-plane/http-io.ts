/** Small node:http helpers shared by the data plane router: body reading, JSON/text replies, credentials. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { encodeJson } from "./json-text";

/** Collects the request body as UTF-8 text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The permissive CORS headers gin-contrib/cors adds to every Milvus response. */
export function corsHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Credentials", "true");
  res.setHeader(
    "Access-Control-Allow-Headers",
    "Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization, accept, origin, Cache-Control, X-Requested-With",
  );
  res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
  res.setHeader("Access-Control-Allow-Origin", "*");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = encodeJson(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendNotFound(res: ServerResponse): void {
  res.writeHead(404, { "Content-Type": "text/plain", "Content-Length": 18 });
  res.end("404 page not found");
}

/** The credential in `Authorization`: `Bearer <token>` stripped, `Basic` decoded to `user:pass`; undefined when absent. */
export function credentialOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header === "") return undefined;
  if (header.startsWith("Basic ")) return Buffer.from(header.slice(6), "base64").toString("utf8");
  return header.startsWith("Bearer ") ? header.slice(7) : header;
}
