import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Drop } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Countdown } from '../components/Countdown';
import { DropStatusBadge } from '../components/DropStatusBadge';
import { Loading } from '../components/Loading';
import { ProblemAlert } from '../components/ProblemAlert';
import { StockBar } from '../components/StockBar';
import { addSample, sellRate, soldOutAt, type StockSample } from '../features/console/sellRate';
import { useDrop } from '../features/drops/useDrop';
import { formatDateTime, formatDurationWords } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/**
 * Without its live-stock subscription (failed, or the socket lost) re-read the drop every second
 * while it is on (its `available` lags the inventory by ≤ 1 s); with it there is no polling.
 */
const LIVE_POLL_MS = 1000;
/** While live, the stock is sampled this often from the cache too, so the rate falls when sales stop. */
const SAMPLE_MS = 1000;

/** A creator's live view of one drop during the sale. */
export function ConsoleDropPage() {
  const { dropId = '' } = useParams();
  const drop = useDrop(dropId, { pollMs: LIVE_POLL_MS });
  useDocumentTitle(drop.data ? `Live: ${drop.data.product.title}` : 'Live view');
  if (drop.isPending) return <Loading />;
  if (drop.isError)
    return (
      <>
        <h1>Live view</h1>
        <ProblemAlert error={drop.error} />
      </>
    );
  return <LiveView drop={drop.data} sampledAt={drop.dataUpdatedAt} />;
}

function LiveView({ drop, sampledAt }: { drop: Drop; sampledAt: number }) {
  const { user } = useAuth();
  const [samples, setSamples] = useState<StockSample[]>([]);
  // Updates come when the stock changes (a message, or a poll without one): between them the stock
  // is what it was, so a tick adds that reading again and the rate falls back when sales stop.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (drop.status !== 'live') return;
    const timer = setInterval(() => setTick(Date.now()), SAMPLE_MS);
    return () => clearInterval(timer);
  }, [drop.status]);
  const at = Math.max(sampledAt, tick);
  useEffect(() => {
    setSamples((s) => addSample(s, { at, available: drop.soldOut ? 0 : drop.available }));
  }, [at, drop.available, drop.soldOut]);

  const rate = sellRate(samples);
  const soldOut = soldOutAt(samples);
  const sold = drop.initialStock - drop.available;
  const started = Date.parse(drop.startsAt);

  return (
    <>
      <p>
        <Link to="/console">← Creator console</Link>
      </p>
      <h1>
        Live view: <span>{drop.product.title}</span>
      </h1>
      {user?.id !== drop.creatorId && <p className="alert alert-info">This drop belongs to another creator.</p>}
      <p>
        <DropStatusBadge drop={drop} /> <Link to={`/drops/${encodeURIComponent(drop.id)}`}>Public page</Link>
      </p>
      {drop.status === 'upcoming' && <Countdown to={drop.startsAt} label="Starts in" />}
      {drop.status === 'live' && <Countdown to={drop.endsAt} label="Ends in" doneText="Ending now…" />}
      <StockBar
        available={drop.available}
        initialStock={drop.initialStock}
        soldOut={drop.soldOut}
        lowStockThreshold={drop.lowStockThreshold}
      />
      <dl className="stats" data-testid="live-stats">
        <div>
          <dt>Stock left</dt>
          <dd data-testid="stat-available">{drop.available.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Sold or held</dt>
          <dd>{sold.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Orders per second (est.)</dt>
          <dd data-testid="stat-rate">{rate === null ? '—' : rate.toFixed(1)}</dd>
        </div>
        <div>
          <dt>Sold out at</dt>
          <dd data-testid="stat-sold-out" className="stat-text">
            {soldOut !== null
              ? `${formatDateTime(new Date(soldOut).toISOString())}${soldOut > started ? ` (${formatDurationWords(soldOut - started)} after the start)` : ''}`
              : drop.soldOut
                ? 'Before this view was opened'
                : 'Not sold out'}
          </dd>
        </div>
      </dl>
      <p className="muted">
        The rate is estimated from the fall in stock over the last 10 seconds (an order of several items counts each
        item). Stock shown may lag the inventory by up to a second. Starts {formatDateTime(drop.startsAt)}, ends{' '}
        {formatDateTime(drop.endsAt)}; limit {drop.perUserLimit} per customer; waiting room{' '}
        {drop.waitingRoom?.enabled ? 'on' : 'off'}.
      </p>
    </>
  );
}
