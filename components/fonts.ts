import localFont from "next/font/local";

// Self-hosted from npm (@fontsource-variable/*): builds need no network. Latin subset only;
// the variable files cover every weight.
export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-sans",
  display: "swap",
});

export const serif = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      weight: "200 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      weight: "200 900",
      style: "italic",
    },
  ],
  variable: "--font-serif",
  display: "swap",
  // Only the UI face is preloaded: two more ~50 KB files at high priority delayed the article's
  // largest paint on Lighthouse's mobile profile (LCP 3.3 s → 1.4 s without them, npm run bench).
  // The serif arrives with the CSS instead, after a fallback sized to match it.
  preload: false,
  adjustFontFallback: "Times New Roman",
});
