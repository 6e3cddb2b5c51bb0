import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "selfsigned";
import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./persistence.ts";

export interface Certificate {
  key: string;
  cert: string;
  /** Where the certificate is stored, to trust it once in a browser. */
  certPath: string;
}

/**
 * A self-signed certificate for localhost, *.localhost (the Studio calls
 * https://<projectId>.localhost:PORT), 127.0.0.1 and ::1: generated once, then reused.
 */
export async function loadOrCreateCertificate(dir: string): Promise<Certificate> {
  const keyPath = path.join(dir, "localhost-key.pem");
  const certPath = path.join(dir, "localhost-cert.pem");
  try {
    return {
      key: await readFile(keyPath, "utf8"),
      cert: await readFile(certPath, "utf8"),
      certPath,
    };
  } catch {
    // Not generated yet.
  }
  const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfterDate = new Date(Date.now() + 825 * 24 * 3600 * 1000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 2, value: "*.localhost" },
          { type: 2, value: "local.localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  await ensurePrivateDir(dir);
  await writeFile(keyPath, pems.private, { mode: PRIVATE_FILE_MODE });
  await writeFile(certPath, pems.cert, { mode: PRIVATE_FILE_MODE });
  return { key: pems.private, cert: pems.cert, certPath };
}
