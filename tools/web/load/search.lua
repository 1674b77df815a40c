-- wrk script: realistic searches (Arabic words, phrases, OR, exclusion, filters), one at random
-- per request. Used by tools/web/load-test.sh.
local paths = {
  "/api/search?q=%D9%82%D8%B5%D9%81&limit=20",
  "/api/search?q=%D8%A7%D9%84%D8%AC%D9%8A%D8%B4&limit=20",
  "/api/search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7&limit=20",
  "/api/search?q=%22%D9%88%D8%B2%D8%A7%D8%B1%D8%A9%20%D8%A7%D9%84%D8%AF%D9%81%D8%A7%D8%B9%22&from=2018-03-01&to=2018-03&limit=20",
  "/api/search?q=%D8%A5%D8%AF%D9%84%D8%A8%20OR%20%D8%AD%D9%84%D8%A8&kind=killed&limit=20",
  "/api/search?q=%D9%85%D9%82%D8%AA%D9%84&category=FIGHT&limit=20",
  "/api/search?q=%D8%AA%D8%B1%D8%A7%D9%85%D8%A8&limit=20",
  "/api/search?q=%D8%BA%D8%A7%D8%B1%D8%A9%20%D8%AC%D9%88%D9%8A%D8%A9&limit=20",
  "/api/search?q=%D8%A7%D9%84%D8%A3%D9%85%D9%85%20%D8%A7%D9%84%D9%85%D8%AA%D8%AD%D8%AF%D8%A9&limit=20",
  "/api/search?q=%D8%A7%D9%84%D9%8A%D9%85%D9%86&from=2018-03-01&to=2018-03&limit=20",
  "/api/search?q=%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A%D9%8A%D9%86&kind=killed&limit=20",
  "/api/search?q=%D8%A7%D8%B4%D8%AA%D8%A8%D8%A7%D9%83%D8%A7%D8%AA&category=FIGHT&limit=20",
  "/api/search?q=%22%D9%85%D8%AC%D9%84%D8%B3%20%D8%A7%D9%84%D8%A3%D9%85%D9%86%22&limit=20",
  "/api/search?q=%D8%BA%D8%B2%D8%A9%20-%D8%A5%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84&limit=20",
  "/api/search?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7%20%D8%AA%D8%B1%D9%83%D9%8A%D8%A7&limit=20",
}
math.randomseed(7)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
