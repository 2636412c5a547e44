-- The memory of the simulated card provider (the default PaymentProvider): what a real provider keeps on
-- its side. A charge is remembered by its idempotency key (our payment id), so asking again never
-- charges again. Not read by anything but the simulator.

create table simulated_charge (
    idempotency_key text        primary key,
    token           text        not null,
    amount_cents    bigint      not null,
    currency        text        not null,
    outcome         text        not null,
    decline_code    text,
    refunded_at     timestamptz,
    created_at      timestamptz not null default now(),
    constraint simulated_charge_outcome_valid check (outcome in ('captured', 'declined')),
    constraint simulated_charge_declined_has_code check ((outcome = 'declined') = (decline_code is not null)),
    constraint simulated_charge_refunds_captured_only check (refunded_at is null or outcome = 'captured')
);
