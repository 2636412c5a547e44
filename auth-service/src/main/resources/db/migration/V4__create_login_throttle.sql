-- Per-account sign-in throttling: failed sign-ins per email (known or not, so a 429 reveals nothing
-- about whether an account exists). Keyed by the SHA-256 of the normalised email, so addresses an
-- attacker tries are not stored. A row counts attempts that have not (yet) succeeded within the
-- current window; a success deletes it. Too many within the window lock the email out until
-- locked_until, each lock-out twice as long as the previous one (lockouts is the exponent).

create table login_throttle (
    email_hash        bytea       not null,
    attempts          integer     not null,
    window_started_at timestamptz not null,
    lockouts          integer     not null,
    locked_until      timestamptz,
    updated_at        timestamptz not null,
    constraint login_throttle_pk primary key (email_hash),
    constraint login_throttle_email_hash_is_sha256 check (octet_length(email_hash) = 32),
    constraint login_throttle_attempts_non_negative check (attempts >= 0),
    constraint login_throttle_lockouts_non_negative check (lockouts >= 0)
);

-- the purge of idle rows
create index login_throttle_updated_at on login_throttle (updated_at);
