import "server-only";
import { getTickerBySymbol } from "@/lib/sanity/tickers";
import type { FindCoveredSymbol } from "./commands";

/** Whether we cover a symbol is Sanity's answer: the ticker's symbol as Sanity has it, or null. */
export const findCoveredSymbol: FindCoveredSymbol = async (symbol) =>
  (await getTickerBySymbol(symbol))?.symbol ?? null;
