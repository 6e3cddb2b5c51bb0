// /twitter-image: the site's card (lib/og), and the default of every page that names none.
export { alt, contentType, default, size } from "@/lib/og/home-image";
