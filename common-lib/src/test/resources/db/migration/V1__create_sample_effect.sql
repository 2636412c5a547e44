-- every processed sample event leaves one row: duplicates would show as repeated event ids
create table sample_effect (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null,
    event_key    text        not null,
    sequence     int         not null,
    processed_at timestamptz not null default now()
);
