/**
 * RFC 9457 problem+json errors. Every API error carries a stable `code`; the UI shows a human
 * message per code (messages.ts) and never the raw server text alone.
 */

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

/** Codes the client makes up itself when there is no problem body to read. */
export const CLIENT_CODES = {
  network: 'NETWORK_ERROR',
  unknown: 'UNKNOWN_ERROR',
} as const;

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** Seconds from the `Retry-After` header (429, 503), if any. */
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    retryAfterSeconds?: number;
    requestId?: string;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }

  /** Whether sending the very same request again (same idempotency key) may succeed. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || this.code === 'IDEMPOTENCY_KEY_IN_USE';
  }
}

export function isProblem(e: unknown): e is ApiProblem {
  return e instanceof ApiProblem;
}

/** `Retry-After` is either delta-seconds or an HTTP date; answers whole seconds (≥ 0). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/** Reads a failed response into an ApiProblem, whatever its body (problem+json, other JSON, text). */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') body = parsed as ProblemBody;
    } catch {
      // an unreadable body: fall back on the status
    }
  }
  const code =
    typeof body.code === 'string' && body.code !== ''
      ? body.code
      : (CODE_BY_STATUS[response.status] ?? (response.status >= 500 ? 'SERVICE_UNAVAILABLE' : CLIENT_CODES.unknown));
  return new ApiProblem({
    status: response.status,
    code,
    title: body.title,
    detail: body.detail,
    errors: Array.isArray(body.errors) ? body.errors : [],
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    requestId: response.headers.get('X-Request-Id') ?? undefined,
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  const aborted = cause instanceof DOMException && cause.name === 'AbortError';
  return new ApiProblem({
    status: 0,
    code: aborted ? 'ABORTED' : CLIENT_CODES.network,
    title: aborted ? 'Request aborted' : 'Network error',
  });
}
