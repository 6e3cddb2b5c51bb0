import { Head, Html, Main, NextScript } from "next/document";
import { THEME_INIT_SCRIPT } from "@/components/theme-script";

// The document of pages/500.tsx, the one Pages Router page: what components/site-document.tsx
// gives the App Router pages, the language and the reader's theme applied before first paint.
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
