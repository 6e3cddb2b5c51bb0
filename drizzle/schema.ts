import type { AdapterAccountType } from "@auth/core/adapters";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

// The four tables next-auth's Drizzle adapter reads and writes. Column keys are the
// adapter's contract (@auth/drizzle-adapter, lib/pg.js); the SQL names are ours.

export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index("accounts_user_id_idx").on(table.userId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

// Magic-link requests counted per key ("email:<address>", "ip:<address>") in fixed windows.
// In the database rather than in memory so that every instance behind a load balancer
// shares one count.
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { mode: "date", withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

// Webhook deliveries already acted on, so a replay or a redelivery revalidates nothing: one row
// per idempotency key ("idempotency:<key>") and per signature ("signature:<v1>"), since the key is
// a header the signature does not cover. Kept a little longer than a delivery stays fresh.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    key: text("key").primaryKey(),
    receivedAt: timestamp("received_at", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [index("webhook_deliveries_received_at_idx").on(table.receivedAt)],
);

// A reader has one or more named watchlists; `position` orders them.
export const watchlists = pgTable(
  "watchlists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("watchlists_user_name_unique").on(table.userId, table.name),
    index("watchlists_user_id_idx").on(table.userId),
    // lib/watchlists/rules.ts MAX_WATCHLIST_NAME_LENGTH, as the note's MAX_NOTE_LENGTH below: this
    // file imports nothing of the app, so tests/integration/db/check-constraints.test.ts ties them.
    check("watchlists_name_length", sql`char_length(${table.name}) between 1 and 60`),
  ],
);

// A ticker symbol appears once per list (the primary key); `position` is the reader's order.
export const watchlistItems = pgTable(
  "watchlist_items",
  {
    watchlistId: uuid("watchlist_id")
      .notNull()
      .references(() => watchlists.id, { onDelete: "cascade" }),
    symbol: text("symbol").notNull(),
    note: text("note"),
    position: integer("position").notNull().default(0),
    addedAt: timestamp("added_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.watchlistId, table.symbol] }),
    // Who watches a ticker: the alert fan-out's lookup (lib/email/announce.ts).
    index("watchlist_items_symbol_idx").on(table.symbol),
    // The Sanity ticker symbol's shape (lib/content/symbols.ts SYMBOL_PATTERN).
    check("watchlist_items_symbol_shape", sql`${table.symbol} ~ '^[A-Z][A-Z0-9]{0,9}(\\.[A-Z])?$'`),
    check("watchlist_items_note_length", sql`char_length(${table.note}) <= 500`),
  ],
);

// Email alerts (lib/email). A reader's choice: no row is "off", the default.
export const alertSettings = pgTable(
  "alert_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode").$type<"off" | "instant" | "digest">().notNull(),
    /** The digest's time in the reader's zone, in minutes after midnight. */
    digestMinute: integer("digest_minute").notNull().default(480),
    /** An IANA zone ("America/New_York"), checked against the runtime's zones on save. */
    timeZone: text("time_zone").notNull().default("America/New_York"),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    /** Set when the reader's address refused mail for good; nothing is sent until they save
     * their settings again. */
    failingSince: timestamp("failing_since", { mode: "date", withTimezone: true }),
  },
  (table) => [
    check("alert_settings_mode", sql`${table.mode} in ('off', 'instant', 'digest')`),
    check("alert_settings_digest_minute", sql`${table.digestMinute} between 0 and 1439`),
  ],
);

// A post announced to readers: one row per post, written in the same transaction as its alerts,
// so a post is announced once however often it is published, unpublished and published again.
// `content` is what the emails say about it (lib/email/alert-content.ts AlertPost).
export const postAnnouncements = pgTable("post_announcements", {
  postId: text("post_id").primaryKey(),
  content: jsonb("content").notNull(),
  announcedAt: timestamp("announced_at", { mode: "date", withTimezone: true }).notNull(),
});

// One row per (reader, post): which of the reader's tickers the post covers, and how it reaches
// them: its own message (instant) or the reader's next digest.
export const readerPostAlerts = pgTable(
  "reader_post_alerts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: text("post_id")
      .notNull()
      .references(() => postAnnouncements.postId, { onDelete: "cascade" }),
    symbols: text("symbols").array().notNull(),
    via: text("via").$type<"instant" | "digest">().notNull(),
    /** The message that carries it: set at once for instant, when its digest is made otherwise. */
    messageKey: text("message_key"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.postId] }),
    index("reader_post_alerts_digest_idx")
      .on(table.userId)
      .where(sql`${table.messageKey} is null`),
    check("reader_post_alerts_via", sql`${table.via} in ('instant', 'digest')`),
  ],
);

// The outbox: one row per message, keyed "alert:<reader>:<post>" or "digest:<reader>:<day>", so
// no message is made twice. Claimed (status sending, lease) before it is sent and marked sent
// after the SMTP server accepts it; a lease that runs out (a worker killed mid-send) makes it
// claimable again.
export const emailMessages = pgTable(
  "email_messages",
  {
    key: text("key").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"alert" | "digest">().notNull(),
    /** The reader's local day the message belongs to (the daily instant-alert limit counts it). */
    day: date("day", { mode: "string" }).notNull(),
    postIds: text("post_ids").array().notNull(),
    status: text("status")
      .$type<"pending" | "sending" | "sent" | "failed" | "skipped">()
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { mode: "date", withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { mode: "date", withTimezone: true }),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull(),
  },
  (table) => [
    index("email_messages_claimable_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('pending', 'sending')`),
    index("email_messages_user_day_idx").on(table.userId, table.day),
    check("email_messages_kind", sql`${table.kind} in ('alert', 'digest')`),
    check(
      "email_messages_status",
      sql`${table.status} in ('pending', 'sending', 'sent', 'failed', 'skipped')`,
    ),
  ],
);

export type User = typeof users.$inferSelect;
export type Watchlist = typeof watchlists.$inferSelect;
export type NewWatchlist = typeof watchlists.$inferInsert;
export type WatchlistItem = typeof watchlistItems.$inferSelect;
export type NewWatchlistItem = typeof watchlistItems.$inferInsert;
export type AlertSettings = typeof alertSettings.$inferSelect;
export type EmailMessage = typeof emailMessages.$inferSelect;
