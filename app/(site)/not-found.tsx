import Link from "next/link";
import { StatusMessage } from "@/components/status-message";

export default function NotFound() {
  return (
    <StatusMessage title="Not found">
      <p>We could not find that insight or ticker. It may have been renamed or unpublished.</p>
      <p>
        <Link href="/">Read the latest insights</Link>
      </p>
    </StatusMessage>
  );
}
