// The shipped course, read from the source tree with plain streams (not
// std::filesystem) so the tests that use it also run as wasm.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/course/course.h"
#include "core/quiz/gift_parser.h"

namespace portlab::test {

// A ```sim block written in a test: {{"lab", "bind"}, {"port", "80"}}.
inline course::Directive make_preset(const std::vector<std::pair<std::string, std::string>>& params) {
  course::Directive d;
  for (const auto& kv : params) d.params.push_back({kv.first, kv.second, 1});
  return d;
}

// Files of the source tree, named "<folder>/<name>" as the app names them.
inline std::vector<SourceFile> read_repo_files(const std::string& folder, const std::vector<std::string>& names) {
  std::vector<SourceFile> files;
  for (const std::string& name : names) {
    std::ifstream in(std::string(PORTLAB_SOURCE_DIR) + "/" + folder + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << folder << "/" << name);
    std::stringstream text;
    text << in.rdbuf();
    files.push_back({folder + "/" + name, text.str()});
  }
  return files;
}

inline std::vector<SourceFile> shipped_lesson_files() {
  return read_repo_files("lessons", {"01-what-is-a-port.md", "02-port-ranges.md", "03-privileged-binding.md",
                                     "04-ephemeral-ports.md", "05-nat-and-port-forwarding.md", "06-ports-on-your-machine.md", "07-beyond-tcp-and-udp.md", "08-exam-practice.md"});
}

inline course::Course shipped_course() { return course::load_course(shipped_lesson_files()); }

// Every shipped question bank file, as quiz/bank holds them.
inline std::vector<SourceFile> shipped_bank_files() {
  return read_repo_files("quiz/bank", {"ports.gift", "exam-services.gift", "ranges.gift", "privileged.gift",
                                       "ephemeral.gift", "nat.gift", "tools.gift", "protocols.gift"});
}

// The shipped banks parsed and merged, as the app loads them.
inline quiz::GiftParse shipped_bank() {
  quiz::GiftParse bank;
  for (const SourceFile& f : shipped_bank_files()) quiz::merge_into(bank, quiz::parse_gift(f.text, f.name));
  return bank;
}

// Every ```sim block of the shipped course whose lab is one of `labs`.
inline std::vector<course::Directive> shipped_presets(const std::vector<std::string>& labs) {
  std::vector<course::Directive> out;
  const course::Course c = shipped_course();
  REQUIRE(c.issues.empty());
  for (const course::Lesson& lesson : c.lessons)
    for (const course::Step& step : lesson.steps)
      for (const course::Directive& d : step.directives)
        for (const std::string& lab : labs)
          if (d.kind == course::Directive::Kind::Sim && d.get("lab") == lab) out.push_back(d);
  return out;
}

}  // namespace portlab::test
