import { z } from "zod";
import { canonicalSymbol } from "@/lib/content/symbols";
import { AppError } from "@/lib/errors";

// What a watchlist may hold, in one place: the queries enforce it (normalize…), the server
// actions validate their input with the schemas below, and the forms take their limits from
// the same constants. No database here.

export const MAX_ITEMS_PER_WATCHLIST = 200;
export const MAX_WATCHLISTS_PER_READER = 20;
export const MAX_WATCHLIST_NAME_LENGTH = 60;
export const MAX_NOTE_LENGTH = 500;
export const DEFAULT_WATCHLIST_NAME = "My watchlist";
/** What a symbol field accepts before it is checked against SYMBOL_PATTERN and our coverage. */
export const MAX_SYMBOL_INPUT_LENGTH = 20;
/** A list can be moved within at most this many places (lists hold MAX_ITEMS_PER_WATCHLIST). */
const MAX_POSITION = 1000;

/** One schema per form field; the actions compose them. */
export const watchlistInput = {
  symbol: z
    .string({ error: "Type a ticker symbol." })
    .trim()
    .min(1, "Type a ticker symbol.")
    .max(MAX_SYMBOL_INPUT_LENGTH, "That is too long for a ticker symbol."),
  watchlistId: z.string({ error: "Which list?" }).min(1, "Which list?").max(64),
  name: z
    .string({ error: "Give the list a name." })
    .trim()
    .min(1, "Give the list a name.")
    .max(
      MAX_WATCHLIST_NAME_LENGTH,
      `A list name can be at most ${MAX_WATCHLIST_NAME_LENGTH} characters.`,
    ),
  note: z
    .string()
    .max(MAX_NOTE_LENGTH, `A note can be at most ${MAX_NOTE_LENGTH} characters.`)
    .default(""),
  position: z.coerce.number().int().min(0).max(MAX_POSITION),
  intent: z.enum(["watch", "unwatch"]),
};

/** A ticker symbol as stored (upper case, e.g. BRK.B), or a bad_request naming the rule. */
export function normalizeSymbol(input: string): string {
  const symbol = canonicalSymbol(input);
  if (symbol === null) {
    throw new AppError(
      "bad_request",
      `“${input.trim().slice(0, 20)}” is not a ticker symbol: use a letter, then up to 9 letters ` +
        "or digits, optionally a share class like .B (e.g. IWM, NVDA, BRK.B).",
    );
  }
  return symbol;
}

// Control characters have no place in a name or a note, and Postgres refuses U+0000 in text
// outright (error 22021); tabs and line breaks in a note are kept.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function normalizeWatchlistName(input: string): string {
  const name = input.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw new AppError("bad_request", "Give the list a name.");
  if (CONTROL_CHARACTERS.test(name)) {
    throw new AppError("bad_request", "A list name can only hold printable characters.");
  }
  if (name.length > MAX_WATCHLIST_NAME_LENGTH) {
    throw new AppError(
      "bad_request",
      `A list name can be at most ${MAX_WATCHLIST_NAME_LENGTH} characters.`,
    );
  }
  return name;
}

/** A private note, or null for none (empty and blank notes are removed). */
export function normalizeNote(input: string | null | undefined): string | null {
  const note = input?.trim() ?? "";
  if (CONTROL_CHARACTERS.test(note)) {
    throw new AppError("bad_request", "A note can only hold printable characters and line breaks.");
  }
  if (note.length > MAX_NOTE_LENGTH) {
    throw new AppError("bad_request", `A note can be at most ${MAX_NOTE_LENGTH} characters.`);
  }
  return note === "" ? null : note;
}
