-- one reservation of one unit on the hot drop by a new user (what inventory's single-row reserver does)
\set user random(1, 1000000000)
begin;
update drop_stock set available = available - 1, reserved = reserved + 1, stock_dirty = true
 where drop_id = '00000000-0000-0000-0000-000000000001' and available >= 1 and ended_at is null
   and now() >= starts_at and now() < ends_at
returning available;
insert into reservation (reservation_id, drop_id, user_id, quantity, status, expires_at)
values (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'u' || :user || '-' || random(), 1, 'held', now() + interval '10 minutes');
insert into user_holding (drop_id, user_id, quantity, quantity_limit)
values ('00000000-0000-0000-0000-000000000001', 'u' || :user || '-' || random(), 1, 1)
on conflict (drop_id, user_id) do update set quantity = user_holding.quantity + 1;
commit;
