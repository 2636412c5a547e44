import type { Creator, Drop, Order, Ticket, User } from '../api/types';

export const USER: User = {
  id: 'u-1',
  email: 'ada@example.com',
  name: 'Ada',
  createdAt: '2026-01-01T00:00:00Z',
  creator: false,
};

export function aDrop(overrides: Partial<Drop> = {}): Drop {
  const now = Date.now();
  return {
    id: 'd-1',
    productId: 'p-1',
    creatorId: 'c-1',
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
    initialStock: 100,
    available: 40,
    lowStockThreshold: 10,
    perUserLimit: 1,
    status: 'live',
    soldOut: false,
    product: { id: 'p-1', title: 'Neon Hoodie', priceCents: 4900, currency: 'EUR', imageUrl: null },
    creator: { id: 'c-1', handle: 'neon', displayName: 'Neon Studio' },
    waitingRoom: { enabled: false, opensAt: null },
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    userId: USER.id,
    dropId: 'd-1',
    productId: 'p-1',
    quantity: 1,
    unitPriceCents: 4900,
    totalCents: 4900,
    currency: 'EUR',
    status: 'pending_payment',
    reservedUntil: new Date(Date.now() + 600_000).toISOString(),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function aCreator(overrides: Partial<Creator> = {}): Creator {
  return {
    id: 'c-1',
    handle: 'neon',
    displayName: 'Neon Studio',
    bio: 'Limited streetwear.',
    profileImageUrl: null,
    followerCount: 41,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ticketId: 't-1',
    dropId: 'd-1',
    status: 'waiting',
    position: null,
    estimatedWaitSeconds: null,
    admissionToken: null,
    admissionExpiresAt: null,
    joinedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
