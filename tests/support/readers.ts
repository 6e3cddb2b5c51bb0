import { randomUUID } from "node:crypto";
import { users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** A reader row as next-auth's adapter creates it; returns the user id. */
export async function createReader(db: Db, name: string): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${name}-${id}@example.com` });
  return id;
}
