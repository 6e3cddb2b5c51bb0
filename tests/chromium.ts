// Debian's Chromium (no browser download here), for Playwright and for Lighthouse. These flags
// keep it off the network it cannot reach and let it run as root in CI.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
