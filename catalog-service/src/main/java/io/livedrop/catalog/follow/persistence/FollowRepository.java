package io.livedrop.catalog.follow.persistence;

import io.livedrop.catalog.follow.domain.FollowChange;
import io.livedrop.common.jdbc.SqlTimes;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Catalog's copy of the follow edges and the follower count per creator, both kept from
 * follower-service's events.
 */
@Repository
public class FollowRepository {

    /*
     * One statement per consumed batch: upsert the edges where the incoming change is newer, derive
     * each creator's delta from the edges whose state actually flipped (the "before" CTE sees the
     * rows as they were when the statement started), and add the deltas to the counters: one update
     * per creator per batch, however many follows it got.
     */
    private static final String APPLY = """
            with incoming as (
                select * from unnest(cast(:users as uuid[]), cast(:creators as uuid[]), cast(:following as boolean[]),
                                     cast(:at as timestamptz[]), cast(:eventIds as uuid[]))
                    as i(user_id, creator_id, following, changed_at, change_event_id)
            ), before as (
                select e.user_id, e.creator_id, e.following
                from follow_edge e join incoming i using (user_id, creator_id)
            ), changed as (
                insert into follow_edge (user_id, creator_id, following, changed_at, change_event_id)
                select user_id, creator_id, following, changed_at, change_event_id from incoming
                on conflict (user_id, creator_id) do update
                    set following = excluded.following,
                        changed_at = excluded.changed_at,
                        change_event_id = excluded.change_event_id
                    where (follow_edge.changed_at, follow_edge.change_event_id)
                        < (excluded.changed_at, excluded.change_event_id)
                returning user_id, creator_id, following
            ), deltas as (
                select c.creator_id,
                       sum(case when c.following and not coalesce(b.following, false) then 1
                                when not c.following and coalesce(b.following, false) then -1
                                else 0 end) as delta
                from changed c left join before b using (user_id, creator_id)
                group by c.creator_id
                having sum(case when c.following and not coalesce(b.following, false) then 1
                                when not c.following and coalesce(b.following, false) then -1
                                else 0 end) <> 0
            )
            insert into creator_follower_count (creator_id, follower_count)
            select creator_id, greatest(delta, 0) from deltas order by creator_id
            on conflict (creator_id) do update
                set follower_count = greatest(creator_follower_count.follower_count
                                              + (select d.delta from deltas d where d.creator_id = excluded.creator_id), 0)
            returning creator_id
            """;

    private final JdbcClient jdbc;

    FollowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies changes with distinct (user, creator) pairs.
     *
     * @return the creators whose follower count changed
     */
    public List<String> apply(Collection<FollowChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        int n = changes.size();
        String[] users = new String[n];
        String[] creators = new String[n];
        Boolean[] following = new Boolean[n];
        String[] at = new String[n];
        String[] eventIds = new String[n];
        int i = 0;
        for (FollowChange change : changes) {
            users[i] = change.userId().toString();
            creators[i] = change.creatorId().toString();
            following[i] = change.following();
            at[i] = change.at().toString();
            eventIds[i] = change.eventId().toString();
            i++;
        }
        return jdbc.sql(APPLY)
                .param("users", users)
                .param("creators", creators)
                .param("following", following)
                .param("at", at)
                .param("eventIds", eventIds)
                .query(String.class)
                .list();
    }

    /** Forgets unfollows older than any redelivery we expect (Kafka retention). */
    public int purgeTombstonesOlderThan(Instant cutoff) {
        return jdbc.sql("""
                        delete from follow_edge where ctid in (
                            select ctid from follow_edge where not following and changed_at < :cutoff limit 10000)
                        """).param("cutoff", SqlTimes.utc(cutoff)).update();
    }
}
