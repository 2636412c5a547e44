import { ApiProblem } from './problem';

/** A sentence per stable error code, written for shoppers and creators rather than developers. */
const MESSAGES: Record<string, string> = {
  // buying
  SOLD_OUT: 'Sold out — there is not enough stock left for this order.',
  PER_USER_LIMIT_EXCEEDED: 'You have reached the limit per customer for this drop.',
  DROP_NOT_LIVE: 'This drop is not live right now.',
  DROP_NOT_FOUND: 'This drop does not exist.',
  ADMISSION_REQUIRED: 'Your turn in the waiting room is needed to buy — join the line or wait for your turn.',
  ORDER_NOT_PAYABLE: 'This order can no longer be paid (it was paid, cancelled or its hold expired).',
  ORDER_NOT_CANCELLABLE: 'This order can no longer be cancelled.',
  ORDER_NOT_FOUND: 'This order does not exist.',
  IDEMPOTENCY_KEY_IN_USE: 'Your previous attempt is still being processed — try again in a moment.',
  IDEMPOTENCY_KEY_REUSED: 'This attempt was already sent with different details. Start again.',
  IDEMPOTENCY_KEY_MISSING: 'The request was missing its idempotency key.',
  // waiting room
  QUEUE_NOT_OPEN: 'The waiting room is not open right now.',
  NO_WAITING_ROOM: 'This drop has no waiting room.',
  // overload and limits
  RATE_LIMITED: 'Too many requests — slow down a little.',
  SERVICE_UNAVAILABLE: 'We are very busy right now.',
  UPSTREAM_TIMEOUT: 'That took too long to answer.',
  PAYLOAD_TOO_LARGE: 'That is too large to send.',
  // auth
  UNAUTHENTICATED: 'Please sign in to continue.',
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  EMAIL_TAKEN: 'An account with that email already exists.',
  REFRESH_TOKEN_REUSED: 'Your session ended for safety. Please sign in again.',
  INVALID_REFRESH_TOKEN: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  // creators, products, follows
  NOT_A_CREATOR: 'Only creators can do this — set up your creator profile first.',
  ALREADY_CREATOR: 'You already have a creator profile.',
  HANDLE_TAKEN: 'That handle is taken — pick another one.',
  CREATOR_NOT_FOUND: 'This creator does not exist.',
  CANNOT_FOLLOW_SELF: 'You cannot follow yourself.',
  PRODUCT_NOT_FOUND: 'This product does not exist.',
  DROP_NOT_EDITABLE: 'A drop can only be changed before it starts.',
  UPLOAD_FAILED: 'The image could not be uploaded to storage. Try again or continue without it.',
  NOTIFICATION_NOT_FOUND: 'This notification is gone.',
  // generic
  VALIDATION_FAILED: 'Some of the details are not valid.',
  INVALID_CURSOR: 'This list could not be continued — reload the page.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That conflicts with the current state — reload and try again.',
  NETWORK_ERROR: 'Cannot reach LiveDrop — check your connection.',
  ABORTED: 'The request was cancelled.',
  UNKNOWN_ERROR: 'Something went wrong.',
};

const PAYMENT_FAILURES: Record<string, string> = {
  card_declined: 'Your card was declined. Try another card.',
  insufficient_funds: 'Your card has insufficient funds. Try another card.',
  provider_unavailable: 'The payment provider did not answer. You were not charged — try again.',
};

export function paymentFailureMessage(failureCode: string | null | undefined): string {
  return (failureCode && PAYMENT_FAILURES[failureCode]) || 'The payment failed. You were not charged — try again.';
}

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`;
}

/** The human message for a problem, with the wait from Retry-After when there is one. */
export function messageFor(problem: ApiProblem): string {
  const base = MESSAGES[problem.code] ?? problem.detail ?? problem.title ?? MESSAGES.UNKNOWN_ERROR;
  const wait = problem.retryAfterSeconds;
  if (wait !== undefined && (problem.status === 429 || problem.status === 503)) {
    return `${base} Try again in ${seconds(wait)}.`;
  }
  if (problem.status === 503 || problem.status === 504) return `${base} Please try again.`;
  return base;
}

/** Error messages from a VALIDATION_FAILED problem, keyed by field name. */
export function fieldErrors(problem: unknown): Record<string, string> {
  if (!(problem instanceof ApiProblem)) return {};
  const out: Record<string, string> = {};
  for (const e of problem.errors) {
    if (e && typeof e.field === 'string' && !(e.field in out)) out[e.field] = e.message;
  }
  return out;
}
