-- notification-service: one id space for personal notifications and creator broadcasts, the
-- replicas it keeps from other services' events (follow edges, drop and order summaries) and the
-- per-user read state. See docs/services/notification-service.md for the reasoning.

-- The single source of notification ids. A storing transaction locks this row, takes the next ids
-- and keeps the lock until it commits, so ids are handed out in commit order: whoever sees id N
-- committed also sees every id below N. Ids are also time based (>= the microseconds since the
-- epoch of the moment they were assigned, on the database clock), so a follow time converts into
-- the id from which a follower sees a creator's broadcasts.
create table notification_sequence (
    singleton boolean not null default true,
    last_id   bigint  not null,
    constraint notification_sequence_pk primary key (singleton),
    constraint notification_sequence_singleton check (singleton),
    constraint notification_sequence_last_id_non_negative check (last_id >= 0)
);

insert into notification_sequence (singleton, last_id) values (true, 0);

-- order and payment events, one row per buyer notification
create table inbox_notification (
    id         bigint      not null,
    event_id   uuid        not null,
    user_id    text        not null,
    type       text        not null,
    event_time timestamptz not null,
    data       jsonb       not null,
    read_at    timestamptz,
    constraint inbox_notification_pk primary key (id),
    constraint inbox_notification_event_id_unique unique (event_id),
    constraint inbox_notification_type_known
        check (type in ('order.confirmed', 'order.expired', 'order.cancelled', 'payment.failed')),
    constraint inbox_notification_user_id_not_blank check (length(user_id) between 1 and 100)
);

-- a user's page, newest first
create index inbox_notification_user_id_id on inbox_notification (user_id, id);
-- unread counting reads only unread rows
create index inbox_notification_unread on inbox_notification (user_id, id) where read_at is null;

-- drop.started / stock.low / sold_out: ONE row per event, whatever the creator's follower count
create table creator_broadcast (
    id         bigint      not null,
    event_id   uuid        not null,
    creator_id text        not null,
    drop_id    text        not null,
    type       text        not null,
    event_time timestamptz not null,
    data       jsonb       not null,
    constraint creator_broadcast_pk primary key (id),
    constraint creator_broadcast_event_id_unique unique (event_id),
    constraint creator_broadcast_type_known check (type in ('drop.started', 'stock.low', 'sold_out')),
    constraint creator_broadcast_creator_id_not_blank check (length(creator_id) between 1 and 100)
);

-- the merge query probes this once per followed creator: (creator_id = ? and id in [from, before))
create index creator_broadcast_creator_id_id on creator_broadcast (creator_id, id);

-- follow edges replicated from follow.created / follow.deleted. Last writer wins by event time
-- (changed_at); an unfollow stays as a tombstone (following = false) so an older, redelivered
-- follow.created cannot bring the edge back.
create table follow_edge (
    user_id         text        not null,
    creator_id      text        not null,
    following       boolean     not null,
    followed_at     timestamptz not null,
    visible_from_id bigint      not null,
    changed_at      timestamptz not null,
    constraint follow_edge_pk primary key (user_id, creator_id),
    constraint follow_edge_visible_from_id_non_negative check (visible_from_id >= 0),
    constraint follow_edge_ids_not_blank
        check (length(user_id) between 1 and 100 and length(creator_id) between 1 and 100)
);

-- the creators a user follows, with the id floor, without touching the heap (index-only)
create index follow_edge_following_by_user
    on follow_edge (user_id, creator_id, visible_from_id) where following;
create index follow_edge_tombstones on follow_edge (changed_at) where not following;

-- what stock.low and sold_out (which carry only the drop id) need to address and describe a drop
create table drop_summary (
    drop_id    text        not null,
    creator_id text        not null,
    product_id text        not null,
    title      text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    changed_at timestamptz not null,
    constraint drop_summary_pk primary key (drop_id),
    constraint drop_summary_window check (starts_at < ends_at)
);

-- a stock.low / sold_out that arrived before its drop's summary: stored once the summary arrives
create table pending_broadcast (
    event_id    uuid        not null,
    drop_id     text        not null,
    type        text        not null,
    event_time  timestamptz not null,
    available   integer     not null,
    received_at timestamptz not null default now(),
    constraint pending_broadcast_pk primary key (event_id),
    constraint pending_broadcast_type_known check (type in ('stock.low', 'sold_out')),
    constraint pending_broadcast_available_non_negative check (available >= 0)
);

create index pending_broadcast_drop_id on pending_broadcast (drop_id);

-- payment.failed carries no drop or quantity: order.created tells them
create table order_summary (
    order_id   text        not null,
    drop_id    text        not null,
    quantity   integer     not null,
    created_at timestamptz not null default now(),
    constraint order_summary_pk primary key (order_id),
    constraint order_summary_quantity_positive check (quantity > 0)
);

-- read state. "read-all" moves a per-user watermark (no row per notification); a single read is a
-- flag on an inbox row or, for a broadcast, a (user, notification) row written only when the
-- user reads it, never at broadcast time.
create table read_marker (
    user_id         text        not null,
    read_through_id bigint      not null,
    updated_at      timestamptz not null,
    constraint read_marker_pk primary key (user_id),
    constraint read_marker_read_through_id_non_negative check (read_through_id >= 0)
);

create table broadcast_read (
    user_id         text        not null,
    notification_id bigint      not null,
    read_at         timestamptz not null,
    constraint broadcast_read_pk primary key (user_id, notification_id),
    constraint broadcast_read_notification_fk
        foreign key (notification_id) references creator_broadcast (id) on delete cascade
);

create index broadcast_read_notification_id on broadcast_read (notification_id);
