import { describe, expect, it } from "vitest";
import { publishedId } from "@/lib/content/ids";

describe("publishedId", () => {
  it("maps drafts and release versions to the published id", () => {
    expect(publishedId("drafts.ticker-IWM")).toBe("ticker-IWM");
    expect(publishedId("versions.rABC.ticker-IWM")).toBe("ticker-IWM");
    expect(publishedId("ticker-IWM")).toBe("ticker-IWM");
  });

  it("keeps the dots of the id itself", () => {
    expect(publishedId("versions.rABC.post.with.dots")).toBe("post.with.dots");
    expect(publishedId("drafts.post.with.dots")).toBe("post.with.dots");
    expect(publishedId("post.with.dots")).toBe("post.with.dots");
  });
});
