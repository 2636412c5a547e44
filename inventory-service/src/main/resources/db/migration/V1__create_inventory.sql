-- inventory-service: stock per drop, reservations (holds) and what each user holds of a drop.
-- The check constraints are the last line of defence against oversell: whatever SQL a buggy caller
-- runs, the counts of a drop can never go negative and always add up to its stock.

create table drop_stock (
    drop_id             uuid        not null,
    stock               integer     not null,
    available           integer     not null,
    reserved            integer     not null default 0,
    sold                integer     not null default 0,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    -- set by drop.ended: reservations stop even if ends_at was not reached yet
    ended_at            timestamptz,
    per_user_limit      integer     not null,
    low_stock_threshold integer,
    -- event bookkeeping: stock.low is armed again when available climbs back to the threshold;
    -- sold_out is announced once per drop
    low_stock_signalled boolean     not null default false,
    sold_out_signalled  boolean     not null default false,
    -- stock.changed is coalesced: writers only mark the drop dirty, a publisher emits the latest counts
    stock_dirty         boolean     not null default false,
    stock_published_at  timestamptz,
    -- time of the drop.scheduled event applied last (an older redelivery is ignored)
    scheduled_at        timestamptz not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint drop_stock_pk primary key (drop_id),
    constraint drop_stock_stock_non_negative check (stock >= 0),
    constraint drop_stock_available_non_negative check (available >= 0),
    constraint drop_stock_reserved_non_negative check (reserved >= 0),
    constraint drop_stock_sold_non_negative check (sold >= 0),
    constraint drop_stock_counts_add_up check (available + reserved + sold = stock),
    constraint drop_stock_window_ordered check (starts_at < ends_at),
    constraint drop_stock_per_user_limit_positive check (per_user_limit >= 1),
    constraint drop_stock_low_stock_threshold_non_negative check (low_stock_threshold is null or low_stock_threshold >= 0)
);

-- the coalescing publisher's only read: drops changed since their last stock.changed
create index drop_stock_dirty on drop_stock (drop_id) where stock_dirty;

-- No foreign key to drop_stock on purpose: a foreign-key check takes a KEY SHARE lock on the parent
-- row, and on a hot drop every reservation would then share-lock the row that every reservation also
-- updates (multixacts on the hottest row). The reserve transaction itself proves the drop exists.
create table reservation (
    reservation_id uuid        not null,
    drop_id        uuid        not null,
    user_id        text        not null,
    quantity       integer     not null,
    status         text        not null,
    -- who released a hold: the caller (order-service) or the expiry reaper
    released_by    text,
    expires_at     timestamptz not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint reservation_pk primary key (reservation_id),
    constraint reservation_quantity_positive check (quantity > 0),
    constraint reservation_status_known check (status in ('held', 'confirmed', 'released', 'returned')),
    constraint reservation_released_by_known check (released_by in ('caller', 'reaper')),
    constraint reservation_released_by_only_when_released check ((status = 'released') = (released_by is not null))
);

-- the reaper's read: holds by expiry
create index reservation_held_by_expiry on reservation (expires_at) where status = 'held';

-- A hold ends exactly once: held -> confirmed | released, and confirmed -> returned after a refund.
-- The service guards every transition with a conditional update (where status = ...); this trigger
-- makes the database refuse any other transition too.
create function reservation_transition_allowed() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status
       and not ((old.status = 'held' and new.status in ('confirmed', 'released'))
             or (old.status = 'confirmed' and new.status = 'returned')) then
        raise exception 'reservation % cannot go from % to %', old.reservation_id, old.status, new.status
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger reservation_transition_allowed
    before update of status on reservation
    for each row execute function reservation_transition_allowed();

-- What a user holds or bought of a drop (held + confirmed quantity), for the per-user limit.
-- Released and returned reservations give their quantity back. The limit is copied from the drop
-- when the row is written, so the database itself refuses a holding above it.
create table user_holding (
    drop_id        uuid    not null,
    user_id        text    not null,
    quantity       integer not null,
    quantity_limit integer not null,
    constraint user_holding_pk primary key (drop_id, user_id),
    constraint user_holding_quantity_non_negative check (quantity >= 0),
    constraint user_holding_within_limit check (quantity <= quantity_limit)
);
