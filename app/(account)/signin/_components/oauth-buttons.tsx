import type { OAuthProviderOption } from "@/lib/auth";
import { signInWithProvider } from "../actions";

/** One small form per configured provider: plain POSTs, so they work without JavaScript. */
export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: OAuthProviderOption[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="signin-other-ways" className="account-oauth">
      <h2 id="signin-other-ways" className="account-oauth__title">
        Or continue with
      </h2>
      <ul className="account-oauth__list">
        {providers.map((provider) => (
          <li key={provider.id}>
            <form action={signInWithProvider}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="button button--secondary">
                Continue with {provider.name}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
