import Link from "next/link";
import { StatusMessage } from "@/components/status-message";
import { accountPath } from "@/lib/routes";

export default function AccountNotFound() {
  return (
    <StatusMessage title="Not found">
      <p>There is no such page here.</p>
      <p>
        <Link href={accountPath}>Your account</Link> · <Link href="/">Latest insights</Link>
      </p>
    </StatusMessage>
  );
}
