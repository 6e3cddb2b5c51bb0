import { test as setup } from "./fixtures.ts";
import { signedInReader } from "./readers.ts";

// The setup project (playwright.config.ts): signs one reader in through the real emailed link
// before the specs run, and saves the browser's storage state (the session cookie) for the specs
// that only need someone signed in. sign-in.spec.ts keeps testing the round trip itself.

setup("a reader signs in by the emailed link, once for the run", async ({ page, signIn }) => {
  await signIn.signInByEmail(signedInReader.email);
  await page.context().storageState({ path: signedInReader.storageState });
});
