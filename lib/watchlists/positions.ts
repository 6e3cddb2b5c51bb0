import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

// One UPDATE that renumbers rows 0, 1, 2… in the given order of their keys:
// `case <key> when $1 then 0 when $2 then 1 … end`. Lists are short (≤ 200 rows), so one
// statement beats a round trip per row. The positions are our own integers, not input.
export function positionsInOrder(key: AnyColumn, keys: readonly string[]): SQL<number> {
  const branches = keys.map((value, index) => sql`when ${value} then ${sql.raw(String(index))}`);
  return sql<number>`case ${key} ${sql.join(branches, sql` `)} end`;
}
