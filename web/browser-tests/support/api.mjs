// The public API from Node, for set-up that is not the point of a scenario (users, a drop whose
// start must be exact, a competing buyer). Same gateway, same endpoints as the web client.
import { randomUUID } from 'node:crypto';
import { BASE_URL, RUN } from './env.mjs';

export class ApiError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} → ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
    this.code = body && typeof body === 'object' ? body.code : undefined;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One call; 429 and 503 (shedding, Retry-After) are retried a few times with the same body and headers. */
export async function call(method, path, { token, body, headers = {}, attempts = 6 } = {}) {
  const url = `${BASE_URL}${path}`;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    if ((res.status === 429 || res.status === 503) && attempt < attempts) {
      const wait = Math.min(5, Number(res.headers.get('retry-after')) || 1);
      await sleep(wait * 1000);
      continue;
    }
    if (!res.ok) throw new ApiError(method, path, res.status, parsed);
    return parsed;
  }
}

let users = 0;

/** A new account: {id, email, password, name, accessToken}. */
export async function registerUser(role) {
  users++;
  const email = `${role}-${RUN}-${users}@example.com`;
  const password = `pw-${RUN}-secret`;
  const name = `${role[0].toUpperCase()}${role.slice(1)} ${RUN.slice(-4)}`;
  const pair = await call('POST', '/api/auth/register', { body: { email, password, name } });
  return { id: pair.user.id, email, password, name, accessToken: pair.accessToken };
}

/** A fresh access token for an account (a new session; the browser's own session is untouched). */
export async function login(user) {
  const pair = await call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } });
  user.accessToken = pair.accessToken;
  return user;
}

export const createDrop = (creator, body) => call('POST', '/api/drops', { token: creator.accessToken, body });

export const createProduct = (creator, body) => call('POST', '/api/products', { token: creator.accessToken, body });

export const getDrop = (id) => call('GET', `/api/drops/${encodeURIComponent(id)}`);

export const placeOrder = (buyer, dropId, quantity = 1) =>
  call('POST', '/api/orders', {
    token: buyer.accessToken,
    body: { dropId, quantity },
    headers: { 'Idempotency-Key': randomUUID() },
  });

export const pay = (buyer, orderId, card = 'tok_visa') =>
  call('POST', '/api/payments', {
    token: buyer.accessToken,
    body: { orderId, paymentMethod: { type: 'card', token: card } },
    headers: { 'Idempotency-Key': randomUUID() },
  });

/** Polls until `check(value)` is truthy; answers the value. */
export async function eventually(what, read, check, { timeoutMs = 30_000, everyMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    }
    await sleep(everyMs);
  }
}

/** Fails early, and clearly, when no fleet answers at LIVEDROP_URL. */
export async function requireFleet() {
  let status;
  try {
    status = (await call('GET', '/actuator/health', { attempts: 3 }))?.status;
  } catch (e) {
    throw new Error(
      `no LiveDrop gateway answers at ${BASE_URL} (set LIVEDROP_URL; start a fleet with ./livedrop up): ${e.cause?.message ?? e.message}`,
    );
  }
  if (status !== 'UP') throw new Error(`the gateway at ${BASE_URL} reports ${status}, not UP`);
  const index = await fetch(`${BASE_URL}/`, { headers: { accept: 'text/html' } }); // as a browser navigates
  const html = await index.text();
  if (!index.ok || !html.includes('<div id="root"')) {
    throw new Error(
      `${BASE_URL}/ does not serve the web client (${index.status}): build it with cd web && npm run build`,
    );
  }
}
