// libFuzzer target: URL fragments, which anyone can put in a link.
//
// Any fragment must open a screen: the one it names, or the course home
// with a message, never a crash. A route that was understood must write
// back to a fragment that parses to the same route, and the model's link
// checks (lessons, steps, labs, quizzes) must accept it or say why.
//
// Run: tools/fuzz.sh route [seconds]
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "require.h"

using namespace portlab;

using portlab::fuzz::require;

namespace {

const char* kLesson = "---\nid: port-ranges\ntitle: Port ranges\n---\n## One\nText.\n## Two\nText.\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string fragment(reinterpret_cast<const char*>(data), size);
  nav::ParsedRoute parsed = nav::parse_fragment(fragment);
  if (parsed.problem.empty()) {
    const nav::ParsedRoute again = nav::parse_fragment(nav::to_fragment(parsed.route));
    require(again.problem.empty() && again.route == parsed.route);
  } else {
    require(parsed.route.screen == nav::Screen::Home);
  }

  static model::Model* model = [] {
    auto* m = new model::Model;
    m->content = model::load_content({{"lessons/02.md", kLesson}}, {});
    m->quiz.attach(&m->content.bank, &m->progress);
    return m;
  }();
  nav::Navigator navigator;
  navigator.set_route_check([](nav::Route& r) { return model->check_route(r); });
  navigator.open_fragment(fragment);
  if (!navigator.notice().empty()) require(navigator.current().screen == nav::Screen::Home);
  return 0;
}
