-- Token bucket, one Redis hash per (policy, caller): {tokens, ts}. Atomic (one script), cluster-safe
-- (one key). Same semantics as Spring Cloud Gateway's request_rate_limiter.lua, but with millisecond
-- precision from the Redis clock (every gateway instance shares it) and the wait until the next token.
--
-- KEYS[1]  the bucket
-- ARGV[1]  replenish rate, tokens per second (may be fractional)
-- ARGV[2]  burst capacity, the bucket size
-- ARGV[3]  tokens this request takes
-- returns  {allowed (1|0), whole tokens left, milliseconds until enough tokens (0 when allowed)}
redis.replicate_commands()

local key = KEYS[1]
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local bucket = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(bucket[1])
local last = tonumber(bucket[2])
if tokens == nil or last == nil then
  tokens = capacity
  last = now
end

tokens = math.min(capacity, tokens + math.max(0, now - last) * rate / 1000)

local allowed = 0
local wait_ms = 0
if tokens >= requested then
  allowed = 1
  tokens = tokens - requested
else
  wait_ms = math.ceil((requested - tokens) * 1000 / rate)
end

redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
-- an untouched bucket is full again after capacity / rate seconds: keep it no longer than that
redis.call('PEXPIRE', key, math.ceil(capacity * 1000 / rate) + 1000)

return { allowed, math.floor(tokens), wait_ms }
