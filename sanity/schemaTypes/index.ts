import type { SchemaTypeDefinition } from "sanity";
import { authorType } from "./author.ts";
import { blockContentType } from "./block-content.ts";
import { chartType } from "./chart.ts";
import { keyPointType } from "./key-point.ts";
import { postType } from "./post.tsx";
import { tickerMentionType } from "./ticker-mention.ts";
import { tickerType } from "./ticker.ts";

export const schemaTypes: SchemaTypeDefinition[] = [
  postType,
  tickerType,
  authorType,
  tickerMentionType,
  keyPointType,
  chartType,
  blockContentType,
];
