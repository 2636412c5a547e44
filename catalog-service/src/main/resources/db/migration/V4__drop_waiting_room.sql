-- The creator's choice of a virtual waiting room for the drop (the line itself lives in Redis).
alter table drops add column waiting_room boolean not null default false;

-- the admission loop's look-up of rooms that are live or ended recently: few rows, by end time
create index drops_with_room on drops (ends_at) where waiting_room;
