import { BareStudio } from "./bare-studio";

export { metadata, viewport } from "next-sanity/studio";

// The Studio benchmark's baseline: Sanity's Studio embedded as next-sanity documents it, against
// the same local lake as the site's, with one document type and nothing else of ours.
export default function StudioPage() {
  return <BareStudio />;
}
