// The Sanity CLI (`sanity dev`, `schema extract`, typegen) looks for the Studio config at the
// project root; the config itself lives with the Studio in sanity/.
export { default } from "./sanity/sanity.config.ts";
