-- wrk script: one article (its whole record) at random per request, ids 1..MARSAD_ARTICLES.
-- Used by tools/web/load-test.sh.
local n = tonumber(os.getenv("MARSAD_ARTICLES") or "1000")
math.randomseed(11)
request = function()
  return wrk.format("GET", "/api/articles/" .. math.random(1, n))
end
