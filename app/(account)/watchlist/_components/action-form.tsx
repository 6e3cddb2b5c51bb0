"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/auth/reader-action";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const idle: ActionState = { status: "idle" };

/**
 * A watchlist form: posts without JavaScript, and with it shows the action's answer in place
 * (announced to screen readers) while the page refreshes with the change.
 */
export function ActionForm({
  action,
  className,
  children,
}: {
  action: FormAction;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      {children}
      <span
        role="status"
        className={state.status === "refused" ? "form-status form-status--error" : "form-status"}
      >
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
