-- Who can be followed: the creators announced by catalog-service's creator.created events.
-- Only existence matters here; handle and display name are kept to make the table readable.
-- No foreign key points at this table from follows: every follow of a celebrity would take a
-- key-share lock on the same creator row (a multixact hot spot); the service checks existence instead.

create table creator (
    creator_id    uuid        not null,
    handle        text,
    display_name  text,
    registered_at timestamptz not null default now(),
    constraint creator_pk primary key (creator_id)
);
