import "server-only";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getReader, type Reader } from "./reader";
import { isAppError } from "@/lib/errors";
import { signInReturningTo, watchlistPath } from "@/lib/routes";

// Every reader mutation goes through readerAction: authenticate, validate with zod, run (the
// queries check that the list belongs to the reader), then refresh. Reader data is never put
// in the shared cache — it is per reader and must be current on every instance — so there is
// no tag to update; refresh() re-renders the page the reader is on with what they just wrote.

export type ActionState =
  | { status: "idle" }
  | { status: "done"; message: string; offer?: ActionOffer }
  | { status: "refused"; message: string };

/** Something the page may offer next: email alerts, after a reader's first watched ticker. */
export type ActionOffer = "email-alerts";

type ActionDone = { message: string; offer?: ActionOffer };

export const idleState: ActionState = { status: "idle" };

const UNREADABLE_FORM: ActionState = {
  status: "refused",
  message: "This form could not be read. Reload the page and try again.",
};

/** Paths on this site only, so a form cannot send a reader elsewhere after signing in. */
export function safeReturnTo(value: FormDataEntryValue | null, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//")
    ? value
    : fallback;
}

/**
 * A server action for a reader's form, usable with useActionState and without JavaScript.
 * `run` returns the message to show (and what to offer next); an AppError below 500 becomes a
 * refusal with its message.
 */
export function readerAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (input: z.infer<Schema>, reader: Reader) => Promise<string | ActionDone>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    // Anyone can call an action with any arguments, not only our forms.
    if (!(formData instanceof FormData)) return UNREADABLE_FORM;
    const reader = await getReader();
    if (!reader) {
      const returnTo = safeReturnTo(formData.get("returnTo"), watchlistPath);
      redirect(signInReturningTo(returnTo));
    }
    const input = schema.safeParse(Object.fromEntries(formData));
    if (!input.success) {
      return { status: "refused", message: input.error.issues[0]?.message ?? "Check the form." };
    }
    let done: ActionDone;
    try {
      const result = await run(input.data, reader);
      done = typeof result === "string" ? { message: result } : result;
    } catch (error) {
      if (isAppError(error) && error.status < 500)
        return { status: "refused", message: error.message };
      console.error(error);
      return { status: "refused", message: "Something went wrong on our side. Please try again." };
    }
    refresh();
    return { status: "done", ...done };
  };
}
