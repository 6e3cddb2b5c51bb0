// An alert or a digest as a message: subject, HTML (React Email) and a plain-text part. The text
// part is written from the same data and the same words (`copy`), not scraped from the HTML:
// scraped, it shouts headings in capitals and runs links into sentences. Imported by the worker
// under plain Node (tsx), hence relative imports with extensions and nothing of Next.
import { render } from "@react-email/render";
import { createElement } from "react";
import { AppError } from "../errors.ts";
import type {
  AlertPost,
  AlertTicker,
  MessageLinks,
  PostForReader,
  RenderedEmail,
} from "./alert-content.ts";
import { AlertEmail, copy } from "./templates/alert-email.tsx";
import { DigestEmail, digestCopy, digestSymbols, postCount } from "./templates/digest-email.tsx";

/** Subjects name at most this many symbols, then "+N". */
const SUBJECT_SYMBOLS = 3;

export interface AlertEmailInput {
  post: AlertPost;
  /** The reader's watched tickers the post covers, in the post's order (at least one). */
  tickers: AlertTicker[];
  links: MessageLinks;
}

export interface DigestEmailInput {
  /** The reader's day, as they read it: "Friday, January 16, 2026". */
  dayLabel: string;
  /** The day's posts on the reader's tickers, in the order to show them (at least one). */
  posts: PostForReader[];
  links: MessageLinks;
}

/** "IWM", "IWM, SPY, QQQ", "IWM, SPY, QQQ +2". */
export function subjectSymbols(symbols: string[]): string {
  const shown = symbols.slice(0, SUBJECT_SYMBOLS).join(", ");
  const more = symbols.length - SUBJECT_SYMBOLS;
  return more > 0 ? `${shown} +${more}` : shown;
}

/** A header is one line: a title pasted with a line break must not break the subject. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

export const alertSubject = ({ post, tickers }: Pick<AlertEmailInput, "post" | "tickers">) =>
  `${subjectSymbols(tickers.map((t) => t.symbol))}: ${oneLine(post.title)}`;

export const digestSubject = (posts: PostForReader[]) =>
  `${digestCopy.heading}: ${postCount(posts.length)} on ${subjectSymbols(digestSymbols(posts))}`;

export async function renderAlertEmail(input: AlertEmailInput): Promise<RenderedEmail> {
  if (input.tickers.length === 0) {
    throw new AppError("internal", `An alert for post ${input.post.id} names no watched ticker.`);
  }
  const subject = alertSubject(input);
  const html = await render(createElement(AlertEmail, { ...input, subject }));
  const symbols = input.tickers.map((t) => t.symbol);
  const text = lines(
    [copy.alertLead(symbols), ""],
    postText(input),
    footerText(symbols, input.links),
  );
  return { subject, html, text };
}

export async function renderDigestEmail(input: DigestEmailInput): Promise<RenderedEmail> {
  if (input.posts.length === 0) throw new AppError("internal", "A digest needs at least one post.");
  const subject = digestSubject(input.posts);
  const html = await render(createElement(DigestEmail, { ...input, subject }));
  const text = lines(
    [digestCopy.heading, digestCopy.lead(input.dayLabel, input.posts)],
    ...input.posts.map((p) => ["", RULE, "", ...postText(p)]),
    footerText(digestSymbols(input.posts), input.links),
  );
  return { subject, html, text };
}

const RULE = "────────";

function postText({ post, tickers }: PostForReader): string[] {
  const byline = copy.byline(post);
  return [
    post.title,
    ...(byline ? [byline] : []),
    ...(post.summary ? ["", post.summary] : []),
    ...tickers.flatMap((t) => ["", copy.why(t.symbol), copy.note(t), copy.position(t)]),
    "",
    `${copy.read}: ${post.url}`,
  ];
}

function footerText(symbols: string[], links: MessageLinks): string[] {
  return [
    "",
    RULE,
    "",
    copy.reason(symbols),
    `${copy.manage}: ${links.settingsUrl}`,
    `${copy.unsubscribe}: ${links.unsubscribeUrl}`,
    "",
    copy.disclaimer,
  ];
}

const lines = (...blocks: string[][]) => `${blocks.flat().join("\n")}\n`;
