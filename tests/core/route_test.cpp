#include <doctest/doctest.h>

#include "core/nav/navigator.h"
#include "core/nav/route.h"

using namespace portlab::nav;

TEST_CASE("route: empty fragments open the course home") {
  for (const char* f : {"", "#", "#/", "/", "#//"}) {
    CAPTURE(f);
    ParsedRoute p = parse_fragment(f);
    CHECK(p.route.screen == Screen::Home);
    CHECK(p.problem.empty());
  }
}

TEST_CASE("route: known screens parse and format back to the same fragment") {
  for (Screen s : {Screen::Home, Screen::Settings, Screen::About}) {
    Route r{s, {}};
    ParsedRoute p = parse_fragment(to_fragment(r));
    CHECK(p.problem.empty());
    CHECK(p.route == r);
  }
  CHECK(to_fragment(Route{Screen::Settings, {}}) == "#/settings");
  CHECK(parse_fragment("#/about/").route.screen == Screen::About);
}

TEST_CASE("route: unknown, malformed and hostile fragments open home with a message") {
  const char* bad[] = {"#/nonsense", "#/settings/extra", "#/%zz", "#/%0a", "#/a%", "#/settings//x"};
  for (const char* f : bad) {
    CAPTURE(f);
    ParsedRoute p = parse_fragment(f);
    CHECK(p.route.screen == Screen::Home);
    CHECK_FALSE(p.problem.empty());
  }
  CHECK(parse_fragment("#/nonsense").problem.find("\"nonsense\"") != std::string::npos);
  CHECK_FALSE(parse_fragment("#/" + std::string(kMaxFragmentLength, 'a')).problem.empty());
}

TEST_CASE("navigator: in-app moves push history and hand out one URL change each") {
  Navigator nav;
  nav.go(Route{Screen::Settings, {}});
  auto change = nav.take_url_change();
  REQUIRE(change);
  CHECK(change->fragment == "#/settings");
  CHECK(change->kind == Navigator::UrlChangeKind::Push);
  CHECK_FALSE(nav.take_url_change());
  nav.go(Route{Screen::Settings, {}});  // already there: nothing to do
  CHECK_FALSE(nav.take_url_change());
  nav.go(Route{Screen::About, {}});
  nav.take_url_change();
  nav.back();
  CHECK(nav.current().screen == Screen::Settings);
  CHECK(nav.take_url_change()->kind == Navigator::UrlChangeKind::Back);
  nav.forward();
  CHECK(nav.current().screen == Screen::About);
  CHECK(nav.can_go_back());
  CHECK_FALSE(nav.can_go_forward());
}

TEST_CASE("navigator: a bad link opens home, explains, and replaces the address") {
  Navigator nav;
  nav.open_fragment("#/lessons-that-do-not-exist");
  CHECK(nav.current().screen == Screen::Home);
  CHECK_FALSE(nav.notice().empty());
  auto change = nav.take_url_change();
  REQUIRE(change);
  CHECK(change->kind == Navigator::UrlChangeKind::Replace);
  CHECK(change->fragment == "#/home");
  nav.open_fragment("#/about");  // following a good link pushes nothing
  CHECK(nav.current().screen == Screen::About);
  CHECK_FALSE(nav.take_url_change());
  CHECK_FALSE(nav.can_go_back());
}

TEST_CASE("route: a link is refused when its canonical form would be over the length limit (found by fuzzing)") {
  // 700 raw bytes take 2100 characters once percent-encoded: accepted as
  // typed, the address bar would then hold a link a reload refuses.
  const std::string link = "#/lesson/x/" + std::string(700, '\xff');
  REQUIRE(link.size() < kMaxFragmentLength);
  const ParsedRoute p = parse_fragment(link);
  CHECK(p.route.screen == Screen::Home);
  CHECK(p.problem.find("too long") != std::string::npos);
  // Within the limit, a route survives the round trip.
  const ParsedRoute ok = parse_fragment("#/lesson/x/" + std::string(20, '\xff'));
  REQUIRE(ok.problem.empty());
  CHECK(parse_fragment(to_fragment(ok.route)).route == ok.route);
}

TEST_CASE("route: the lab screens take a setup, and only as setup/<items>") {
  const Route setup{Screen::Bind, {"setup", "os=linux&sysctl=a=b&goal=bind ok port=80"}};
  // '=', '&', ':', ',' and '@' stay readable; a space is escaped.
  CHECK(to_fragment(setup) == "#/bind/setup/os=linux&sysctl=a=b&goal=bind%20ok%20port=80");
  const ParsedRoute p = parse_fragment(to_fragment(setup));
  REQUIRE(p.problem.empty());
  CHECK(p.route == setup);
  for (const char* ok : {"#/ephemeral/setup/os=linux", "#/nat/setup/challenge=x", "#/bind/linux"}) {
    CAPTURE(ok);
    CHECK(parse_fragment(ok).problem.empty());
  }
  for (const char* bad : {"#/bind/linux/extra", "#/bind/setup/a/b", "#/explorer/setup/x", "#/settings/setup/x"}) {
    CAPTURE(bad);
    CHECK(parse_fragment(bad).route.screen == Screen::Home);
    CHECK_FALSE(parse_fragment(bad).problem.empty());
  }
  // Parentheses and quotes are escaped, so a link survives Markdown and HTML.
  CHECK(to_fragment(Route{Screen::Explorer, {"a(b)'\""}}) == "#/explorer/a%28b%29%27%22");
  // The limit is the setup link's.
  CHECK(kMaxFragmentLength == 2000);
  CHECK(parse_fragment("#/bind/setup/" + std::string(1900, 'a')).problem.empty());
}
