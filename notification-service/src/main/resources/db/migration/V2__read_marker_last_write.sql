-- When the user last changed their read state (read one, read all), on the primary's clock. A list
-- right after such a write reads the primary (read-your-writes); later ones may read the replica.
-- A user who only read single notifications gets a marker row with read_through_id 0.
alter table read_marker add column last_write_at timestamptz;
