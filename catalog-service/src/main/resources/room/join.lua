-- One ticket per user: a second join changes nothing and answers the first ticket.
-- ARGV: user, now (ms), rate window (ms), ticket "id|joinedAtMillis", before the start (1/0),
--       random rank (below 2^40), keys expire at (ms).
-- Before the start the line order is the random rank, drawn at the join and never shown before
-- the start: joining early or often gains nothing. After the start, arrival order behind them.
local AFTER_START = 1099511627776 -- 2^40, above every random rank
local created = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[4])
if created == 1 and not redis.call('HGET', KEYS[7], 'closed') then
  if ARGV[5] == '1' then
    redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
  else
    redis.call('ZADD', KEYS[2], AFTER_START + redis.call('INCR', KEYS[3]), ARGV[1])
  end
end
for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3]}) do
  redis.call('PEXPIREAT', key, ARGV[7])
end
local state = ticket_state(ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
table.insert(state, 1, created)
return state
