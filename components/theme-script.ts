// The reader's colour theme: "light" or "dark" in localStorage sets `data-theme` on <html>
// (components/site.css); absent, the system preference applies. Shared by the toggle and the
// inline script that applies the choice before first paint, so the page never flashes.

export const THEME_STORAGE_KEY = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;
