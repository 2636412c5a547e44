import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { useEndpoints } from '../../api/context';
import type { Creator, FollowCheck } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { qk } from '../../lib/queryKeys';

/**
 * Follow / Unfollow a creator. The follower count on the server may lag up to 2 s, so the shown
 * count moves at once and is re-read a little later.
 */
export function FollowButton({ creatorId }: { creatorId: string }) {
  const { status, user } = useAuth();
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = status === 'signedIn';

  const check = useQuery({
    queryKey: qk.follow(creatorId),
    queryFn: () => endpoints.follows.check(creatorId),
    enabled: signedIn,
  });

  const toggle = useMutation({
    mutationFn: async (follow: boolean) => {
      if (follow) await endpoints.follows.follow(creatorId);
      else await endpoints.follows.unfollow(creatorId);
      return follow;
    },
    onSuccess: (follow) => {
      const before = queryClient.getQueryData<FollowCheck>(qk.follow(creatorId))?.following ?? false;
      queryClient.setQueryData<FollowCheck>(qk.follow(creatorId), {
        following: follow,
        followedAt: follow ? new Date().toISOString() : null,
      });
      if (before !== follow) {
        queryClient.setQueryData<Creator>(qk.creator(creatorId), (c) =>
          c ? { ...c, followerCount: Math.max(0, c.followerCount + (follow ? 1 : -1)) } : c,
        );
      }
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: qk.creator(creatorId) }), 2500);
      void queryClient.invalidateQueries({ queryKey: qk.followedDrops });
    },
  });

  if (user?.id === creatorId) return <p className="muted">This is your creator page.</p>;

  if (!signedIn) {
    return (
      <button
        type="button"
        className="button button-primary"
        onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
      >
        Follow
      </button>
    );
  }

  const following = check.data?.following ?? false;
  return (
    <div className="follow">
      <button
        type="button"
        className={following ? 'button button-secondary' : 'button button-primary'}
        aria-pressed={following}
        disabled={check.isPending || toggle.isPending}
        onClick={() => toggle.mutate(!following)}
        data-testid="follow-button"
      >
        {following ? 'Unfollow' : 'Follow'}
      </button>
      <ProblemAlert error={toggle.error ?? check.error} />
    </div>
  );
}
