// The app's one error type. Expected absence is `notFound()`, not an AppError; an AppError is
// a failure the caller cannot fix by asking for something else. Route handlers turn any thrown
// value into a response through `errorResponse`, so details are logged here and never sent.

export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** The request clashes with what is stored (a name already taken, a list changed meanwhile). */
  conflict: 409,
  /** A request body over the endpoint's limit. */
  payload_too_large: 413,
  /** A per-reader limit is reached (lists per reader, tickers per list). */
  limit_reached: 422,
  misconfigured: 500,
  content_unavailable: 503,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A JSON error response: the AppError's code and message, or a generic 500 for anything else. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    if (error.status >= 500) console.error(error);
    return Response.json({ error: error.code, message: error.message }, { status: error.status });
  }
  console.error(error);
  return Response.json({ error: "internal", message: "Internal error" }, { status: 500 });
}
