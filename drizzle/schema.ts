import type { AdapterAccountType } from "@auth/core/adapters";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
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
    // The Sanity ticker symbol's shape (lib/content/symbols.ts SYMBOL_PATTERN).
    check("watchlist_items_symbol_shape", sql`${table.symbol} ~ '^[A-Z][A-Z0-9]{0,9}(\\.[A-Z])?$'`),
    check("watchlist_items_note_length", sql`char_length(${table.note}) <= 500`),
  ],
);

export type User = typeof users.$inferSelect;
export type Watchlist = typeof watchlists.$inferSelect;
export type NewWatchlist = typeof watchlists.$inferInsert;
export type WatchlistItem = typeof watchlistItems.$inferSelect;
export type NewWatchlistItem = typeof watchlistItems.$inferInsert;
