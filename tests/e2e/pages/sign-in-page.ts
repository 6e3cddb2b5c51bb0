import { expect, type Page } from "@playwright/test";
import { linkIn, type TestSmtpServer } from "../../support/smtp.ts";
import { siteUrl } from "../env.ts";

/** The sign-in form at /signin, and the magic link the site emails to the worker's SMTP server. */
export class SignInPage {
  constructor(
    readonly page: Page,
    private readonly smtp: TestSmtpServer,
  ) {}

  async requestLink(email: string) {
    await this.page.getByLabel("Email address").fill(email);
    await this.page.getByRole("button", { name: "Email me a link" }).click();
  }

  async requestLinkAndWait(email: string) {
    await this.requestLink(email);
    await expect(this.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }

  /** The link in the next email to `email` (waits for it to arrive). */
  async linkFor(email: string): Promise<URL> {
    return linkIn(await this.smtp.takeMailTo(email));
  }

  /** Signs in by the emailed link, the whole real round trip, and lands on /account. */
  async signInByEmail(email: string): Promise<URL> {
    await this.page.goto("/signin?callbackUrl=%2Faccount");
    await this.requestLinkAndWait(email);
    const link = await this.linkFor(email);
    expect(link.origin).toBe(siteUrl);
    await this.page.goto(link.href);
    await expect(this.page).toHaveURL(`${siteUrl}/account`);
    await expect(this.signedInAs(email)).toBeVisible();
    return link;
  }

  signedInAs(email: string) {
    return this.page.getByText(`Signed in as ${email}.`);
  }

  /** Signs out from /account and waits for the sign-in page that confirms it. */
  async signOut() {
    await this.page.goto("/account");
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(`${siteUrl}/signin?signedOut=1`);
  }
}
