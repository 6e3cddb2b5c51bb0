// Errors shaped like the Content Lake's, so @sanity/client turns them into the same messages.

export class LakeError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, message?: string) {
    super(message ?? (typeof body === "string" ? body : JSON.stringify(body)));
    this.status = status;
    this.body = body;
  }
}

/** `{error, message, statusCode}`: the shape of Sanity's plain HTTP errors. */
export function httpError(status: number, error: string, message: string): LakeError {
  return new LakeError(status, { error, message, statusCode: status }, message);
}

export const badRequest = (message: string) => httpError(400, "Bad Request", message);
export const notFound = (message = "Not found") => httpError(404, "Not Found", message);
export const unauthorized = (message = "Missing or invalid token") =>
  httpError(401, "Unauthorized", message);
export const datasetNotFound = (dataset: string) =>
  httpError(404, "Not Found", `Dataset "${dataset}" not found`);

export interface ItemError {
  type: string;
  description: string;
  id?: string;
}

/** `{error: {type: 'mutationError' | 'actionError', description, items}}`, as Sanity answers a failed transaction. */
export function transactionError(
  kind: "mutationError" | "actionError",
  status: number,
  item: ItemError,
  index = 0,
): LakeError {
  const prefix = kind === "mutationError" ? "The mutation(s) failed" : "The action(s) failed";
  const description = `${prefix}: ${item.description}`;
  return new LakeError(
    status,
    { error: { type: kind, description, items: [{ error: item, index }] } },
    description,
  );
}

export class TransactionItemError extends Error {
  readonly status: number;
  readonly item: ItemError;
  constructor(status: number, item: ItemError) {
    super(item.description);
    this.status = status;
    this.item = item;
  }
}

export const conflict = (type: string, description: string, id?: string) =>
  new TransactionItemError(409, { type, description, id });
export const invalid = (description: string, id?: string) =>
  new TransactionItemError(400, { type: "validationError", description, id });
