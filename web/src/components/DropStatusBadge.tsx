import type { Drop } from '../api/types';

export function DropStatusBadge({ drop }: { drop: Pick<Drop, 'status' | 'soldOut'> }) {
  if (drop.soldOut) return <span className="badge badge-muted">Sold out</span>;
  if (drop.status === 'live') return <span className="badge badge-live">Live</span>;
  if (drop.status === 'upcoming') return <span className="badge badge-upcoming">Upcoming</span>;
  return <span className="badge badge-muted">Ended</span>;
}
