-- Follow edges, hash-partitioned by creator: every question asked about one creator (is U
-- following C, C's followers newest first, unfollow) is pruned to exactly one partition, and a
-- celebrity's million edges live in one partition's B-trees instead of one giant table's.

create table follows (
    creator_id  uuid        not null,
    user_id     uuid        not null,
    followed_at timestamptz not null,
    constraint follows_pk primary key (creator_id, user_id),
    constraint follows_not_self check (creator_id <> user_id)
) partition by hash (creator_id);

create table follows_p00 partition of follows for values with (modulus 16, remainder 0);
create table follows_p01 partition of follows for values with (modulus 16, remainder 1);
create table follows_p02 partition of follows for values with (modulus 16, remainder 2);
create table follows_p03 partition of follows for values with (modulus 16, remainder 3);
create table follows_p04 partition of follows for values with (modulus 16, remainder 4);
create table follows_p05 partition of follows for values with (modulus 16, remainder 5);
create table follows_p06 partition of follows for values with (modulus 16, remainder 6);
create table follows_p07 partition of follows for values with (modulus 16, remainder 7);
create table follows_p08 partition of follows for values with (modulus 16, remainder 8);
create table follows_p09 partition of follows for values with (modulus 16, remainder 9);
create table follows_p10 partition of follows for values with (modulus 16, remainder 10);
create table follows_p11 partition of follows for values with (modulus 16, remainder 11);
create table follows_p12 partition of follows for values with (modulus 16, remainder 12);
create table follows_p13 partition of follows for values with (modulus 16, remainder 13);
create table follows_p14 partition of follows for values with (modulus 16, remainder 14);
create table follows_p15 partition of follows for values with (modulus 16, remainder 15);

-- the followers page: one creator, newest first, ties broken by user id (the keyset cursor)
create index follows_by_creator_newest on follows (creator_id, followed_at desc, user_id desc);
