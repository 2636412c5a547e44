/**
 * Where the session lives: the refresh token in localStorage so a reload (or another tab) can start a
 * session again, read from storage every time because another tab may have rotated it; the access
 * token in memory and in this tab's sessionStorage until it expires. Keeping the access token across
 * reloads means a page load does not spend the single-use refresh token: a navigation that cut off a
 * refresh in flight would otherwise lose the rotated token, and the next load would present a used
 * one (REFRESH_TOKEN_REUSED, the whole session revoked).
 */
export const REFRESH_TOKEN_KEY = 'livedrop.refreshToken';
export const ACCESS_TOKEN_KEY = 'livedrop.accessToken';

/** An access token is reused from storage only while it has at least this long to live. */
const ACCESS_TOKEN_MARGIN_MS = 30_000;

function defaultTabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The token's `exp` (ms since the epoch), or 0 when it cannot be read. */
export function expiryOf(jwt: string): number {
  try {
    const payload = jwt.split('.')[1];
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: number }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings)
  }
}

export class TokenStore {
  private access: string | null = null;
  private memoryRefresh: string | null = null;
  private readonly storage: Storage | null;
  private readonly tabStorage: Storage | null;

  constructor(
    storage: Storage | null = defaultStorage(),
    tabStorage: Storage | null = defaultTabStorage(),
    private readonly now: () => number = Date.now,
  ) {
    this.storage = storage;
    this.tabStorage = tabStorage;
    this.access = this.storedAccessToken();
  }

  private storedAccessToken(): string | null {
    try {
      const stored = this.tabStorage?.getItem(ACCESS_TOKEN_KEY) ?? null;
      if (stored !== null && expiryOf(stored) - ACCESS_TOKEN_MARGIN_MS > this.now()) return stored;
      this.tabStorage?.removeItem(ACCESS_TOKEN_KEY);
    } catch {
      // storage blocked: the session starts from the refresh token
    }
    return null;
  }

  get accessToken(): string | null {
    return this.access;
  }

  get refreshToken(): string | null {
    if (!this.storage) return this.memoryRefresh;
    try {
      return this.storage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return this.memoryRefresh;
    }
  }

  set(pair: { accessToken: string; refreshToken: string }): void {
    this.access = pair.accessToken;
    this.memoryRefresh = pair.refreshToken;
    try {
      this.storage?.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
      this.tabStorage?.setItem(ACCESS_TOKEN_KEY, pair.accessToken);
    } catch {
      // quota or blocked storage: the session lasts as long as this page
    }
  }

  clear(): void {
    this.access = null;
    this.memoryRefresh = null;
    try {
      this.storage?.removeItem(REFRESH_TOKEN_KEY);
      this.tabStorage?.removeItem(ACCESS_TOKEN_KEY);
    } catch {
      // nothing stored
    }
  }
}
