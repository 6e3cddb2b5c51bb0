import type { Metadata } from "next";
import Link from "next/link";
import { disclosuresPath, homePath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";

export const metadata: Metadata = {
  title: "Disclaimer and disclosures",
  description:
    "Daily Insight is market commentary, not investment advice: how authors disclose their " +
    "positions, how we correct mistakes, and the limits of what we publish.",
  alternates: pageAlternates(disclosuresPath),
};

// The site's full disclaimer and disclosure policy, linked from every article and the footer.
// Static: it changes with a deploy, not with content.
export default function DisclosuresPage() {
  return (
    <article className="prose-page">
      <h1 className="page-title">Disclaimer and disclosures</h1>
      <p className="page-intro">
        What Daily Insight is, what it is not, and what our authors tell you about themselves.
      </p>

      <h2>Commentary, not advice</h2>
      <p>
        Daily Insight publishes commentary on the markets for general information. Nothing we
        publish is investment, tax, legal or accounting advice, an offer or solicitation to buy or
        sell any security, or a recommendation that any security, portfolio or strategy suits you.
        Markets move; figures, charts and views are as of the time of publication and may be out of
        date when you read them. Past performance does not predict future results. Consider your own
        circumstances and, where you need it, a licensed adviser before you act.
      </p>

      <h2>Author positions</h2>
      <p>
        Every insight states, beside each ticker it discusses, the author&rsquo;s position in it
        when the insight was published: <em>long</em> (the author holds or benefits from a rise),
        <em> short</em> (the author benefits from a fall) or <em>none</em>. A post cannot be
        published without a position for every ticker it discusses. Positions include holdings
        through options and other derivatives, and accounts the author controls.
      </p>
      <p>
        Each author&rsquo;s page carries their standing disclosure: anything else readers should
        know about their interests, such as affiliations or how they are paid. Authors are not paid
        by the companies or funds they write about.
      </p>

      <h2>Corrections</h2>
      <p>
        When we get something wrong we say so at the top of the insight, with the time and what
        changed, and in its feed item. We label each note as a correction (a factual error), an
        update (new information since publication) or a clarification (wording that could mislead).
        Published corrections are never removed or rewritten.
      </p>

      <h2>Data and sources</h2>
      <p>
        Charts and figures come from the sources named beside them. We take care that they are
        accurate but cannot guarantee it, and third-party data may be delayed or revised.
      </p>

      <p>
        <Link href={homePath}>Back to the latest insights</Link>
      </p>
    </article>
  );
}
