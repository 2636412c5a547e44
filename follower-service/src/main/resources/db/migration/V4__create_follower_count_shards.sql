-- Follower counts as 16 counter rows per creator, summed on read. A follow or unfollow changes the
-- shard chosen by its follower (the lowest 4 bits of the user id, uniformly random for UUIDv7), so
-- concurrent follows of one celebrity spread over 16 rows instead of queueing on one, and a user's
-- unfollow always decrements the shard their follow incremented: every shard equals the number of
-- edges of its followers and can never go below zero.

create table follower_count_shard (
    creator_id uuid     not null,
    shard      smallint not null,
    followers  bigint   not null,
    constraint follower_count_shard_pk primary key (creator_id, shard),
    constraint follower_count_shard_in_range check (shard between 0 and 15),
    constraint follower_count_shard_not_negative check (followers >= 0)
);
