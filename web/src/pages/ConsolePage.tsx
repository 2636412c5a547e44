import { useQuery } from '@tanstack/react-query';
import { useEndpoints } from '../api/context';
import { isProblem } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { Loading } from '../components/Loading';
import { ProblemAlert } from '../components/ProblemAlert';
import { BecomeCreatorForm } from '../features/console/BecomeCreatorForm';
import { CreatorDrops } from '../features/console/CreatorDrops';
import { ProductsSection } from '../features/console/ProductsSection';
import { ProfileForm } from '../features/console/ProfileForm';
import { ScheduleDropForm } from '../features/console/ScheduleDropForm';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/**
 * The creator console. Whether the user is a creator is read from catalog (GET /api/creators/{id}),
 * which knows at once; the `creator` flag of /api/users/me follows by event and may lag.
 */
export function ConsolePage() {
  useDocumentTitle('Creator console');
  const { user } = useAuth();
  const endpoints = useEndpoints();
  const userId = user!.id;
  const creator = useQuery({
    queryKey: qk.myCreator(userId),
    queryFn: async () => {
      try {
        return await endpoints.creators.get(userId);
      } catch (e) {
        if (isProblem(e) && e.status === 404) return null;
        throw e;
      }
    },
  });

  return (
    <>
      <h1>Creator console</h1>
      {creator.isPending ? (
        <Loading />
      ) : creator.isError ? (
        <ProblemAlert error={creator.error} />
      ) : creator.data === null ? (
        <BecomeCreatorForm userId={userId} defaultName={user!.name} />
      ) : (
        <div className="console">
          <ProfileForm creator={creator.data} />
          <ProductsSection creatorId={userId} />
          <ScheduleDropForm creatorId={userId} />
          <section className="panel" aria-labelledby="my-drops-heading">
            <h2 id="my-drops-heading">Your drops</h2>
            <CreatorDrops creatorId={userId} status="live" />
            <CreatorDrops creatorId={userId} status="upcoming" />
            <CreatorDrops creatorId={userId} status="ended" />
          </section>
        </div>
      )}
    </>
  );
}
