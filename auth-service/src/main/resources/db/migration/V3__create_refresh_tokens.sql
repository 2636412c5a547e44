-- Refresh tokens: opaque to clients, stored only as their SHA-256. Each sign-in starts a family; each
-- refresh uses up one token and adds its successor to the same family. Presenting a used token
-- revokes the whole family (the token was stolen, or the client is confused: either way, sign in again).

create table refresh_token_family (
    id             uuid        not null,
    user_id        uuid        not null,
    created_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text,
    constraint refresh_token_family_pk primary key (id),
    constraint refresh_token_family_user_fk foreign key (user_id) references users (id) on delete cascade,
    constraint refresh_token_family_revoked_reason_known check (revoked_reason in ('reuse', 'logout')),
    constraint refresh_token_family_revocation_complete check ((revoked_at is null) = (revoked_reason is null))
);

create index refresh_token_family_user_id on refresh_token_family (user_id);

create table refresh_token (
    token_hash bytea       not null,
    family_id  uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint refresh_token_pk primary key (token_hash),
    constraint refresh_token_family_fk foreign key (family_id) references refresh_token_family (id) on delete cascade,
    constraint refresh_token_hash_is_sha256 check (octet_length(token_hash) = 32),
    constraint refresh_token_expires_after_issue check (expires_at > issued_at),
    constraint refresh_token_used_after_issue check (used_at is null or used_at >= issued_at)
);

create index refresh_token_family_id on refresh_token (family_id);
create index refresh_token_expires_at on refresh_token (expires_at);
