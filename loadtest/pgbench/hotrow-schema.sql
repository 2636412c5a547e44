-- The baseline of a hot drop: inventory's reservation transaction (conditional stock update on ONE
-- row + the hold + the per-user holding) with nothing around it. Same columns and constraints as
-- inventory-service's V1__create_inventory.sql where they matter for the row lock.
create table drop_stock (
    drop_id uuid primary key, stock integer not null, available integer not null,
    reserved integer not null default 0, sold integer not null default 0,
    starts_at timestamptz not null, ends_at timestamptz not null, ended_at timestamptz,
    stock_dirty boolean not null default false,
    check (available >= 0), check (available + reserved + sold = stock));
create table reservation (
    reservation_id uuid primary key, drop_id uuid not null, user_id text not null,
    quantity integer not null, status text not null, expires_at timestamptz not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
create index reservation_held_by_expiry on reservation (expires_at) where status = 'held';
create table user_holding (
    drop_id uuid not null, user_id text not null, quantity integer not null, quantity_limit integer not null,
    primary key (drop_id, user_id), check (quantity <= quantity_limit));
insert into drop_stock (drop_id, stock, available, starts_at, ends_at)
values ('00000000-0000-0000-0000-000000000001', 100000000, 100000000, now() - interval '1 minute', now() + interval '1 day');
