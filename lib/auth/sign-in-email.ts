// The magic-link email: plain text first (what many readers and every spam filter see), and a
// simple HTML part with the same words and one link.

export const SIGN_IN_SUBJECT = "Sign in to Daily Insight";

export interface SignInEmail {
  subject: string;
  text: string;
  html: string;
}

export function signInEmail({
  email,
  url,
  expires,
  now = new Date(),
}: {
  email: string;
  url: string;
  expires: Date;
  now?: Date;
}): SignInEmail {
  const minutes = Math.max(1, Math.round((expires.getTime() - now.getTime()) / 60_000));
  const validity = `The link works once and expires in ${minutes} minutes.`;
  const ignore =
    "If you did not ask to sign in, ignore this email: nothing happens without the link.";
  const text = [
    SIGN_IN_SUBJECT,
    "",
    `Open this link to sign in as ${email}:`,
    "",
    url,
    "",
    validity,
    ignore,
    "",
    "— Daily Insight",
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en">
  <body style="margin:0;padding:24px;background:#fbfaf7;color:#1c1b19;font-family:system-ui,sans-serif;line-height:1.5">
    <div style="max-width:32rem;margin:0 auto">
      <h1 style="font-family:Georgia,serif;font-size:22px">${SIGN_IN_SUBJECT}</h1>
      <p>Open this link to sign in as <strong>${escapeHtml(email)}</strong>:</p>
      <p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#0b5cad;color:#ffffff;font-weight:600;text-decoration:none">Sign in</a></p>
      <p style="color:#5f5b53;font-size:14px">${validity} ${ignore}</p>
      <p style="color:#5f5b53;font-size:14px;word-break:break-all">Or paste this address into your browser: ${escapeHtml(url)}</p>
    </div>
  </body>
</html>
`;
  return { subject: SIGN_IN_SUBJECT, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
