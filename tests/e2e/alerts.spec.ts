import type { ReceivedMail } from "../support/smtp.ts";
import { deletePosts, lakeClient, siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";

// Email alerts end to end, against the production build with its worker in the server: a reader
// watches IWM and chooses instant alerts; a post on IWM published through @sanity/client reaches
// their inbox (the SMTP server the fixtures run) with the post's note on IWM and a link that
// opens the article; they unsubscribe in one click (RFC 8058) and the next post sends them
// nothing, while a second reader, still subscribed, gets it: proof that the work was done.

const AUTHOR = "author-daily-insight-desk";

/** Every post this spec publishes, deleted at its end: other specs expect the seed post to be
 * the latest on IWM and on the home page (its cards, its ticker pages). */
const published: string[] = [];
test.afterAll(() => deletePosts(published));

async function publishOnIwm(stamp: string, note: string) {
  const postId = `alert-${stamp}`;
  published.push(postId);
  const title = `Small caps check ${stamp}`;
  await lakeClient().createOrReplace({
    _id: postId,
    _type: "post",
    title,
    slug: { _type: "slug", current: `small-caps-check-${stamp}` },
    publishedAt: new Date(Date.now() - 10_000).toISOString(),
    author: { _type: "reference", _ref: AUTHOR },
    summary: `Breadth, again (${stamp}).`,
    tickers: [
      {
        _key: "iwm",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-IWM" },
        note,
        position: "long",
      },
    ],
  });
  return { postId, title };
}

const header = (mail: ReceivedMail, name: string) =>
  mail.mail.headerLines
    .find((line) => line.key === name)
    ?.line.replace(/\r?\n\s+/g, " ")
    .replace(/^[^:]+:\s*/, "");

test("a reader gets an alert with the IWM note, unsubscribes in one click, and the next post sends nothing", async ({
  page,
  request,
  signIn,
  tickerPage,
  accountPage,
  newReader,
  smtp,
}) => {
  test.setTimeout(180_000);
  const email = `alerts-${Date.now().toString(36)}@example.com`;
  await signIn.signInByEmail(email);
  const stamp = Date.now().toString(36);
  const note = `Rates down, small caps up: the IWM read for ${stamp}.`;

  await test.step("watch IWM and choose instant alerts", async () => {
    const watch = await tickerPage.watchButton("IWM");
    await watch.click();
    await expect(watch).toHaveAttribute("aria-pressed", "true");
    // A reader who has not chosen yet is offered email alerts beside the star.
    await page.getByRole("link", { name: "Choose email alerts" }).click();
    await expect(page).toHaveURL(/\/account#email-alerts$/);
    await accountPage.chooseAlerts("As soon as published");
    await expect(accountPage.status).toHaveText(/Saved\. An email as soon as we publish/);
    await page.reload();
    await expect(page.getByRole("radio", { name: /^As soon as published/ })).toBeChecked();
  });

  const first = await publishOnIwm(stamp, note);
  const alert =
    await test.step("the alert arrives with the IWM note and a working link", async () => {
      const mail = await smtp.takeMailTo(email, 60_000);
      expect(mail.mail.subject).toBe(`IWM: ${first.title}`);
      expect(mail.mail.text).toContain("Why IWM matters here");
      expect(mail.mail.text).toContain(note);
      expect(mail.mail.text).toContain("Author position: long IWM");
      const link = /Read the insight: (\S+)/.exec(mail.mail.text ?? "")?.[1];
      expect(link).toBeDefined();
      expect(new URL(link!).origin).toBe(new URL(siteUrl).origin);
      await page.goto(link!);
      await expect(page.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
      return mail;
    });

  await test.step("one-click unsubscribe, and the footer link's page says so", async () => {
    const oneClick = /^<([^>]+)>$/.exec(header(alert, "list-unsubscribe") ?? "")?.[1];
    expect(oneClick).toBeDefined();
    expect(header(alert, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // As a mail client posts it: no cookie, a form body.
    const response = await request.post(oneClick!, {
      form: { "List-Unsubscribe": "One-Click" },
      headers: { cookie: "" },
    });
    expect(response.status()).toBe(200);
    const footer = /Unsubscribe: (\S+)/.exec(alert.mail.text ?? "")?.[1];
    await page.goto(footer!);
    await expect(page.getByText(`${email} gets no email alerts from Daily Insight.`)).toBeVisible();
    await accountPage.goto();
    await expect(page.getByRole("radio", { name: /^Off/ })).toBeChecked();
  });

  await test.step("the next post on IWM reaches a subscribed reader, and not them", async () => {
    const other = await newReader("still-subscribed");
    await (await other.tickerPage.watchButton("IWM")).click();
    await other.accountPage.goto();
    await other.accountPage.chooseAlerts("As soon as published");
    await expect(other.accountPage.status).toHaveText(/Saved/);
    const second = await publishOnIwm(`${stamp}-2`, `${note} Again.`);
    const theirs = await smtp.takeMailTo(other.email, 60_000);
    expect(theirs.mail.subject).toBe(`IWM: ${second.title}`);
    // Both readers' alerts are written in one transaction: the other's arrived, so theirs would
    // have been queued too.
    const alertsToThem = smtp.received.filter(
      (entry) => entry.envelopeTo.includes(email) && entry.mail.subject?.startsWith("IWM:"),
    );
    expect(alertsToThem.map((entry) => entry.mail.subject)).toEqual([`IWM: ${first.title}`]);
  });
});
