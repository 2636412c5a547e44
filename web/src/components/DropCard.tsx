import { Link } from 'react-router-dom';
import type { Drop } from '../api/types';
import { Countdown } from './Countdown';
import { Price } from './Price';
import { StockBar } from './StockBar';
import { DropStatusBadge } from './DropStatusBadge';

/** A drop in a list: image, title, creator, price, and either its countdown or its stock. */
export function DropCard({ drop }: { drop: Drop }) {
  return (
    <article className="card drop-card" data-testid="drop-card" aria-labelledby={`drop-${drop.id}-title`}>
      {drop.product.imageUrl ? (
        <img className="card-image" src={drop.product.imageUrl} alt="" loading="lazy" />
      ) : (
        <div className="card-image card-image-empty" aria-hidden="true" />
      )}
      <div className="card-body">
        <DropStatusBadge drop={drop} />
        <h3 id={`drop-${drop.id}-title`} className="card-title">
          <Link to={`/drops/${encodeURIComponent(drop.id)}`}>{drop.product.title}</Link>
        </h3>
        <p className="card-meta">
          by <Link to={`/creators/${encodeURIComponent(drop.creator.id)}`}>{drop.creator.displayName}</Link> ·{' '}
          <Price cents={drop.product.priceCents} currency={drop.product.currency} />
        </p>
        {drop.status === 'upcoming' && <Countdown to={drop.startsAt} label="Starts in" />}
        {drop.status !== 'upcoming' && (
          <StockBar
            available={drop.available}
            initialStock={drop.initialStock}
            soldOut={drop.soldOut}
            lowStockThreshold={drop.lowStockThreshold}
          />
        )}
      </div>
    </article>
  );
}
