-- Payments. At most one payment per order that is not failed: a paid (or being paid) order can never
-- be charged a second time, whatever the client sends; a failed one leaves the order payable.

create table payment (
    id              uuid        primary key,
    order_id        text        not null,
    user_id         text        not null,
    amount_cents    bigint      not null,
    currency        text        not null,
    status          text        not null,
    failure_code    text,
    idempotency_key text        not null,
    work_due_at     timestamptz,
    work_attempts   int         not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint payment_status_valid check (status in ('processing', 'succeeded', 'failed', 'refunded')),
    constraint payment_amount_non_negative check (amount_cents >= 0),
    constraint payment_currency_iso check (currency ~ '^[A-Z]{3}$'),
    constraint payment_failure_code_iff_failed check ((status = 'failed') = (failure_code is not null))
);

create unique index payment_one_live_per_order on payment (order_id) where status <> 'failed';
create index payment_by_order on payment (order_id);
-- the recovery job: payments whose request died while the provider was being asked
create index payment_processing_due on payment (work_due_at) where status = 'processing';

-- The audit log: one row per state change of a payment, written by the database itself (trigger), and
-- append-only: updating, deleting or truncating it raises an error.

create table payment_audit (
    id           bigint      generated always as identity primary key,
    payment_id   uuid        not null,
    order_id     text        not null,
    user_id      text        not null,
    from_status  text,
    to_status    text        not null,
    amount_cents bigint      not null,
    currency     text        not null,
    failure_code text,
    recorded_at  timestamptz not null default clock_timestamp()
);

create index payment_audit_by_payment on payment_audit (payment_id, id);

create function payment_audit_record() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status then
        insert into payment_audit (payment_id, order_id, user_id, from_status, to_status, amount_cents, currency,
                                   failure_code)
        values (new.id, new.order_id, new.user_id, case when tg_op = 'UPDATE' then old.status end, new.status,
                new.amount_cents, new.currency, new.failure_code);
    end if;
    return new;
end
$$;

create trigger payment_state_changes_are_audited
    after insert or update of status on payment
    for each row execute function payment_audit_record();

create function payment_audit_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'payment_audit is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger payment_audit_is_append_only
    before update or delete on payment_audit
    for each row execute function payment_audit_refuse_change();

create trigger payment_audit_cannot_be_truncated
    before truncate on payment_audit
    for each statement execute function payment_audit_refuse_change();
