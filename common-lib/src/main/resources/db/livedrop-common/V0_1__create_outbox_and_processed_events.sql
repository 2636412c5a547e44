-- Shared by every service database (common-lib): the transactional outbox and consumer dedupe claims.

create table outbox_event (
    id         bigint generated always as identity primary key,
    event_id   uuid        not null,
    topic      text        not null,
    event_key  text        not null,
    lane       smallint    not null,
    payload    text        not null,
    created_at timestamptz not null default now(),
    sent_at    timestamptz,
    constraint outbox_event_event_id_unique unique (event_id),
    constraint outbox_event_lane_non_negative check (lane >= 0)
);

-- the relay's only read: unsent rows of one lane in id order
create index outbox_event_unsent_by_lane on outbox_event (lane, id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    constraint processed_event_pk primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
