-- RS256 signing keys, persisted so that a restart (or a second instance) signs and validates with the
-- same keys. A key signs from activates_at until the next key activates; it stays published in the
-- JWKS for a retention period after that, so tokens it signed can still be validated.

create table signing_key (
    kid                    text        not null,
    algorithm              text        not null,
    -- X.509 SubjectPublicKeyInfo, DER
    public_key             bytea       not null,
    -- PKCS#8, DER, encrypted: 12-byte nonce || AES-256-GCM ciphertext and tag (additional data: kid)
    private_key            bytea       not null,
    private_key_encryption text        not null,
    created_at             timestamptz not null,
    activates_at           timestamptz not null,
    constraint signing_key_pk primary key (kid),
    constraint signing_key_algorithm_known check (algorithm in ('RS256')),
    constraint signing_key_encryption_known check (private_key_encryption in ('aes-256-gcm')),
    constraint signing_key_activates_after_creation check (activates_at >= created_at)
);

create index signing_key_activates_at on signing_key (activates_at);
