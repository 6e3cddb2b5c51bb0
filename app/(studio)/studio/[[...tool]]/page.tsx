import { Studio } from "./_components/studio";

export default function StudioPage() {
  return <Studio />;
}
