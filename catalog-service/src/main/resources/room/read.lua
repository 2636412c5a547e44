-- ARGV: user, now (ms), rate window (ms). An empty answer: the user has no ticket.
local state = ticket_state(ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
if not state then
  return {}
end
return state
