-- Shared by the scripts that answer with a ticket (prepended to them when they are loaded).
-- KEYS: tickets, line, seq, outcomes, admitted, admissions, state, news (RoomKeys.all()).

-- Buyers admitted in the last `window` milliseconds (batches are "millis:count:nonce").
local function recent_admissions(now, window)
  local total = 0
  for _, batch in ipairs(redis.call('ZRANGEBYSCORE', KEYS[6], now - window, '+inf')) do
    total = total + tonumber(string.match(batch, '^[^:]+:(%d+):'))
  end
  return total
end

-- What the service needs to show one user's ticket, or false when the user has none:
-- {ticket, rank in line (-1: not waiting), outcome, holds a slot (1/0), closed, drawn,
--  admitted holding a slot, admitted in the window}
local function ticket_state(user, now, window)
  local ticket = redis.call('HGET', KEYS[1], user)
  if not ticket then
    return false
  end
  local room = redis.call('HMGET', KEYS[7], 'closed', 'drawn')
  return {
    ticket,
    redis.call('ZRANK', KEYS[2], user) or -1,
    redis.call('HGET', KEYS[4], user) or '',
    redis.call('ZSCORE', KEYS[5], user) and 1 or 0,
    room[1] or '',
    room[2] or '',
    redis.call('ZCARD', KEYS[5]),
    recent_admissions(now, window)
  }
end
