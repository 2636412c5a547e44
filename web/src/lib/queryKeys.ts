import type { DropQuery } from '../api/endpoints';

/**
 * Query keys. Caller-independent data starts with 'public' and survives a sign-out; everything
 * else belongs to the signed-in user and is dropped when the session ends.
 */
export const qk = {
  drop: (id: string) => ['public', 'drop', id] as const,
  drops: (q: DropQuery) => ['public', 'drops', q] as const,
  allDrops: ['public', 'drops'] as const,
  creator: (id: string) => ['public', 'creator', id] as const,
  products: (creatorId: string) => ['public', 'products', creatorId] as const,
  followedDrops: ['me', 'followed-drops'] as const,
  follow: (creatorId: string) => ['me', 'follow', creatorId] as const,
  orders: ['me', 'orders'] as const,
  order: (id: string) => ['me', 'order', id] as const,
  notifications: ['me', 'notifications'] as const,
  unread: ['me', 'unread'] as const,
  queue: (dropId: string) => ['me', 'queue', dropId] as const,
  myCreator: (userId: string) => ['me', 'creator', userId] as const,
};
