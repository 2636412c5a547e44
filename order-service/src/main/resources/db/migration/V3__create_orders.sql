-- Orders and the state of their saga.
--   status:        reserving (internal: the hold is being requested) -> pending_payment -> confirmed;
--                  cancelled / expired; rejected (internal: the placement failed, leftovers undone)
--   hold_state:    what we know of the inventory hold (reservation id = order id)
--   payment_state: what we know of the payment
-- work_due_at marks an order whose saga has a step left (or may have: reserving); the recovery job
-- finishes those whose time has come, so a crash between two steps never leaves an order stuck.

create table orders (
    id               uuid        primary key,
    user_id          text        not null,
    drop_id          text        not null,
    product_id       text        not null,
    quantity         int         not null,
    unit_price_cents bigint      not null,
    total_cents      bigint      not null,
    currency         text        not null,
    status           text        not null,
    hold_state       text        not null,
    payment_state    text        not null default 'none',
    payment_id       text,
    idempotency_key  text        not null,
    reserved_until   timestamptz not null,
    work_due_at      timestamptz,
    work_attempts    int         not null default 0,
    version          int         not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint orders_status_valid check (
        status in ('reserving', 'pending_payment', 'confirmed', 'cancelled', 'expired', 'rejected')),
    constraint orders_hold_state_valid check (
        hold_state in ('none', 'requested', 'held', 'confirmed', 'released', 'returned')),
    constraint orders_payment_state_valid check (payment_state in ('none', 'captured', 'refunded')),
    constraint orders_quantity_positive check (quantity > 0),
    constraint orders_price_non_negative check (unit_price_cents >= 0),
    constraint orders_total_is_price_times_quantity check (total_cents = unit_price_cents * quantity),
    constraint orders_currency_iso check (currency ~ '^[A-Z]{3}$'),
    constraint orders_paid_has_payment check (payment_state = 'none' or payment_id is not null),
    constraint orders_confirmed_is_paid_and_sold check (
        status <> 'confirmed' or (payment_state = 'captured' and hold_state = 'confirmed'))
);

-- the buyer's orders, newest first (keyset on the time-ordered id); internal states are never listed
create index orders_by_user on orders (user_id, id desc)
    where status in ('pending_payment', 'confirmed', 'cancelled', 'expired');
-- the expiry job: unpaid holds by deadline
create index orders_unpaid_by_deadline on orders (reserved_until)
    where status = 'pending_payment' and payment_state = 'none';
-- the recovery job
create index orders_work_due on orders (work_due_at) where work_due_at is not null;
