-- Accounts. Emails are stored normalised (trimmed, lower-cased by the service) and are unique: the
-- unique index, not a prior lookup, is what turns a concurrent duplicate registration into 409.

create table users (
    id            uuid        not null,
    email         text        not null,
    password_hash text        not null,
    name          text        not null,
    creator       boolean     not null default false,
    created_at    timestamptz not null,
    constraint users_pk primary key (id),
    constraint users_email_unique unique (email),
    constraint users_email_trimmed check (email = btrim(email)),
    constraint users_email_length check (char_length(email) between 3 and 254),
    constraint users_name_length check (char_length(name) between 1 and 100),
    -- "{encoder-id}hash" as written by Spring Security's DelegatingPasswordEncoder
    constraint users_password_hash_tagged check (password_hash like '{%}%')
);
