-- Drops: a limited stock of one product on sale in a time window. "drop" is an SQL keyword, hence
-- the plural table name.

create table drops (
    id                  uuid        not null,
    product_id          uuid        not null,
    creator_id          uuid        not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    initial_stock       integer     not null,
    low_stock_threshold integer     not null,
    per_user_limit      integer     not null,
    -- the price buyers pay, fixed when the drop goes live (follows the product while upcoming)
    unit_price_cents    bigint      not null,
    currency            text        not null,
    -- inventory's view of the stock (stock.changed / sold_out), initial_stock until it reports
    available           integer     not null,
    stock_changed_at    timestamptz,
    stock_event_id      uuid,
    -- set in the transaction that writes drop.started / drop.ended to the outbox: each fires once
    started_fired_at    timestamptz,
    ended_fired_at      timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint drops_pk primary key (id),
    constraint drops_product_fk foreign key (product_id) references product (id),
    constraint drops_creator_fk foreign key (creator_id) references creator (id),
    constraint drops_window check (starts_at < ends_at),
    constraint drops_initial_stock_range check (initial_stock between 1 and 1000000),
    constraint drops_low_stock_threshold_range check (low_stock_threshold >= 0 and low_stock_threshold < initial_stock),
    constraint drops_per_user_limit_positive check (per_user_limit >= 1),
    constraint drops_unit_price_non_negative check (unit_price_cents >= 0),
    constraint drops_currency_format check (currency ~ '^[A-Z]{3}$'),
    constraint drops_available_non_negative check (available >= 0),
    constraint drops_ended_after_started check (ended_fired_at is null or started_fired_at is not null)
);

-- browse pages: upcoming by starts_at asc, live by starts_at desc, ended by ends_at desc (ties by id)
create index drops_by_start on drops (starts_at, id);
create index drops_by_end on drops (ends_at, id);
create index drops_by_creator_start on drops (creator_id, starts_at, id);
create index drops_by_creator_end on drops (creator_id, ends_at, id);
create index drops_by_product on drops (product_id);

-- the lifecycle scheduler's work queues: only drops whose event has not fired yet
create index drops_start_due on drops (starts_at) where started_fired_at is null;
create index drops_end_due on drops (ends_at) where ended_fired_at is null;
