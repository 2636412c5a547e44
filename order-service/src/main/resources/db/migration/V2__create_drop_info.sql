-- What order-service knows about each drop, from drop.scheduled (price snapshot for new orders).

create table drop_info (
    drop_id          text        primary key,
    product_id       text        not null,
    creator_id       text        not null,
    unit_price_cents bigint      not null,
    currency         text        not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    per_user_limit   int         not null,
    title            text,
    updated_at       timestamptz not null,
    constraint drop_info_price_non_negative check (unit_price_cents >= 0),
    constraint drop_info_currency_iso check (currency ~ '^[A-Z]{3}$'),
    constraint drop_info_window_ordered check (starts_at < ends_at)
);
