"use client";

import {
  useActionState,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { ActionState } from "@/lib/auth/reader-action";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const idle: ActionState = { status: "idle" };

const MODES = [
  { value: "off", label: "Off", hint: "No email about your watchlist." },
  {
    value: "instant",
    label: "As soon as published",
    hint: "One email per post about a ticker you watch (at most five a day; more wait for the digest).",
  },
  {
    value: "digest",
    label: "Daily digest",
    hint: "One email a day with the day's posts, none on a quiet day.",
  },
] as const;

const noChanges = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;

/** Every zone the browser knows, the reader's saved one first if it is missing. */
function zoneOptions(saved: string): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(saved) ? zones : [saved, ...zones];
}

export function AlertSettingsForm({
  action,
  mode,
  digestTime,
  timeZone,
  chosen,
}: {
  action: FormAction;
  mode: "off" | "instant" | "digest";
  digestTime: string;
  timeZone: string;
  /** Whether the reader ever chose (AlertPreferences.chosen): until then the browser's zone is
   * proposed; after it, the zone they saved is shown, whatever their mode. */
  chosen: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [chosenMode, setChosenMode] = useState(mode);
  // Only the browser knows its zone and the zones it can name; the server renders the saved one.
  const browserZone = useSyncExternalStore(noChanges, readBrowserZone, () => null);
  const [picked, setPicked] = useState<string | null>(null);
  const zone = picked ?? (!chosen && browserZone ? browserZone : timeZone);
  const zones = useMemo(() => (browserZone ? zoneOptions(zone) : [zone]), [browserZone, zone]);
  // React resets a form once its action is done, and a select resets to its default option,
  // which React sets on the first render only (the zone the server rendered). Kept at the zone
  // shown, so saving leaves the form as the reader sees it.
  const zoneSelect = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    for (const option of Array.from(zoneSelect.current?.options ?? []))
      option.defaultSelected = option.value === zone;
  }, [zone, zones]);

  return (
    <form action={formAction} className="account-form alert-settings" aria-busy={pending}>
      <input type="hidden" name="returnTo" value="/account" />
      <fieldset className="alert-settings__modes">
        <legend className="account-form__label">Email me about new insights on my tickers</legend>
        {MODES.map((option) => (
          <label key={option.value} className="alert-settings__mode">
            <input
              type="radio"
              name="mode"
              value={option.value}
              checked={chosenMode === option.value}
              onChange={() => setChosenMode(option.value)}
            />
            <span>
              <strong>{option.label}</strong>
              <span className="account-form__hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="alert-settings__digest" disabled={chosenMode === "off"}>
        <legend className="account-form__label">Digest time</legend>
        <p className="account-form__hint">
          When your daily digest arrives, and when alerts past the day&apos;s five are gathered.
        </p>
        <div className="account-form__row">
          <label>
            <span className="visually-hidden">Time</span>
            <input
              className="account-form__input"
              type="time"
              name="digestTime"
              defaultValue={digestTime}
              required
            />
          </label>
          <label>
            <span className="visually-hidden">Time zone</span>
            <select
              ref={zoneSelect}
              className="account-form__input"
              name="timeZone"
              value={zone}
              onChange={(event) => setPicked(event.target.value)}
            >
              {zones.map((name) => (
                <option key={name} value={name}>
                  {name.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      {/* A disabled fieldset sends nothing: keep the time and zone when alerts are off. */}
      {chosenMode === "off" ? (
        <>
          <input type="hidden" name="digestTime" value={digestTime} />
          <input type="hidden" name="timeZone" value={zone} />
        </>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Save email settings
      </button>
      <span
        role="status"
        className={state.status === "refused" ? "form-status form-status--error" : "form-status"}
      >
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
