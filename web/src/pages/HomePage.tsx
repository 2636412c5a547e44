import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { DropList } from '../features/drops/DropList';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function HomePage() {
  useDocumentTitle(undefined);
  const { status } = useAuth();
  return (
    <>
      <h1>Drops</h1>
      {status === 'signedIn' && (
        <section aria-labelledby="followed-heading" className="section">
          <h2 id="followed-heading">From creators you follow</h2>
          <h3>Live</h3>
          <DropList
            query={{ followed: true, status: 'live' }}
            queryKey={[...qk.followedDrops, 'live']}
            pollMs={5000}
            empty="None of the creators you follow is live right now."
          />
          <h3>Upcoming</h3>
          <DropList
            query={{ followed: true, status: 'upcoming' }}
            queryKey={[...qk.followedDrops, 'upcoming']}
            empty="No upcoming drops from the creators you follow."
          />
        </section>
      )}
      <section aria-labelledby="live-heading" className="section">
        <h2 id="live-heading">Live now</h2>
        <DropList
          query={{ status: 'live' }}
          pollMs={5000}
          empty="Nothing is live right now — check the upcoming drops."
        />
      </section>
      <section aria-labelledby="upcoming-heading" className="section">
        <h2 id="upcoming-heading">Coming up</h2>
        <DropList query={{ status: 'upcoming' }} pollMs={60_000} empty="No drops scheduled yet." />
      </section>
      {status === 'anonymous' && (
        <p className="muted">
          <Link to="/register">Create an account</Link> to follow creators, get notified when their drops go live and
          buy.
        </p>
      )}
    </>
  );
}
