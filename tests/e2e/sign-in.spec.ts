import type { BrowserContext, Page } from "@playwright/test";
import { linkIn } from "../support/smtp.ts";
import { siteUrl } from "./env.ts";
import { expect, newAddress, SignInPage, test } from "./reader.ts";

// Reader sign-in against the production build: the site sends real magic links over SMTP to a
// server this worker runs (serve.ts points EMAIL_SERVER at E2E_SMTP_PORT), and the reader
// opens the link from the received message.

async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(`${siteUrl}/signin?callbackUrl=%2Faccount`);
  await expect(page.getByLabel("Email address")).toBeVisible();
}

test("a reader signs in by the emailed link, signs out, and signs in again", async ({
  page,
  context,
  smtp,
}) => {
  const email = newAddress("reader");
  const signIn = new SignInPage(page);

  // The header's Account link leads a signed-out reader to the sign-in form and back.
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Account" })
    .click();
  await expect(page).toHaveURL(`${siteUrl}/signin?callbackUrl=%2Faccount`);
  await signIn.requestLinkAndWait(email);
  const mail = await smtp.takeMailTo(email);
  expect(mail.mail.subject).toBe("Sign in to Daily Insight");
  expect(mail.mail.from?.value[0]?.address).toBe("signin@daily-insight.test");
  const link = linkIn(mail);
  expect(link.searchParams.get("email")).toBe(email);
  expect(link.searchParams.get("callbackUrl")).toBe(`${siteUrl}/account`);
  await page.goto(link.href);
  await expect(page).toHaveURL(`${siteUrl}/account`);
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  const signedInCookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${siteUrl}/signin?signedOut=1`);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You have signed out.");
  await expectSignedOut(page);

  // The session is gone from the database, so the old cookie opens nothing either.
  await context.clearCookies();
  await context.addCookies(signedInCookies);
  await expectSignedOut(page);

  // A used link does not work twice.
  await page.goto(link.href);
  await expect(page).toHaveURL(`${siteUrl}/signin?error=Verification`);
  await expect(page.getByRole("main").getByRole("alert").first()).toHaveText(
    "That sign-in link has expired or has already been used. Request a new one below.",
  );

  await signIn.signInByEmail(smtp, email);
});

test("two readers each see their own account", async ({ browser, smtp }) => {
  const contexts: BrowserContext[] = [];
  try {
    const readers = [newAddress("first"), newAddress("second")];
    const pages: Page[] = [];
    for (const email of readers) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      pages.push(page);
      await new SignInPage(page).signInByEmail(smtp, email);
    }
    for (const [index, page] of pages.entries()) {
      await page.goto("/account");
      await expect(page.getByText(`Signed in as ${readers[index]}.`)).toBeVisible();
      await expect(page.getByText(readers[1 - index] ?? "")).toHaveCount(0);
    }
  } finally {
    for (const context of contexts) await context.close();
  }
});

test("the sign-in form works without JavaScript", async ({ browser, smtp }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const email = newAddress("no-js");
    await page.goto("/signin");
    await new SignInPage(page).requestLinkAndWait(email);
    const link = linkIn(await smtp.takeMailTo(email));
    await page.goto(link.href);
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("too many links for one address are refused with a clear message", async ({ page, smtp }) => {
  const email = newAddress("eager");
  const signIn = new SignInPage(page);
  for (let n = 1; n <= 5; n += 1) {
    await page.goto("/signin");
    await signIn.requestLinkAndWait(email);
    await smtp.takeMailTo(email);
  }
  await page.goto("/signin");
  await signIn.requestLink(email);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Too many sign-in links requested for this address\. Try again in \d+ minutes?\.$/,
  );
  await expect(page.getByLabel("Email address")).toHaveValue(email);
});

test("reader pages answer with real statuses, before any script runs", async ({ request }) => {
  const account = await request.get("/account", { maxRedirects: 0 });
  expect(account.status()).toBe(307);
  expect(account.headers().location).toBe("/signin?callbackUrl=%2Faccount");
  // The development mailbox does not exist in production.
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});
