import type { StructureResolver } from "sanity/structure";

// Editors start from the day's posts; tickers and authors are reference data.
export const structure: StructureResolver = (S) =>
  S.list()
    .title("Content")
    .items([
      S.listItem()
        .title("Daily Insights")
        .schemaType("post")
        .child(
          S.documentTypeList("post")
            .title("Daily Insights")
            .defaultOrdering([{ field: "publishedAt", direction: "desc" }]),
        ),
      S.listItem()
        .title("Tickers")
        .schemaType("ticker")
        .child(
          S.documentTypeList("ticker")
            .title("Tickers")
            .defaultOrdering([{ field: "symbol", direction: "asc" }]),
        ),
      S.divider(),
      S.documentTypeListItem("author").title("Authors"),
    ]);
