// The email suite's baseline (tests/bench/email.ts): a bare nodemailer loop, in a process of its
// own as the worker is, sending messages the worker sent (their subject, HTML, text and
// unsubscribe headers, composed again by nodemailer as the worker's mailer composes them)
// over the same pooled transport (lib/email/mailer.ts: 8 connections, 8 sends in flight).
// Prints "start" before the first send, then its CPU time for the sends as JSON.
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
const transport = nodemailer.createTransport(input.url);
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
