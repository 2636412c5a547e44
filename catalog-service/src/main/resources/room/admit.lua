-- One admission pass of a live room; atomic, so instances running it at once never admit more
-- than the limit or one buyer twice.
-- ARGV: now (ms), rate window (ms), active shoppers, token expiry (ms), keys expire at (ms), nonce.
-- Answer: {first pass (1: the line is drawn now), admitted, expired, waiting, holding a slot,
--          admitted in the window}
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local first = redis.call('HSETNX', KEYS[7], 'drawn', '1')
local admitted, expired = 0, 0
if not redis.call('HGET', KEYS[7], 'closed') then
  -- a token that expired unused frees its slot; the ticket is expired for good
  for _, user in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', now)) do
    redis.call('ZREM', KEYS[5], user)
    redis.call('HSET', KEYS[4], user, 'x')
    redis.call('RPUSH', KEYS[8], 'x|' .. user)
    expired = expired + 1
  end
  local free = tonumber(ARGV[3]) - redis.call('ZCARD', KEYS[5])
  if free > 0 then
    local next_in_line = redis.call('ZPOPMIN', KEYS[2], free)
    for i = 1, #next_in_line, 2 do
      local user = next_in_line[i]
      redis.call('ZADD', KEYS[5], ARGV[4], user)
      redis.call('HSET', KEYS[4], user, 'a|' .. ARGV[4])
      redis.call('RPUSH', KEYS[8], 'a|' .. user .. '|' .. ARGV[4])
      admitted = admitted + 1
    end
  end
  if admitted > 0 then
    redis.call('ZADD', KEYS[6], ARGV[1], ARGV[1] .. ':' .. admitted .. ':' .. ARGV[6])
    redis.call('HINCRBY', KEYS[7], 'admittedTotal', admitted)
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now - window)
for _, key in ipairs(KEYS) do
  redis.call('PEXPIREAT', key, ARGV[5])
end
return {first, admitted, expired, redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[5]),
        recent_admissions(now, window)}
