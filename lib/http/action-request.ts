// A server action request, checked before Next.js decodes it. Next answers 500 for everything
// that goes wrong between the request and our action: an Origin from another site ("Invalid
// Server Actions request", by design a 500), a body its decoder cannot read, a form naming an
// action that does not exist, a body over its 1 MB limit (vercel/next.js#86945; the fixes,
// #90101 and #98105, are open). proxy.ts runs this for every request that carries an action
// and answers what Next would have failed on with a 4xx that says what is wrong.
//
// The body check accepts what React's encodeReply writes for this app's actions (plain JSON
// values, FormData, dates, undefined, references to other parts of the same body) and refuses
// the rest of the reply protocol (server references, streams, blobs, typed arrays, maps, sets,
// promises), which no action here takes.

export type ActionVerdict =
  { ok: true } | { ok: false; status: 400 | 403 | 404 | 413; message: string };

/** Next's default serverActions.bodySizeLimit; past it Next answers 500. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;

const refuse = (status: 400 | 403 | 404 | 413, message: string): ActionVerdict => ({
  ok: false,
  status,
  message,
});
const unreadable = (detail: string) => refuse(400, `This form could not be read: ${detail}.`);

/** Whether a request asks for a server action: a fetch action, or a form posted without JS. */
export function carriesAction(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const type = request.headers.get("content-type") ?? "";
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type);
}

/** What the check needs to know of this build's actions (lib/http/action-ids.ts). */
export interface KnownActions {
  has(id: string): boolean;
  servesPage(id: string, pathname: string): boolean;
}

/**
 * `pathname` is the page the request is for, after proxy.ts's own rewrites; `actions` is
 * undefined where they are not known (development), and then Next decides.
 */
export async function checkActionRequest(
  request: Request,
  actions: KnownActions | undefined,
  pathname: string,
): Promise<ActionVerdict> {
  const origin = checkOrigin(request.headers);
  if (!origin.ok) return origin;
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) > ACTION_BODY_LIMIT) {
    return refuse(413, "This form is too large to send.");
  }
  const fetchAction = request.headers.get("next-action");
  const unknown = (id: string) => {
    if (actions === undefined) return undefined;
    if (!actions.has(id) || !actions.servesPage(id, pathname)) {
      return refuse(
        404,
        "This form does not belong to this page any more: reload the page and try again.",
      );
    }
    return undefined;
  };
  if (fetchAction !== null) {
    const missing = unknown(fetchAction);
    if (missing) return missing;
  }

  // proxy.ts sees at most ACTION_BODY_LIMIT + 1 bytes (proxyClientMaxBodySize in next.config):
  // one more than the limit means there were more.
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT) return refuse(413, "This form is too large to send.");
  let form: FormData;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } else {
      form = new FormData();
      form.append("0", new TextDecoder().decode(body));
    }
  } catch {
    return unreadable("its body is not a form");
  }

  if (fetchAction !== null) return checkReply(form, "", "0");

  // A form posted without JavaScript: `$ACTION_ID_<id>` names a plain action;
  // `$ACTION_REF_<n>` one with bound arguments, described in `$ACTION_<n>:0`.
  for (const key of form.keys()) {
    if (key.startsWith("$ACTION_ID_")) return unknown(key.slice(11)) ?? { ok: true };
    if (key.startsWith("$ACTION_REF_")) {
      const prefix = `$ACTION_${key.slice(12)}:`;
      const meta = parseJson(form.get(`${prefix}0`));
      if (!isRecord(meta) || typeof meta.id !== "string") {
        return unreadable("the action it names is not described");
      }
      const missing = unknown(meta.id);
      if (missing) return missing;
      if (meta.bound === null || meta.bound === undefined) return { ok: true };
      const bound = typeof meta.bound === "string" ? /^\$@([0-9a-f]+)$/.exec(meta.bound) : null;
      if (!bound?.[1]) return unreadable("its bound arguments are not a reference");
      return checkReply(form, prefix, String(parseInt(bound[1], 16)));
    }
  }
  // Next decodes any multipart form posted to a page as an action, and one that names none is
  // "Failed to find Server Action", a 500. Route handlers (under /api/) read their own forms:
  // a one-click unsubscribe (RFC 8058) may come as multipart.
  if (/^multipart\/form-data\b/i.test(type) && !pathname.startsWith("/api/")) {
    return refuse(400, "This form does not say what to do on this page: reload it and try again.");
  }
  return { ok: true };
}

/** Next's CSRF rule: an Origin must name the host the request was sent to. */
function checkOrigin(headers: Headers): ActionVerdict {
  const origin = headers.get("origin");
  if (origin === null) return { ok: true };
  let originHost: string | undefined;
  try {
    originHost = origin === "null" ? undefined : new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (originHost !== undefined && originHost === host) return { ok: true };
  return refuse(403, "This form was sent from another site, so it was not accepted.");
}

/** Walks the reply from its root part, following references to the parts they name. */
function checkReply(form: FormData, prefix: string, root: string): ActionVerdict {
  const models = new Map<string, unknown>();
  const pending = [root];
  while (pending.length > 0) {
    const id = pending.pop() ?? "";
    if (models.has(id)) continue;
    const model = parseJson(form.get(`${prefix}${id}`));
    if (model === undefined) return unreadable(`part ${id} is missing or is not JSON`);
    models.set(id, model);
    const problem = checkModel(model, 0, (target) => pending.push(target));
    if (problem) return unreadable(problem);
  }
  // References with a path must land on something inside the part they name.
  for (const model of models.values()) {
    const problem = checkPaths(model, models, 0);
    if (problem) return unreadable(problem);
  }
  if (!Array.isArray(models.get(root))) return unreadable("its arguments are not a list");
  return { ok: true };
}

const PLAIN_VALUES = new Set(["$undefined", "$Infinity", "$-Infinity", "$-0", "$NaN", "$T"]);

/** Problems with one decoded part, or undefined; `refer` is told every part it references. */
function checkModel(
  value: unknown,
  depth: number,
  refer: (id: string) => void,
): string | undefined {
  if (depth > MAX_DEPTH) return "it is nested too deeply";
  if (typeof value === "string") return checkString(value, refer);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkModel(item, depth + 1, refer);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isRecord(value)) {
    for (const item of Object.values(value)) {
      const problem = checkModel(item, depth + 1, refer);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkString(value: string, refer: (id: string) => void): string | undefined {
  if (!value.startsWith("$") || value.startsWith("$$") || PLAIN_VALUES.has(value)) return undefined;
  const kind = value[1] ?? "";
  const rest = value.slice(2);
  if (kind === "D") return Number.isNaN(Date.parse(rest)) ? "a date is not a date" : undefined;
  if (kind === "n") return /^-?\d{1,300}$/.test(rest) ? undefined : "a number is not a number";
  if (kind === "K") return /^[0-9a-f]+$/.test(rest) ? undefined : "a form reference is malformed";
  // `$<hex>` or `$<hex>:key:key`: another part, or a value inside it.
  const outlined = /^\$([0-9a-f]+)((?::[^:]+)*)$/.exec(value);
  if (outlined?.[1]) {
    refer(String(parseInt(outlined[1], 16)));
    return undefined;
  }
  return `it uses a value this site does not accept (${value.slice(0, 3)}…)`;
}

function checkPaths(
  value: unknown,
  models: Map<string, unknown>,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) return "it is nested too deeply";
  if (typeof value === "string") {
    const outlined = /^\$([0-9a-f]+)((?::[^:]+)*)$/.exec(value);
    if (!outlined?.[1] || value.startsWith("$$")) return undefined;
    let target = models.get(String(parseInt(outlined[1], 16)));
    for (const key of (outlined[2] ?? "").split(":").slice(1)) {
      if (!(Array.isArray(target) || isRecord(target)) || !Object.hasOwn(target, key)) {
        return "a reference points at nothing";
      }
      target = (target as Record<string, unknown>)[key];
    }
    return undefined;
  }
  const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
  for (const item of items) {
    const problem = checkPaths(item, models, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function parseJson(part: FormDataEntryValue | null): unknown {
  if (typeof part !== "string") return undefined;
  try {
    return JSON.parse(part) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
