-- Closes the room once (sold out or ended): admission stops, the tickets still waiting take the
-- reason as their status. ARGV: reason (sold_out|expired), keys expire at (ms).
-- Answer: 1 for the one caller that closed it, 0 if it was closed already.
local closed = redis.call('HSETNX', KEYS[7], 'closed', ARGV[1])
for _, key in ipairs(KEYS) do
  redis.call('PEXPIREAT', key, ARGV[2])
end
return closed
