import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useEndpoints } from '../api/context';
import { Loading } from '../components/Loading';
import { ProblemAlert } from '../components/ProblemAlert';
import { DropList } from '../features/drops/DropList';
import { FollowButton } from '../features/follow/FollowButton';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function CreatorPage() {
  const { creatorId = '' } = useParams();
  const endpoints = useEndpoints();
  const creator = useQuery({ queryKey: qk.creator(creatorId), queryFn: () => endpoints.creators.get(creatorId) });
  useDocumentTitle(creator.data?.displayName);

  if (creator.isPending) return <Loading />;
  if (creator.isError)
    return (
      <>
        <h1>Creator</h1>
        <ProblemAlert error={creator.error} />
      </>
    );
  const c = creator.data;
  const followers = c.followerCount;
  return (
    <>
      <section className="creator-header" aria-labelledby="creator-name">
        {c.profileImageUrl ? (
          <img className="avatar" src={c.profileImageUrl} alt="" />
        ) : (
          <div className="avatar avatar-empty" aria-hidden="true">
            {c.displayName.slice(0, 1).toUpperCase()}
          </div>
        )}
        <div>
          <h1 id="creator-name">{c.displayName}</h1>
          <p className="muted">@{c.handle}</p>
          <p data-testid="follower-count">
            <strong>{followers.toLocaleString()}</strong> {followers === 1 ? 'follower' : 'followers'}
          </p>
          {c.bio && <p className="bio">{c.bio}</p>}
          <FollowButton creatorId={c.id} />
        </div>
      </section>
      <section aria-labelledby="creator-live" className="section">
        <h2 id="creator-live">Live now</h2>
        <DropList query={{ creatorId: c.id, status: 'live' }} pollMs={5000} empty="Nothing live right now." />
      </section>
      <section aria-labelledby="creator-upcoming" className="section">
        <h2 id="creator-upcoming">Coming up</h2>
        <DropList query={{ creatorId: c.id, status: 'upcoming' }} empty="No upcoming drops." />
      </section>
      <section aria-labelledby="creator-past" className="section">
        <h2 id="creator-past">Past drops</h2>
        <DropList query={{ creatorId: c.id, status: 'ended' }} empty="No past drops yet." />
      </section>
    </>
  );
}
