import type { MetadataRoute } from "next";
import { sitemapPath } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site/absolute-url";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/studio", "/api/", "/draft/"] },
    sitemap: absoluteUrl(sitemapPath),
  };
}
