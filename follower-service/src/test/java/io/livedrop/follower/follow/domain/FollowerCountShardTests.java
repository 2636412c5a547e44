package io.livedrop.follower.follow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The follower counter's shard rule without a database (FollowConcurrencyTests covers the counts). */
class FollowerCountShardTests {

    @Test
    void theShardIsTheLastHexDigitOfTheUserIdAsTheSqlComputesIt() {
        for (int i = 0; i < 1_000; i++) {
            UUID userId = Ids.newId();
            String text = userId.toString();

            assertThat(FollowerCountShard.of(userId))
                    .as(text)
                    .isEqualTo(Integer.parseInt(text.substring(text.length() - 1), 16));
        }
    }

    @Test
    void aFollowerAlwaysChangesTheSameShard() {
        UUID userId = UUID.fromString("0190a000-0000-7000-8000-00000000c31d");

        assertThat(FollowerCountShard.of(userId)).isEqualTo(13);
        assertThat(FollowerCountShard.of(UUID.fromString(userId.toString()))).isEqualTo(13);
    }

    @Test
    void newUserIdsSpreadOverEveryShard() {
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            int shard = FollowerCountShard.of(Ids.newId());
            assertThat(shard).isBetween(0, FollowerCountShard.SHARDS - 1);
            shards.add(shard);
        }

        assertThat(shards).hasSize(FollowerCountShard.SHARDS);
    }
}
