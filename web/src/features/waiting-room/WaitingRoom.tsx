import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Drop, Ticket } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Countdown } from '../../components/Countdown';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime, formatDurationWords } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import { useWaitingRoom } from './useWaitingRoom';

interface WaitingRoomProps {
  drop: Drop;
  /** What an admitted buyer sees (the buy panel), given the admission token. */
  renderAdmitted: (admissionToken: string) => ReactNode;
}

/** The virtual waiting room of a drop: join, wait for a fair turn, then buy. */
export function WaitingRoom({ drop, renderAdmitted }: WaitingRoomProps) {
  const { status } = useAuth();
  const location = useLocation();
  const signedIn = status === 'signedIn';
  const { ticket, join } = useWaitingRoom(drop.id, signedIn);

  return (
    <section className="panel" aria-labelledby="waiting-room-heading" data-testid="waiting-room">
      <h2 id="waiting-room-heading">Waiting room</h2>
      {!signedIn ? (
        <p>
          This drop has a waiting room: everyone gets a fair place in line.{' '}
          <Link className="button" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            Sign in to join
          </Link>
        </p>
      ) : ticket.isPending ? (
        <Loading label="Checking your place in line…" />
      ) : ticket.isError && !ticket.data ? (
        <ProblemAlert error={ticket.error} />
      ) : ticket.data ? (
        <TicketView drop={drop} ticket={ticket.data} renderAdmitted={renderAdmitted} />
      ) : (
        <JoinView drop={drop} joining={join.isPending} error={join.error} onJoin={() => join.mutate()} />
      )}
    </section>
  );
}

function JoinView({
  drop,
  joining,
  error,
  onJoin,
}: {
  drop: Drop;
  joining: boolean;
  error: unknown;
  onJoin: () => void;
}) {
  const now = useNow(1000);
  const opensAt = drop.waitingRoom?.opensAt ?? null;
  const notOpenYet = opensAt !== null && Date.parse(opensAt) > now;
  if (drop.status === 'ended') return <p>This drop has ended.</p>;
  return (
    <div>
      {notOpenYet ? (
        <>
          <p>The line opens at {formatDateTime(opensAt)}, 15 minutes before the drop starts.</p>
          <Countdown to={opensAt!} label="Opens in" doneText="Opening now…" />
        </>
      ) : (
        <p>
          Join the line to get a fair chance to buy. Everyone who joins before the start gets a random place — there is
          no advantage in joining first or refreshing.
        </p>
      )}
      <ProblemAlert error={error} />
      <button type="button" className="button button-primary" onClick={onJoin} disabled={joining || notOpenYet}>
        {joining ? 'Joining…' : 'Join the waiting room'}
      </button>
    </div>
  );
}

function TicketView({
  drop,
  ticket,
  renderAdmitted,
}: {
  drop: Drop;
  ticket: Ticket;
  renderAdmitted: (token: string) => ReactNode;
}) {
  switch (ticket.status) {
    case 'waiting':
      return <WaitingView drop={drop} ticket={ticket} />;
    case 'admitted':
      return (
        <div data-testid="queue-admitted">
          <p className="alert alert-success" role="status">
            <strong>It&apos;s your turn!</strong> You can buy now.
            {ticket.admissionExpiresAt && (
              <>
                {' '}
                <Countdown
                  to={ticket.admissionExpiresAt}
                  label="Your turn ends in"
                  doneText="Your turn is ending…"
                  className="countdown-inline"
                  as="span"
                />
              </>
            )}
          </p>
          {ticket.admissionToken && renderAdmitted(ticket.admissionToken)}
        </div>
      );
    case 'sold_out':
      return (
        <p className="alert alert-info" role="status" data-testid="queue-sold-out">
          Sold out while you were waiting — sorry. Follow the creator to hear about their next drop.
        </p>
      );
    case 'expired':
    default:
      return (
        <p className="alert alert-info" role="status" data-testid="queue-expired">
          Your turn ran out without an order, or the drop ended. Each person gets one place in line per drop.
        </p>
      );
  }
}

function WaitingView({ drop, ticket }: { drop: Drop; ticket: Ticket }) {
  if (ticket.position === null) {
    return (
      <div role="status" data-testid="queue-waiting">
        <p>
          <strong>You&apos;re in line.</strong> Places are drawn at random when the drop starts, so there is no need to
          refresh. Keep this page open.
        </p>
        {drop.status === 'upcoming' && <Countdown to={drop.startsAt} label="Drop starts in" />}
      </div>
    );
  }
  return (
    <div data-testid="queue-waiting">
      <p className="queue-position">
        Your place in line: <strong data-testid="queue-position">{ticket.position.toLocaleString()}</strong>
      </p>
      <p>
        {ticket.estimatedWaitSeconds === null
          ? 'Estimating your wait…'
          : ticket.estimatedWaitSeconds <= 0
            ? 'Almost there — you are next.'
            : `Estimated wait: about ${formatDurationWords(ticket.estimatedWaitSeconds * 1000)}.`}
      </p>
      <p className="muted">Keep this page open; you will be let in automatically.</p>
    </div>
  );
}
