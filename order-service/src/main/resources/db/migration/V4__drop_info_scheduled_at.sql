-- The time of the drop.scheduled event applied last: an older event (a replay, a redelivery after a
-- newer reschedule) must not restore an old price or window.
alter table drop_info add column scheduled_at timestamptz;
update drop_info set scheduled_at = updated_at;
alter table drop_info alter column scheduled_at set not null;
