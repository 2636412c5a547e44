import type { ApiClient } from './client';
import type { Attempt } from './idempotency';
import type {
  AppNotification,
  Creator,
  Drop,
  DropStatus,
  FollowCheck,
  FollowEdge,
  ImageUpload,
  NotificationPage,
  Order,
  Page,
  Payment,
  Product,
  RealtimeToken,
  TestCardToken,
  Ticket,
  TokenPair,
  User,
} from './types';

const enc = encodeURIComponent;

export interface DropQuery {
  status?: DropStatus;
  creatorId?: string;
  followed?: boolean;
  limit?: number;
  cursor?: string | null;
}

export interface OrderBody {
  dropId: string;
  quantity: number;
}

export interface PaymentBody {
  orderId: string;
  paymentMethod: { type: 'card'; token: TestCardToken | string };
}

export interface NewProduct {
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  imageUrl?: string;
}

export interface NewDrop {
  productId: string;
  startsAt: string;
  endsAt: string;
  initialStock: number;
  lowStockThreshold?: number;
  perUserLimit?: number;
  waitingRoom?: boolean;
}

export interface CreatorProfile {
  handle: string;
  displayName: string;
  bio?: string;
  profileImageUrl?: string;
}

/** Every public endpoint the web client uses, typed. */
export function createEndpoints(client: ApiClient) {
  return {
    auth: {
      register: (body: { email: string; password: string; name: string }) =>
        client.post<TokenPair>('/api/auth/register', body, { auth: false }),
      login: (body: { email: string; password: string }) =>
        client.post<TokenPair>('/api/auth/login', body, { auth: false }),
      logout: (refreshToken: string) => client.post<void>('/api/auth/logout', { refreshToken }),
      me: () => client.get<User>('/api/users/me'),
      realtimeToken: () => client.get<RealtimeToken>('/api/realtime/token'),
    },
    drops: {
      list: (q: DropQuery = {}) => client.get<Page<Drop>>('/api/drops', { query: { ...q } }),
      get: (id: string) => client.get<Drop>(`/api/drops/${enc(id)}`),
      create: (body: NewDrop) => client.post<Drop>('/api/drops', body),
    },
    creators: {
      get: (id: string) => client.get<Creator>(`/api/creators/${enc(id)}`),
      create: (body: CreatorProfile) => client.post<Creator>('/api/creators', body),
      updateMe: (body: Partial<CreatorProfile>) => client.patch<Creator>('/api/creators/me', body),
    },
    products: {
      list: (q: { creatorId?: string; q?: string; limit?: number; cursor?: string | null }) =>
        client.get<Page<Product>>('/api/products', { query: { ...q } }),
      get: (id: string) => client.get<Product>(`/api/products/${enc(id)}`),
      create: (body: NewProduct) => client.post<Product>('/api/products', body),
      update: (id: string, body: Partial<NewProduct>) => client.patch<Product>(`/api/products/${enc(id)}`, body),
      imageUpload: (id: string, contentType: string) =>
        client.post<ImageUpload>(`/api/products/${enc(id)}/image-upload`, { contentType }),
    },
    follows: {
      follow: (creatorId: string) => client.post<FollowEdge>('/api/follows', { creatorId }),
      unfollow: (creatorId: string) => client.delete(`/api/follows/${enc(creatorId)}`),
      check: (creatorId: string) => client.get<FollowCheck>('/api/follows/check', { query: { creatorId } }),
    },
    orders: {
      /** One attempt = one Idempotency-Key; retrying the attempt sends the same key and body. */
      create: (attempt: Attempt<OrderBody>, admissionToken?: string | null) =>
        client.post<Order>('/api/orders', attempt.body, {
          headers: {
            'Idempotency-Key': attempt.key,
            ...(admissionToken ? { 'X-Admission-Token': admissionToken } : {}),
          },
        }),
      get: (id: string) => client.get<Order>(`/api/orders/${enc(id)}`),
      list: (cursor?: string | null, limit = 20) =>
        client.get<Page<Order>>('/api/orders', { query: { cursor, limit } }),
      cancel: (id: string) => client.put<Order>(`/api/orders/${enc(id)}/cancel`),
    },
    payments: {
      create: (attempt: Attempt<PaymentBody>) =>
        client.post<Payment>('/api/payments', attempt.body, { headers: { 'Idempotency-Key': attempt.key } }),
    },
    queue: {
      join: (dropId: string) => client.post<Ticket>(`/api/drops/${enc(dropId)}/queue`),
      me: (dropId: string) => client.get<Ticket>(`/api/drops/${enc(dropId)}/queue/me`),
    },
    notifications: {
      list: (cursor?: string | null, limit = 20) =>
        client.get<NotificationPage>('/api/notifications', { query: { cursor, limit } }),
      read: (id: string) => client.post<void>(`/api/notifications/${enc(id)}/read`),
      readAll: () => client.post<void>('/api/notifications/read-all'),
    },
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;
export type { AppNotification };
