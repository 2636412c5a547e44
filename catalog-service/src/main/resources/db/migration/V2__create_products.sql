-- Products of creators, browsed newest first by creator and by text.

create table product (
    id          uuid        not null,
    creator_id  uuid        not null,
    title       text        not null,
    description text        not null,
    price_cents bigint      not null,
    currency    text        not null,
    image_url   text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    -- 'simple' (no stemming, no stop words): predictable prefix matching for search-as-you-type in any language
    search      tsvector generated always as (
                    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'B')
                ) stored,
    constraint product_pk primary key (id),
    constraint product_creator_fk foreign key (creator_id) references creator (id),
    constraint product_title_length check (char_length(title) between 1 and 200),
    constraint product_description_length check (char_length(description) <= 5000),
    constraint product_price_non_negative check (price_cents >= 0),
    constraint product_currency_format check (currency ~ '^[A-Z]{3}$'),
    constraint product_image_url_length check (image_url is null or char_length(image_url) <= 2048)
);

-- keyset pages, newest first: (created_at, id) descending, overall and per creator
create index product_newest on product (created_at desc, id desc);
create index product_by_creator on product (creator_id, created_at desc, id desc);
-- text search: never a sequential scan
create index product_search on product using gin (search);
