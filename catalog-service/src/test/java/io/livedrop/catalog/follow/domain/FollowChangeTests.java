package io.livedrop.catalog.follow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Last writer wins on a follow edge: no Spring, no database. */
class FollowChangeTests {

    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    static final UUID USER = UUID.randomUUID();
    static final UUID CREATOR = UUID.randomUUID();

    @Test
    void theLaterChangeWinsAndATieGoesToTheHigherEventIdInPostgresOrder() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000"); // negative as a signed long
        FollowChange earlier = new FollowChange(high, USER, CREATOR, true, T);
        FollowChange later = new FollowChange(low, USER, CREATOR, false, T.plusMillis(1));

        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
        assertThat(new FollowChange(high, USER, CREATOR, true, T)
                        .isNewerThan(new FollowChange(low, USER, CREATOR, false, T)))
                .isTrue();
        assertThat(FollowChange.compareUnsigned(high, low)).isPositive();
    }

    @Test
    void ofSeveralChangesToOneEdgeInABatchOnlyTheNewestIsKept() {
        UUID otherCreator = UUID.randomUUID();
        FollowChange follow = new FollowChange(UUID.randomUUID(), USER, CREATOR, true, T);
        FollowChange unfollow = new FollowChange(UUID.randomUUID(), USER, CREATOR, false, T.plusSeconds(1));
        FollowChange other = new FollowChange(UUID.randomUUID(), USER, otherCreator, true, T);

        assertThat(FollowChange.newestPerEdge(List.of(unfollow, other, follow))).containsExactly(unfollow, other);
        assertThat(FollowChange.newestPerEdge(List.of(follow, unfollow, follow)))
                .containsExactly(unfollow);
    }
}
