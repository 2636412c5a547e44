/**
 * Where the session lives: the access token only in memory, the refresh token in localStorage so a
 * reload (or another tab) can start a session again. The refresh token is read from storage every
 * time, because another tab may have rotated it.
 */
export const REFRESH_TOKEN_KEY = 'livedrop.refreshToken';

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

  constructor(storage: Storage | null = defaultStorage()) {
    this.storage = storage;
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
    } catch {
      // quota or blocked storage: the session lasts as long as this page
    }
  }

  clear(): void {
    this.access = null;
    this.memoryRefresh = null;
    try {
      this.storage?.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // nothing stored
    }
  }
}
