import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "../support/smtp.ts";
import { e2e, siteUrl } from "./env.ts";
import { expect, test as base } from "./fixtures.ts";

// What reader specs share: a real SMTP server in the worker (serve.ts points the site's
// EMAIL_SERVER at E2E_SMTP_PORT), and signing in by the link it receives.

export { expect };

export const test = base.extend<object, { smtp: TestSmtpServer }>({
  smtp: [
    async ({}, use) => {
      const smtp = await startTestSmtpServer(e2e.smtpPort);
      await use(smtp);
      await smtp.close();
    },
    { scope: "worker" },
  ],
});

export const newAddress = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.com`;

export class SignInPage {
  constructor(readonly page: Page) {}

  async requestLink(email: string) {
    await this.page.getByLabel("Email address").fill(email);
    await this.page.getByRole("button", { name: "Email me a link" }).click();
  }

  async requestLinkAndWait(email: string) {
    await this.requestLink(email);
    await expect(this.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }

  async signInByEmail(smtp: TestSmtpServer, email: string): Promise<URL> {
    await this.page.goto("/signin?callbackUrl=%2Faccount");
    await this.requestLinkAndWait(email);
    const link = linkIn(await smtp.takeMailTo(email));
    expect(link.origin).toBe(siteUrl);
    await this.page.goto(link.href);
    await expect(this.page).toHaveURL(`${siteUrl}/account`);
    await expect(this.page.getByText(`Signed in as ${email}.`)).toBeVisible();
    return link;
  }
}
