import type { LiveEvent, SanityClient } from "@sanity/client";
import { firstValueFrom, filter, take, toArray } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

// The Live Content API, which the Presentation tool subscribes to: every query names the sync
// tags it read, and a commit streams the tags it invalidated to the clients allowed to see it.

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

type Message = Extract<LiveEvent, { type: "message" }>;

/** Subscribes, waits for the welcome event, runs `act`, then collects `count` messages. */
async function messages(
  client: SanityClient,
  includeDrafts: boolean,
  count: number,
  act: () => Promise<unknown>,
): Promise<Message[]> {
  const events = client.live.events({ includeDrafts });
  let welcomed!: () => void;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  const collected = firstValueFrom(
    events.pipe(
      filter((event): event is Message => {
        if (event.type === "welcome") welcomed();
        return event.type === "message";
      }),
      take(count),
      toArray(),
    ),
  );
  await welcome;
  await act();
  return collected;
}

const syncTagsOf = async (client: SanityClient, perspective: "published" | "drafts") =>
  (await client.fetch('*[_type == "post"]{title}', {}, { filterResponse: false, perspective }))
    .syncTags ?? [];

const commit = async (client: SanityClient, doc: { _id: string; _type: string; title: string }) =>
  (await client.createOrReplace(doc, { returnDocuments: false })).transactionId;

describe("live events", () => {
  it("name the tags a published change invalidates, for published and draft readers", async () => {
    const published = await syncTagsOf(t.client, "published");
    const drafts = await syncTagsOf(t.client, "drafts");
    expect(published).toHaveLength(1);
    expect(drafts).toHaveLength(1);
    expect(published).not.toEqual(drafts);
    expect(await syncTagsOf(t.anonymousClient, "published")).toEqual(published);

    let transactionId = "";
    const [message] = await messages(t.anonymousClient, false, 1, async () => {
      transactionId = await commit(t.client, { _id: "live-1", _type: "post", title: "Live" });
    });
    expect(message).toEqual({ type: "message", id: transactionId, tags: published });

    const [withDrafts] = await messages(t.client, true, 1, () =>
      commit(t.client, { _id: "live-1", _type: "post", title: "Live again" }),
    );
    expect(withDrafts!.tags).toEqual(expect.arrayContaining([...published, ...drafts]));
  });

  it("stream a draft change only to includeDrafts streams, which need a token", async () => {
    const drafts = await syncTagsOf(t.client, "drafts");
    let draftTx = "";
    let publishedTx = "";
    const [first] = await messages(t.anonymousClient, false, 1, async () => {
      draftTx = await commit(t.client, { _id: "drafts.live-2", _type: "post", title: "Draft" });
      publishedTx = await commit(t.client, { _id: "live-2", _type: "post", title: "Published" });
    });
    // The draft's transaction came first but was never sent to this stream.
    expect(first!.id).toBe(publishedTx);
    expect(first!.id).not.toBe(draftTx);

    const [draft] = await messages(t.client, true, 1, () =>
      commit(t.client, { _id: "drafts.live-2", _type: "post", title: "Draft, edited" }),
    );
    expect(draft!.tags).toEqual(drafts);

    const url = `${t.lake.url}/v2025-02-19/data/live/events/production?includeDrafts=true`;
    const headers = { accept: "text/event-stream" };
    expect((await request(url, { headers })).status).toBe(401);
  });

  it("restart a stream resumed from a position it cannot continue", async () => {
    const url = `${t.lake.url}/v2025-02-19/data/live/events/production`;
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: "text/event-stream", "last-event-id": "no-such-transaction" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: welcome")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text.indexOf("event: restart")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("event: restart")).toBeLessThan(text.indexOf("event: welcome"));
  });

  it("refuse a request that does not accept server-sent events", async () => {
    const url = `${t.lake.url}/v2025-02-19/data/live/events/production`;
    expect((await request(url, { headers: { accept: "application/json" } })).status).toBe(406);
  });
});
