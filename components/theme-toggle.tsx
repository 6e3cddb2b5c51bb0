"use client";

import { useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY, THEMES, type Theme } from "./theme-script";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const CHANGE_EVENT = "themechange";

function readTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function applyTheme(theme: Theme) {
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  if (theme === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", theme);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Cycles the colour theme: system → light → dark. */
export function ThemeToggle() {
  // The server cannot know the stored choice, so it renders "system" and the client corrects it.
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as const);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? "system";
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => applyTheme(next)}
      aria-label={`Colour theme: ${LABEL[theme]}. Switch to ${LABEL[next]}`}
      title={`Switch to ${LABEL[next].toLowerCase()} theme`}
    >
      <span aria-hidden="true" className="theme-toggle__icon">
        {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}
      </span>
      <span aria-hidden="true">{LABEL[theme]}</span>
    </button>
  );
}
