-- Idempotency-Key records (API.md): one per (user, key), kept at least 24 h.
-- in_flight: the first request runs under a lease; completed: its 2xx/4xx answer, replayed verbatim.

create table idempotency_record (
    scope           text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    operation_id    uuid        not null,
    state           text        not null,
    lease_owner     uuid,
    lease_until     timestamptz,
    response_status int,
    content_type    text,
    response_body   text,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    expires_at      timestamptz not null,
    constraint idempotency_record_pk primary key (scope, idempotency_key),
    constraint idempotency_record_state_valid check (state in ('in_flight', 'completed')),
    constraint idempotency_record_key_length check (length(idempotency_key) between 1 and 255),
    constraint idempotency_record_in_flight_has_lease
        check (state <> 'in_flight' or (lease_owner is not null and lease_until is not null)),
    constraint idempotency_record_completed_has_response
        check (state <> 'completed'
               or (response_status between 200 and 499 and content_type is not null and response_body is not null)),
    constraint idempotency_record_expires_after_creation check (expires_at > created_at)
);

create index idempotency_record_expires_at on idempotency_record (expires_at);
