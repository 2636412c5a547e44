-- The same edges keyed by the follower, for "following" pages. A user's creators hash to every
-- partition of follows, so an index on follows (user_id, ...) would make each following page probe
-- all 16 partitions and merge them. This narrow copy, hash-partitioned by user and written in the
-- same transaction as the edge, serves a page from one partition's index instead.

create table follows_by_user (
    user_id     uuid        not null,
    creator_id  uuid        not null,
    followed_at timestamptz not null,
    constraint follows_by_user_pk primary key (user_id, creator_id),
    constraint follows_by_user_not_self check (creator_id <> user_id)
) partition by hash (user_id);

create table follows_by_user_p00 partition of follows_by_user for values with (modulus 16, remainder 0);
create table follows_by_user_p01 partition of follows_by_user for values with (modulus 16, remainder 1);
create table follows_by_user_p02 partition of follows_by_user for values with (modulus 16, remainder 2);
create table follows_by_user_p03 partition of follows_by_user for values with (modulus 16, remainder 3);
create table follows_by_user_p04 partition of follows_by_user for values with (modulus 16, remainder 4);
create table follows_by_user_p05 partition of follows_by_user for values with (modulus 16, remainder 5);
create table follows_by_user_p06 partition of follows_by_user for values with (modulus 16, remainder 6);
create table follows_by_user_p07 partition of follows_by_user for values with (modulus 16, remainder 7);
create table follows_by_user_p08 partition of follows_by_user for values with (modulus 16, remainder 8);
create table follows_by_user_p09 partition of follows_by_user for values with (modulus 16, remainder 9);
create table follows_by_user_p10 partition of follows_by_user for values with (modulus 16, remainder 10);
create table follows_by_user_p11 partition of follows_by_user for values with (modulus 16, remainder 11);
create table follows_by_user_p12 partition of follows_by_user for values with (modulus 16, remainder 12);
create table follows_by_user_p13 partition of follows_by_user for values with (modulus 16, remainder 13);
create table follows_by_user_p14 partition of follows_by_user for values with (modulus 16, remainder 14);
create table follows_by_user_p15 partition of follows_by_user for values with (modulus 16, remainder 15);

-- the following page: one user, newest first, ties broken by creator id (the keyset cursor)
create index follows_by_user_newest on follows_by_user (user_id, followed_at desc, creator_id desc);
