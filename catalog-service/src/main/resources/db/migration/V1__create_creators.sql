-- Creator profiles (id = the user's id), their follower counts and the follow edges catalog keeps
-- from follower-service's events for "drops of creators I follow".

create table creator (
    id                uuid        not null,
    handle            text        not null,
    display_name      text        not null,
    bio               text,
    profile_image_url text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint creator_pk primary key (id),
    constraint creator_handle_format check (handle ~ '^[A-Za-z0-9_]{3,30}$'),
    constraint creator_display_name_length check (char_length(display_name) between 1 and 100),
    constraint creator_bio_length check (bio is null or char_length(bio) <= 1000),
    constraint creator_profile_image_url_length check (profile_image_url is null or char_length(profile_image_url) <= 2048)
);

-- handles are unique regardless of case; the index (not a read-then-insert) makes it race-safe
create unique index creator_handle_unique on creator (lower(handle));

-- Kept apart from creator so that a celebrity's stream of follows updates a narrow row (HOT updates,
-- one update per consumed batch) and never locks the profile row.
create table creator_follower_count (
    creator_id     uuid   not null,
    follower_count bigint not null default 0,
    constraint creator_follower_count_pk primary key (creator_id),
    constraint creator_follower_count_non_negative check (follower_count >= 0)
) with (fillfactor = 70);

-- Replica of follower-service's edges. follow.created and follow.deleted are separate topics, so
-- they can arrive out of order: the newest change (event time, then event id) wins and a deleted
-- edge stays as a tombstone (following = false) until it is old enough to purge.
create table follow_edge (
    user_id         uuid        not null,
    creator_id      uuid        not null,
    following       boolean     not null,
    changed_at      timestamptz not null,
    change_event_id uuid        not null,
    constraint follow_edge_pk primary key (user_id, creator_id)
);

create index follow_edge_tombstones on follow_edge (changed_at) where not following;
