// The email suite's baseline (tests/bench/email.ts): a bare nodemailer loop, in a process of its
// own as the worker is, sending messages the worker sent (their subject, HTML, text and
// unsubscribe headers, composed again by nodemailer as the worker's mailer composes them)
// over the same pooled transport (lib/email/mailer.ts: 8 connections, 8 sends in flight; a
// change to that transport belongs here too, or the budget compares different transports).
// Prints "start" before the first send, then its CPU time for the sends as JSON.
//
// With --no-delay (a diagnostic) its connections are opened with TCP_NODELAY: without it, each
// message waits about 40 ms on every connection for the end of its DATA (a last small segment
// that Nagle's algorithm holds back until the server's delayed ACK), which caps 8 connections at
// roughly 8 × 21 messages a second however fast the sender is.
import { connect } from "node:net";
import { readFile } from "node:fs/promises";
import nodemailer from "nodemailer";

interface LoopMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

interface LoopInput {
  /** The transport URL, as lib/email/mailer.ts builds it (pool=true&maxConnections=8…). */
  url: string;
  from: string;
  count: number;
  concurrency: number;
  messages: LoopMessage[];
}

const input = JSON.parse(await readFile(process.argv[2]!, "utf8")) as LoopInput;
const noDelay = process.argv.includes("--no-delay");

/** The URL's settings as an options object (nodemailer ignores getSocket beside a URL). */
function transportOptions(server: string) {
  const url = new URL(server);
  const settings = Object.fromEntries(
    [...url.searchParams].map(([key, value]) => [
      key,
      value === "true" ? true : Number.isNaN(Number(value)) ? value : Number(value),
    ]),
  );
  return {
    host: url.hostname,
    port: Number(url.port),
    ...settings,
    getSocket(
      _options: unknown,
      callback: (error: Error | null, socket?: { connection: unknown }) => void,
    ) {
      const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      socket.once("connect", () => callback(null, { connection: socket }));
      socket.once("error", (error) => callback(error));
    },
  };
}

const transport = noDelay
  ? nodemailer.createTransport(transportOptions(input.url))
  : nodemailer.createTransport(input.url);
const cpu = process.cpuUsage();
console.log("start");
let next = 0;
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (next < input.count) {
      const message = input.messages[next++ % input.messages.length]!;
      const result = await transport.sendMail({ from: input.from, ...message });
      if (result.rejected.length > 0) throw new Error(`the sink refused ${message.to}`);
    }
  }),
);
const used = process.cpuUsage(cpu);
transport.close();
console.log(JSON.stringify({ cpuMicros: used.user + used.system }));
