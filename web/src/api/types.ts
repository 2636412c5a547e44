/** Shapes of the public API (shared/design/API.md). IDs are opaque strings, times RFC 3339 UTC. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  creator: boolean;
}

export interface TokenPair {
  user?: User;
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Creator {
  id: string;
  handle: string;
  displayName: string;
  bio: string | null;
  profileImageUrl: string | null;
  followerCount: number;
  createdAt: string;
}

export interface Product {
  id: string;
  creatorId: string;
  title: string;
  description: string | null;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  createdAt: string;
}

export type DropStatus = 'upcoming' | 'live' | 'ended';

export interface Drop {
  id: string;
  productId: string;
  creatorId: string;
  startsAt: string;
  endsAt: string;
  initialStock: number;
  available: number;
  lowStockThreshold: number;
  perUserLimit: number;
  status: DropStatus;
  soldOut: boolean;
  product: { id: string; title: string; priceCents: number; currency: string; imageUrl: string | null };
  creator: { id: string; handle: string; displayName: string };
  /** Always present on the server; optional here so older payloads still render. */
  waitingRoom?: { enabled: boolean; opensAt: string | null };
  createdAt: string;
}

export type OrderStatus = 'pending_payment' | 'confirmed' | 'cancelled' | 'expired';

export interface Order {
  id: string;
  userId: string;
  dropId: string;
  productId: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  currency: string;
  status: OrderStatus;
  reservedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'failed';
  failureCode: string | null;
  createdAt: string;
}

export type TestCardToken = 'tok_visa' | 'tok_chargeDeclined' | 'tok_insufficientFunds';

export type TicketStatus = 'waiting' | 'admitted' | 'expired' | 'sold_out';

export interface Ticket {
  ticketId: string;
  dropId: string;
  status: TicketStatus;
  position: number | null;
  estimatedWaitSeconds: number | null;
  admissionToken: string | null;
  admissionExpiresAt: string | null;
  joinedAt: string;
}

export interface FollowEdge {
  creatorId: string;
  userId: string;
  followedAt: string;
}

export interface FollowCheck {
  following: boolean;
  followedAt: string | null;
}

export interface AppNotification {
  id: string;
  type: string;
  createdAt: string;
  read: boolean;
  data: Record<string, unknown>;
}

export interface NotificationPage extends Page<AppNotification> {
  unreadCount: number;
}

export interface ImageUpload {
  uploadUrl: string;
  imageUrl: string;
  expiresAt: string;
  contentType?: string;
}

export interface RealtimeToken {
  token: string;
  expiresIn: number;
}

/** One frame of the realtime stream (WebSocket text frame or SSE data). */
export interface RealtimeFrame<D = Record<string, unknown>> {
  id: string;
  type: string;
  createdAt: string;
  data: D;
}

export interface DropEventData {
  dropId: string;
  productId: string;
  creatorId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  available: number;
}

export interface OrderEventData {
  orderId: string;
  dropId: string | null;
  quantity: number | null;
  totalCents: number;
  currency: string;
  paymentId?: string;
  failureCode?: string;
}
