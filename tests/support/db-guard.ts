// Tests create and drop whole databases, so they refuse to point at anything but this machine.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The server the tests use: TEST_DATABASE_URL, else the local `test` database as root. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL || "postgres://root@127.0.0.1:5432/test";
  assertLocalDatabaseUrl(url);
  return url;
}

export function assertLocalDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("TEST_DATABASE_URL is not a URL; use e.g. postgres://root@127.0.0.1:5432/test");
  }
  // pg takes the host from ?host= (a socket directory), else from the URL, else from PGHOST.
  const host = parsed.searchParams.get("host") || parsed.hostname || process.env.PGHOST || "";
  const isSocket = host === "" || host.startsWith("/");
  if (!isSocket && !LOCAL_HOSTS.has(host.toLowerCase())) {
    throw new Error(
      `Refusing to run tests against the database host "${host}": tests create and drop ` +
        "databases, so only localhost, 127.0.0.1, ::1 or a unix socket is allowed. " +
        "Set TEST_DATABASE_URL to a local server (postgres://root@127.0.0.1:5432/test).",
    );
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
