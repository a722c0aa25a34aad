// MirrorDiff: what changed between two frames' semantics, as the JSON patch
// web/a11y.js applies. Nodes are built by hand: the diff needs no ImGui.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/json.h"
#include "ui/a11y/mirror_patch.h"

using namespace portlab;
using ui::a11y::Announcement;
using ui::a11y::MirrorDiff;
using ui::a11y::Node;
using ui::a11y::Role;

namespace {

Node node(ImGuiID id, Role role, const std::string& name, float y = 0) {
  Node n;
  n.id = id;
  n.role = role;
  n.name = name;
  n.label = name;
  n.min = ImVec2(10, y);
  n.max = ImVec2(110, y + 20);
  n.font_size = 16;
  return n;
}

json::Value parse(const std::string& patch) {
  json::ParseResult r = json::parse(patch);
  REQUIRE_MESSAGE(r.ok(), patch);
  return *r.value;
}

const json::Array& array(const json::Value& v, const char* key) {
  static const json::Array none;
  const json::Value* found = v.find(key);
  return found ? found->as_array() : none;
}

std::vector<Node> frame() {
  return {node(1, Role::Heading, "Ports"), node(2, Role::Button, "Try bind", 30), node(3, Role::Text, "A \"quoted\"\nline", 60)};
}

}  // namespace

TEST_CASE("a11y diff: the first update sends every node and their order, and says nothing") {
  MirrorDiff diff;
  std::vector<Node> nodes = frame();
  nodes.push_back(node(4, Role::Status, "bind() succeeded", 90));
  const json::Value patch = parse(diff.update(nodes, 0, {}));
  REQUIRE(array(patch, "nodes").size() == 4);
  CHECK(array(patch, "order").size() == 4);
  CHECK(patch.find("say") == nullptr);
  CHECK(patch.find("remove") == nullptr);
  CHECK(patch.find("focus") == nullptr);
  const json::Value& text = array(patch, "nodes")[2];
  CHECK(text.find("name")->as_string() == "A \"quoted\"\nline");  // escaped and read back
  CHECK(text.find("role")->as_string() == "paragraph");
  CHECK(array(patch, "nodes")[1].find("role")->as_string() == "button");
  CHECK(array(patch, "nodes")[1].find("y")->as_number() == 30);
  CHECK(array(patch, "nodes")[1].find("h")->as_number() == 20);
}

TEST_CASE("a11y diff: an identical frame gives nothing, sub-pixel jitter too") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  CHECK(diff.update(frame(), 0, {}) == "");
  std::vector<Node> jittered = frame();
  jittered[1].min.y += 0.1f;
  jittered[1].max.y += 0.1f;
  CHECK(diff.update(jittered, 0, {}) == "");
}

TEST_CASE("a11y diff: a changed name sends that node alone, without the order") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  std::vector<Node> next = frame();
  next[1].name = "Try bind again";
  const json::Value patch = parse(diff.update(next, 0, {}));
  REQUIRE(array(patch, "nodes").size() == 1);
  CHECK(array(patch, "nodes")[0].find("id")->as_number() == 2);
  CHECK(array(patch, "nodes")[0].find("name")->as_string() == "Try bind again");
  CHECK(patch.find("order") == nullptr);
  CHECK(patch.find("remove") == nullptr);
}

TEST_CASE("a11y diff: a removed node is removed and the order sent") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  std::vector<Node> next = frame();
  next.erase(next.begin() + 1);
  const json::Value patch = parse(diff.update(next, 0, {}));
  REQUIRE(array(patch, "remove").size() == 1);
  CHECK(array(patch, "remove")[0].as_number() == 2);
  CHECK(array(patch, "nodes").empty());
  CHECK(array(patch, "order").size() == 2);
}

TEST_CASE("a11y diff: a status or an error that appears or changes is said, once") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  std::vector<Node> next = frame();
  next.push_back(node(4, Role::Status, "bind() succeeded", 90));
  json::Value patch = parse(diff.update(next, 0, {}));
  REQUIRE(array(patch, "say").size() == 1);
  CHECK(array(patch, "say")[0].find("text")->as_string() == "bind() succeeded");
  CHECK_FALSE(array(patch, "say")[0].find("assertive")->as_bool());
  CHECK(diff.update(next, 0, {}) == "");  // still there: not said again

  next[3] = node(4, Role::Alert, "EADDRINUSE", 90);
  patch = parse(diff.update(next, 0, {}));
  REQUIRE(array(patch, "say").size() == 1);
  CHECK(array(patch, "say")[0].find("assertive")->as_bool());
}

TEST_CASE("a11y diff: announcements and focus changes go into the patch") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  const json::Value patch = parse(diff.update(frame(), 2, {Announcement{"Settings", false}}));
  CHECK(patch.find("focus")->as_number() == 2);
  REQUIRE(array(patch, "say").size() == 1);
  CHECK(array(patch, "say")[0].find("text")->as_string() == "Settings");
  CHECK(patch.find("nodes") == nullptr);
  CHECK(diff.update(frame(), 2, {}) == "");
}

TEST_CASE("a11y diff: after reset the next update sends everything again") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  diff.reset();
  const json::Value patch = parse(diff.update(frame(), 0, {}));
  CHECK(array(patch, "nodes").size() == 3);
}

TEST_CASE("a11y diff: a second node with one id is left out") {
  MirrorDiff diff;
  std::vector<Node> nodes = frame();
  nodes.push_back(node(2, Role::Button, "Try bind", 120));
  const json::Value patch = parse(diff.update(nodes, 0, {}));
  CHECK(array(patch, "nodes").size() == 3);
  CHECK(array(patch, "order").size() == 3);
}

TEST_CASE("a11y diff: a new screen says its errors, not the results it happens to show") {
  MirrorDiff diff;
  diff.update(frame(), 0, {});
  std::vector<Node> next = frame();
  next.push_back(node(4, Role::Status, "Port 443 is a System Port", 90));
  next.push_back(node(5, Role::Alert, "That link names no lesson", 120));
  diff.new_screen();
  json::Value patch = parse(diff.update(next, 0, {Announcement{"Bind Lab", false}}));
  REQUIRE(array(patch, "say").size() == 2);
  CHECK(array(patch, "say")[0].find("text")->as_string() == "That link names no lesson");
  CHECK(array(patch, "say")[1].find("text")->as_string() == "Bind Lab");
  // On the same screen, a result that changes is said again.
  next[3] = node(4, Role::Status, "OK: bound to port 80", 90);
  patch = parse(diff.update(next, 0, {}));
  REQUIRE(array(patch, "say").size() == 1);
  CHECK(array(patch, "say")[0].find("text")->as_string() == "OK: bound to port 80");
}
