import type { ReactNode } from "react";

export const metadata = { title: "Bare Next page", description: "The benchmarks' baseline." };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
