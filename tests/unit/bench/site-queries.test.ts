import { describe, expect, it } from "vitest";
import * as siteQueries from "@/lib/sanity/queries";
import { paramsOf, SITE_QUERY_CASES, siteQueryCases } from "../../bench/site-queries.ts";

// `npm run bench -- lake` measures every query the site runs: one without a case would go
// unmeasured, and a case without one of its query's parameters would measure an error.

describe("the lake bench's site queries", () => {
  it("has a case for every query lib/sanity/queries.ts exports, and no other", () => {
    expect(Object.keys(SITE_QUERY_CASES).sort()).toEqual(Object.keys(siteQueries).sort());
    expect(new Set(siteQueryCases().map((c) => c.name))).toEqual(new Set(Object.keys(siteQueries)));
  });

  it("gives each case exactly the parameters its query refers to", () => {
    for (const { name, label, query, params } of siteQueryCases()) {
      expect(Object.keys(params(0, Date.now())).sort(), `${name} (${label})`).toEqual(
        paramsOf(query),
      );
    }
  });
});
