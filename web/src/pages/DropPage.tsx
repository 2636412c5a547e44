import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useEndpoints } from '../api/context';
import type { Drop } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Countdown } from '../components/Countdown';
import { DropStatusBadge } from '../components/DropStatusBadge';
import { Loading } from '../components/Loading';
import { Price } from '../components/Price';
import { ProblemAlert } from '../components/ProblemAlert';
import { StockBar } from '../components/StockBar';
import { BuyPanel } from '../features/buy/BuyPanel';
import { useDrop } from '../features/drops/useDrop';
import { WaitingRoom } from '../features/waiting-room/WaitingRoom';
import { formatDateTime } from '../lib/format';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function DropPage() {
  const { dropId = '' } = useParams();
  const drop = useDrop(dropId);
  useDocumentTitle(drop.data?.product.title);
  if (drop.isPending) return <Loading />;
  if (drop.isError)
    return (
      <>
        <h1>Drop</h1>
        <ProblemAlert error={drop.error} />
      </>
    );
  return <DropView drop={drop.data} />;
}

function DropView({ drop }: { drop: Drop }) {
  return (
    <article className="drop-page" aria-labelledby="drop-title">
      <div className="drop-media">
        {drop.product.imageUrl ? (
          <img src={drop.product.imageUrl} alt={drop.product.title} />
        ) : (
          <div className="card-image card-image-empty" aria-hidden="true" />
        )}
      </div>
      <div className="drop-info">
        <DropStatusBadge drop={drop} />
        <h1 id="drop-title">{drop.product.title}</h1>
        <p className="card-meta">
          by <Link to={`/creators/${encodeURIComponent(drop.creator.id)}`}>{drop.creator.displayName}</Link>{' '}
          <span className="muted">@{drop.creator.handle}</span>
        </p>
        <p className="drop-price">
          <Price cents={drop.product.priceCents} currency={drop.product.currency} />
        </p>
        {drop.status === 'upcoming' ? (
          <>
            <Countdown to={drop.startsAt} label="Starts in" />
            <p className="muted">
              {formatDateTime(drop.startsAt)} · {drop.initialStock.toLocaleString()} available
            </p>
          </>
        ) : (
          <StockBar
            available={drop.available}
            initialStock={drop.initialStock}
            soldOut={drop.soldOut}
            lowStockThreshold={drop.lowStockThreshold}
          />
        )}
        {drop.status === 'live' && (
          <Countdown to={drop.endsAt} label="Ends in" doneText="Ending now…" className="muted" />
        )}
        {drop.status === 'ended' && <p className="muted">Ended {formatDateTime(drop.endsAt)}.</p>}
        <p className="muted">Limit: {drop.perUserLimit} per customer.</p>
        <DropPurchase drop={drop} />
      </div>
    </article>
  );
}

/** The buying part: resuming an unpaid order, the waiting room, or the buy panel. */
function DropPurchase({ drop }: { drop: Drop }) {
  const [params] = useSearchParams();
  const resumeOrderId = params.get('order');
  const { status } = useAuth();
  const endpoints = useEndpoints();
  const resume = useQuery({
    queryKey: qk.order(resumeOrderId ?? 'none'),
    queryFn: () => endpoints.orders.get(resumeOrderId!),
    enabled: status === 'signedIn' && resumeOrderId !== null,
  });
  if (resumeOrderId && status === 'signedIn') {
    if (resume.isPending) return <Loading label="Loading your order…" />;
    if (resume.data?.status === 'pending_payment' && resume.data.dropId === drop.id) {
      return <BuyPanel drop={drop} resumeOrder={resume.data} />;
    }
  }
  if (drop.waitingRoom?.enabled && drop.status !== 'ended') {
    return <WaitingRoom drop={drop} renderAdmitted={(token) => <BuyPanel drop={drop} admissionToken={token} />} />;
  }
  return <BuyPanel drop={drop} />;
}
