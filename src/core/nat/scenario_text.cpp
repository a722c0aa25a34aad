// The scenario report for people: one block per event, then the table.
#include <sstream>

#include "core/nat/scenario.h"

namespace portlab::nat {
namespace {

using json::Value;

std::string text(const Value* v) {
  if (!v) return "";
  if (v->is_string()) return v->as_string();
  return json::write(*v);
}

std::string packet_text(const Value* p) {
  if (!p) return "";
  std::string out =
      text(p->find("proto")) + " " + text(p->find("from")) + " -> " + text(p->find("to"));
  if (const Value* flags = p->find("flags")) out += " [" + text(flags) + "]";
  return out;
}

void write_steps(std::ostringstream& out, const Value* steps, const char* indent) {
  if (!steps) return;
  for (const Value& s : steps->as_array()) {
    out << indent << "[" << text(s.find("rule")) << "] " << text(s.find("where")) << " "
        << text(s.find("kind")) << ": " << text(s.find("explanation"));
    if (s.find("approximate")) out << " (approximate)";
    out << "\n";
  }
}

}  // namespace

std::string format_report(const Value& report) {
  std::ostringstream out;
  const Value* profile = report.find("profile");
  out << "profile " << text(profile ? profile->find("key") : nullptr) << " ("
      << text(profile ? profile->find("name") : nullptr) << "), seed " << text(report.find("seed"))
      << "\n";
  if (const Value* results = report.find("results")) {
    for (const Value& r : results->as_array()) {
      out << "\nevent " << text(r.find("event")) << " at t=" << text(r.find("time"))
          << " s: " << text(r.find("action"));
      if (const Value* p = r.find("packet")) out << "  " << packet_text(p);
      if (const Value* m = r.find("mapping"))
        out << "  " << text(m->find("proto")) << " " << text(m->find("external")) << " -> "
            << text(m->find("internal"));
      out << "\n  " << text(r.find("reason")) << "\n";
      write_steps(out, r.find("steps"), "    ");
      if (const Value* reply = r.find("reply")) {
        out << "  reply: " << text(reply->find("action")) << "  "
            << packet_text(reply->find("packet")) << "\n    " << text(reply->find("reason"))
            << "\n";
        write_steps(out, reply->find("steps"), "      ");
      }
    }
  }
  out << "\ntable at t=" << text(report.find("clock")) << " s:\n";
  const Value* table = report.find("table");
  if (!table || table->size() == 0) out << "  (empty)\n";
  if (table)
    for (const Value& e : table->as_array())
      out << "  " << text(e.find("nat")) << " " << text(e.find("proto")) << " "
          << text(e.find("kind")) << " " << text(e.find("internal")) << " as "
          << text(e.find("external")) << " with " << text(e.find("remote")) << "  "
          << text(e.find("state")) << ", expires in " << text(e.find("expires_in")) << " s\n";
  if (const Value* forwards = report.find("forwards"); forwards && forwards->size() > 0) {
    out << "forwards:\n";
    for (const Value& f : forwards->as_array()) {
      out << "  " << text(f.find("nat")) << " " << text(f.find("id")) << ": "
          << text(f.find("proto")) << " " << text(f.find("external")) << " -> "
          << text(f.find("internal")) << " (" << text(f.find("origin"));
      const Value* left = f.find("expires_in");
      if (left && !left->is_null()) out << ", expires in " << text(left) << " s";
      out << ")\n";
    }
  }
  return out.str();
}

}  // namespace portlab::nat
