-- Drops whose creator turned the waiting room on: orders need an admission token.
alter table drop_info add column waiting_room boolean not null default false;
