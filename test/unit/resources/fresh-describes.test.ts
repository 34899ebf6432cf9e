/**
 * The describe a Collection create ends with is handed to the next index create once, and only while it can
 * still be true: used up by one read, forgotten when this process changes the collection, expired after
 * five minutes, and never shared between endpoints, databases or collections.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CollectionDescription, MilvusClient } from "../../../src/client";
import { describeFresh, forgetDescribe, rememberDescribe } from "../../../src/resources/shared/fresh-describes";

function fakeClient(baseUrl: string): MilvusClient & { asked: number } {
  const mc = {
    asked: 0,
    transport: { baseUrl },
    collections: {
      describe: async (ref: { collectionName: string }) => {
        mc.asked += 1;
        return { collectionName: ref.collectionName, fields: [], description: "from the server" } as unknown as CollectionDescription;
      },
    },
  };
  return mc as unknown as MilvusClient & { asked: number };
}

const remembered = (name: string) => ({ collectionName: name, fields: [], description: "remembered" }) as unknown as CollectionDescription;

afterEach(() => vi.useRealTimers());

describe("fresh describes", () => {
  it("hands the remembered describe to one reader, then asks the server", async () => {
    const mc = fakeClient("http://a:19530/");
    rememberDescribe(mc, { collectionName: "docs" }, remembered("docs"));
    expect((await describeFresh(mc, { collectionName: "docs" })).description).toBe("remembered");
    expect(mc.asked).toBe(0);
    expect((await describeFresh(mc, { collectionName: "docs" })).description).toBe("from the server");
    expect(mc.asked).toBe(1);
  });

  it("forgets a collection this process changes", async () => {
    const mc = fakeClient("http://a:19530/");
    rememberDescribe(mc, { collectionName: "docs", dbName: "analytics" }, remembered("docs"));
    forgetDescribe(mc, { collectionName: "docs", dbName: "analytics" });
    expect((await describeFresh(mc, { collectionName: "docs", dbName: "analytics" })).description).toBe("from the server");
  });

  it("keeps endpoints, databases and collections apart", async () => {
    const a = fakeClient("http://a:19530/");
    const b = fakeClient("http://b:19530/");
    rememberDescribe(a, { collectionName: "docs" }, remembered("docs"));
    expect((await describeFresh(b, { collectionName: "docs" })).description).toBe("from the server");
    expect((await describeFresh(a, { collectionName: "docs", dbName: "other" })).description).toBe("from the server");
    expect((await describeFresh(a, { collectionName: "docs2" })).description).toBe("from the server");
    // "default" and an unset database are the same database.
    expect((await describeFresh(a, { collectionName: "docs", dbName: "default" })).description).toBe("remembered");
  });

  it("expires after five minutes", async () => {
    vi.useFakeTimers();
    const mc = fakeClient("http://a:19530/");
    rememberDescribe(mc, { collectionName: "late" }, remembered("late"));
    vi.advanceTimersByTime(5 * 60_000 + 1);
    expect((await describeFresh(mc, { collectionName: "late" })).description).toBe("from the server");
  });
});
