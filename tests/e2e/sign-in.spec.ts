import type { Page } from "@playwright/test";
import { linkIn } from "../support/smtp.ts";
import { siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { newAddress } from "./readers.ts";

// Reader sign-in against the production build: the site sends real magic links over SMTP to a
// server this worker runs (serve.ts points EMAIL_SERVER at E2E_SMTP_PORT), and the reader
// opens the link from the received message. Every test here signs in by email itself.

async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(`${siteUrl}/signin?callbackUrl=%2Faccount`);
  await expect(page.getByLabel("Email address")).toBeVisible();
}

test("a reader signs in by the emailed link, signs out, and signs in again", async ({
  page,
  context,
  signIn,
  smtp,
}) => {
  const email = newAddress("reader");

  const link = await test.step("sign in by the link in the email", async () => {
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
    await expect(signIn.signedInAs(email)).toBeVisible();
    return link;
  });
  const signedInCookies = await context.cookies();

  await test.step("sign out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${siteUrl}/signin?signedOut=1`);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("You have signed out.");
    await expectSignedOut(page);
  });

  await test.step("the old cookie opens nothing: the session is gone", async () => {
    await context.clearCookies();
    await context.addCookies(signedInCookies);
    await expectSignedOut(page);
  });

  await test.step("a used link does not work twice", async () => {
    await page.goto(link.href);
    await expect(page).toHaveURL(`${siteUrl}/signin?error=Verification`);
    await expect(page.getByRole("main").getByRole("alert").first()).toHaveText(
      "That sign-in link has expired or has already been used. Request a new one below.",
    );
  });

  await test.step("sign in again with a new link", async () => {
    await signIn.signInByEmail(email);
  });
});

test("two readers each see their own account", async ({ newReader }) => {
  const readers = [await newReader("first"), await newReader("second")];
  for (const [index, { page, email }] of readers.entries()) {
    await page.goto("/account");
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    await expect(page.getByText(readers[1 - index]?.email ?? "")).toHaveCount(0);
  }
});

test.describe(() => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form works without JavaScript", async ({ page, signIn }) => {
    const email = newAddress("no-js");
    await page.goto("/signin");
    await signIn.requestLinkAndWait(email);
    await page.goto((await signIn.linkFor(email)).href);
    await expect(signIn.signedInAs(email)).toBeVisible();
  });
});

test("too many links for one address are refused with a clear message", async ({
  page,
  signIn,
  smtp,
}) => {
  const email = newAddress("eager");
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
