import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { changeSubscription as ChangeSubscription } from "@/app/(account)/unsubscribe/actions";

// Unsubscribing without signing in: the one-click POST a mail client makes (RFC 8058) and the
// page's action behind the footer link, with undo; only a token we signed for that reader works.
vi.mock("server-only", () => ({}));

const SECRET = "unsubscribe-test-secret-0123456789abcdef";
const { alertSettings } = await import("@/drizzle/schema");
const { signUnsubscribeToken } = await import("@/lib/email/unsubscribe-token");
const { createAlertReader } = await import("../../support/alert-readers");
const { openTestDb, testDbKinds, useAsProcessDb } = await import("../../support/db");

let POST: (request: Request) => Promise<Response>;
let changeSubscription: typeof ChangeSubscription;
beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  ({ POST } = await import("@/app/api/unsubscribe/route"));
  ({ changeSubscription } = await import("@/app/(account)/unsubscribe/actions"));
});

const oneClick = (token: string | null) =>
  POST(
    new Request(
      `https://insight.example/api/unsubscribe${token === null ? "" : `?token=${encodeURIComponent(token)}`}`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      },
    ),
  );

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe.each(testDbKinds)("unsubscribing on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openTestDb>>;
  let restoreDb: () => Promise<void>;
  beforeAll(async () => {
    database = await openTestDb(kind);
    restoreDb = useAsProcessDb(database);
  });
  afterAll(async () => {
    await restoreDb?.();
    await database?.close();
  });

  const modeOf = async (userId: string) =>
    (await database.db.select().from(alertSettings).where(eq(alertSettings.userId, userId)))[0]
      ?.mode;

  it("turns alerts off with the one-click POST, for the token's reader only", async () => {
    const reader = await createAlertReader(database.db, {
      name: "oneclick",
      symbols: ["IWM"],
      mode: "instant",
    });
    const bystander = await createAlertReader(database.db, {
      name: "bystander",
      symbols: ["IWM"],
      mode: "instant",
    });
    const response = await oneClick(signUnsubscribeToken(reader.id, SECRET));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/unsubscribed/);
    expect(await modeOf(reader.id)).toBe("off");
    expect(await modeOf(bystander.id)).toBe("instant");
    // Again: still 200, still off.
    expect((await oneClick(signUnsubscribeToken(reader.id, SECRET))).status).toBe(200);
  });

  it("refuses a token it did not sign, a forged one, or none, with a 4xx a person can read", async () => {
    const reader = await createAlertReader(database.db, {
      name: "forged",
      symbols: ["IWM"],
      mode: "digest",
    });
    const other = signUnsubscribeToken(reader.id, "some-other-secret-0123456789abcdef");
    const [id] = signUnsubscribeToken(reader.id, SECRET).split(".");
    const swapped = `${Buffer.from("someone-else").toString("base64url")}.${signUnsubscribeToken(reader.id, SECRET).split(".")[1]}`;
    for (const token of [other, `${id}.`, swapped, "not-a-token", "a.b.c", "x".repeat(600)]) {
      const response = await oneClick(token);
      expect(response.status, token).toBe(404);
      expect(((await response.json()) as { message: string }).message).toMatch(/not valid/);
    }
    const missing = await oneClick(null);
    expect(missing.status).toBe(400);
    expect(await modeOf(reader.id)).toBe("digest");
  });

  it("unsubscribes from the page's button and undoes it back to what the reader had", async () => {
    const reader = await createAlertReader(database.db, {
      name: "page",
      symbols: ["IWM"],
      mode: "digest",
    });
    const token = signUnsubscribeToken(reader.id, SECRET);
    const idle = { status: "idle" } as const;
    expect(await changeSubscription(idle, form({ intent: "unsubscribe", token }))).toEqual({
      status: "unsubscribed",
      previous: "digest",
    });
    expect(await modeOf(reader.id)).toBe("off");
    expect(await changeSubscription(idle, form({ intent: "undo", token, mode: "digest" }))).toEqual(
      {
        status: "resubscribed",
        mode: "digest",
      },
    );
    expect(await modeOf(reader.id)).toBe("digest");
    // A made-up token or mode changes nothing.
    const refused = await changeSubscription(
      idle,
      form({ intent: "undo", token: "nope.nope", mode: "instant" }),
    );
    expect(refused.status).toBe("refused");
    expect(
      (await changeSubscription(idle, form({ intent: "undo", token, mode: "hourly" }))).status,
    ).toBe("refused");
    expect(await modeOf(reader.id)).toBe("digest");
  });
});
