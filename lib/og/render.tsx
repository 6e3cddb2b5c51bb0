import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { ogFonts } from "./fonts";
import { CARD_SIZE } from "./theme";

/** A card as the PNG response every image route returns. */
export function renderCard(element: ReactElement): ImageResponse {
  return new ImageResponse(element, { ...CARD_SIZE, fonts: ogFonts });
}
