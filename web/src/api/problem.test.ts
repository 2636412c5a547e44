import { describe, expect, it } from 'vitest';
import { json, problem } from '../test/http';
import { fieldErrors, messageFor, paymentFailureMessage } from './messages';
import { ApiProblem, networkProblem, parseRetryAfter, problemFromResponse } from './problem';

describe('problemFromResponse', () => {
  it('reads an RFC 9457 problem with its code, detail, field errors, Retry-After and request id', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'quantity must be at least 1',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'quantity', message: 'must be at least 1' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-7' } },
    );
    const p = await problemFromResponse(response);
    expect(p).toBeInstanceOf(ApiProblem);
    expect(p.status).toBe(400);
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.detail).toBe('quantity must be at least 1');
    expect(p.errors).toEqual([{ field: 'quantity', message: 'must be at least 1' }]);
    expect(p.requestId).toBe('req-7');
    expect(fieldErrors(p)).toEqual({ quantity: 'must be at least 1' });
  });

  it('takes Retry-After seconds from a 429', async () => {
    const p = await problemFromResponse(problem(429, 'RATE_LIMITED', { 'Retry-After': '3' }));
    expect(p.code).toBe('RATE_LIMITED');
    expect(p.retryAfterSeconds).toBe(3);
    expect(p.retryable).toBe(true);
  });

  it('derives a code from the status when the body is not a problem', async () => {
    const p = await problemFromResponse(
      new Response('<html>Bad gateway</html>', { status: 503, headers: { 'Retry-After': '5' } }),
    );
    expect(p.code).toBe('SERVICE_UNAVAILABLE');
    expect(p.retryAfterSeconds).toBe(5);
    const q = await problemFromResponse(json(504, { message: 'timeout' }));
    expect(q.code).toBe('UPSTREAM_TIMEOUT');
    const r = await problemFromResponse(
      new Response('{not json', { status: 401, headers: { 'Content-Type': 'application/json' } }),
    );
    expect(r.code).toBe('UNAUTHENTICATED');
  });

  it('marks which failures may be retried with the same request', async () => {
    expect((await problemFromResponse(problem(409, 'SOLD_OUT'))).retryable).toBe(false);
    expect((await problemFromResponse(problem(422, 'PER_USER_LIMIT_EXCEEDED'))).retryable).toBe(false);
    expect((await problemFromResponse(problem(409, 'IDEMPOTENCY_KEY_IN_USE'))).retryable).toBe(true);
    expect((await problemFromResponse(problem(503, 'SERVICE_UNAVAILABLE'))).retryable).toBe(true);
    expect(networkProblem(new TypeError('Failed to fetch')).retryable).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('messageFor', () => {
  const p = (status: number, code: string, retryAfterSeconds?: number) =>
    new ApiProblem({ status, code, retryAfterSeconds });

  it.each([
    ['SOLD_OUT', 409, /Sold out/],
    ['PER_USER_LIMIT_EXCEEDED', 422, /limit per customer/],
    ['DROP_NOT_LIVE', 409, /not live/],
    ['ADMISSION_REQUIRED', 403, /waiting room/],
    ['INVALID_CREDENTIALS', 401, /do not match/],
    ['EMAIL_TAKEN', 409, /already exists/],
    ['HANDLE_TAKEN', 409, /handle is taken/],
    ['CANNOT_FOLLOW_SELF', 422, /cannot follow yourself/],
    ['ORDER_NOT_CANCELLABLE', 409, /can no longer be cancelled/],
    ['NETWORK_ERROR', 0, /check your connection/],
  ])('has a human sentence for %s', (code, status, text) => {
    expect(messageFor(p(status, code))).toMatch(text);
  });

  it('adds the Retry-After wait to rate limits and overload', () => {
    expect(messageFor(p(429, 'RATE_LIMITED', 4))).toBe(
      'Too many requests — slow down a little. Try again in 4 seconds.',
    );
    expect(messageFor(p(503, 'SERVICE_UNAVAILABLE', 1))).toBe('We are very busy right now. Try again in 1 second.');
    expect(messageFor(p(503, 'SERVICE_UNAVAILABLE'))).toBe('We are very busy right now. Please try again.');
  });

  it('falls back on the server detail for unknown codes', () => {
    expect(messageFor(new ApiProblem({ status: 409, code: 'SOMETHING_NEW', detail: 'A new rule said no' }))).toBe(
      'A new rule said no',
    );
  });

  it('explains payment failures by failure code', () => {
    expect(paymentFailureMessage('card_declined')).toMatch(/declined/);
    expect(paymentFailureMessage('insufficient_funds')).toMatch(/insufficient funds/);
    expect(paymentFailureMessage('weird')).toMatch(/not charged/);
  });
});
