import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/site-url";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/api/", "/draft/"] },
    sitemap: absoluteUrl("/sitemap.xml", env.SITE_URL),
  };
}
