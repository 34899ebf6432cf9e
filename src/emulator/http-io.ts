/** Request parsing shared by the routes: body, query and the bearer token. */
import type { IncomingMessage } from "node:http";
import { EmulatorError } from "./errors";

/** Reads the whole body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON object body; an empty body is `{}`. Anything else is the real "incorrect parameter". */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EmulatorError("invalidParameter");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new EmulatorError("invalidParameter");
  return value as Record<string, unknown>;
}

/** The Authorization value without "Bearer " (or the decoded `user:pass` of Basic); undefined when missing. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return bearer[1].trim();
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) return Buffer.from(basic[1].trim(), "base64").toString("utf8");
  return undefined;
}
