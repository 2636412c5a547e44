/**
 * One user action (a click on "Buy now" or "Pay") is one attempt with one Idempotency-Key. Retrying
 * that attempt (after a network error, a 5xx, a 429 or IDEMPOTENCY_KEY_IN_USE) sends the same key
 * and the same body, so the server can never create a second order or charge. A new click starts a
 * new attempt with a new key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // Very old browsers: 122 random bits are just as unique.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Attempt<B> {
  readonly key: string;
  readonly body: B;
}

export function newAttempt<B>(body: B): Attempt<B> {
  return { key: newIdempotencyKey(), body };
}
