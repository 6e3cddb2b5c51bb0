import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, signUnsubscribeToken } from "@/lib/email/unsubscribe-token";

const SECRET = "a-secret-of-at-least-thirty-two-bytes-long";

describe("unsubscribe tokens", () => {
  it("name the reader they were signed for", () => {
    const token = signUnsubscribeToken("user-1", SECRET);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(readUnsubscribeToken(token, SECRET)).toBe("user-1");
  });

  it("refuse another secret, another reader, a cut or padded token, and what is not a string", () => {
    const token = signUnsubscribeToken("user-1", SECRET);
    const [, mac] = token.split(".");
    const other = `${Buffer.from("user-2").toString("base64url")}.${mac}`;
    for (const bad of [
      signUnsubscribeToken("user-1", "another-secret-of-thirty-two-bytes!!"),
      other,
      token.slice(0, -2),
      `${token}.x`,
      `${token}AA`,
      ".",
      "",
      undefined,
      42,
    ]) {
      expect(readUnsubscribeToken(bad, SECRET)).toBeNull();
    }
  });
});
