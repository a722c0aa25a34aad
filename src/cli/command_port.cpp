// portlab-cli port <number|service> [--proto P] [--limit N] [--json]
//
// A number prints what that port means: its IANA range (R1.2), the services
// registered on it per transport (R1.4), which OS profiles hand it out as an
// ephemeral port by default (section 2), how often nmap finds it open, and
// the exam reference row when there is one (R6.1). A name prints every port
// whose service has that name, then names starting with it.
//
// seen_open is nmap's open frequency on one transport. Without --proto it is
// the highest over the transports (and seen_open_transport says which): TCP
// and UDP figures come from different scans, so adding them would mean
// nothing.
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/json.h"
#include "core/ports/exam_ports.h"
#include "core/ports/os_profile.h"
#include "core/ports/port_ranges.h"
#include "core/ports/registry_data.h"

namespace portlab::cli {
namespace {

using net::Transport;
using net::TransportSet;
using ports::PortRegistry;
using ports::ServiceEntry;

constexpr long long kDefaultLimit = 20;

struct Request {
  std::optional<Transport> proto;
  size_t limit = kDefaultLimit;
  bool json = false;
};

// The transports a port's answer covers: the one asked for, or all four.
std::vector<Transport> transports_of(const Request& req) {
  if (req.proto) return {*req.proto};
  return {std::begin(TransportSet::kAll), std::end(TransportSet::kAll)};
}

json::Value transport_names(TransportSet set) {
  json::Value list = json::Value::array();
  for (Transport t : TransportSet::kAll)
    if (set.has(t)) list.push_back(net::to_string(t));
  return list;
}

std::string percent(uint32_t ppm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", ppm / 10000.0);
  return buf;
}

std::string ports_text(const ServiceEntry& e) {
  std::string text = std::to_string(e.first_port);
  if (e.is_block()) text += "-" + std::to_string(e.last_port);
  return text;
}

struct SeenOpen {
  uint32_t ppm = 0;
  std::optional<Transport> transport;  // where the highest figure is; none when all are 0
};

SeenOpen best_seen_open(const PortRegistry& reg, uint16_t port, const Request& req) {
  SeenOpen best;
  for (Transport t : transports_of(req)) {
    uint32_t ppm = reg.seen_open_ppm(port, t);
    if (ppm > best.ppm || (req.proto && !best.transport)) best = {ppm, t};
  }
  return best;
}

std::vector<const char*> ephemeral_in(uint16_t port) {
  std::vector<const char*> keys;
  for (const ports::OsProfile& p : ports::os_profiles())
    if (p.ephemeral.contains(port)) keys.push_back(p.key);
  return keys;
}

json::Value port_object(const PortRegistry& reg, uint16_t port, const Request& req) {
  const ports::IanaRange& range = ports::iana_range(ports::classify(port));
  json::Value obj = json::Value::object();
  obj["port"] = port;
  obj["range"] = range.key;
  json::Value names = json::Value::array();
  names.push_back(range.name);
  for (const char* older : range.older_names) names.push_back(older);
  obj["range_names"] = names;
  obj["range_ports"] = std::to_string(range.ports.lo) + "-" + std::to_string(range.ports.hi);

  json::Value services = json::Value::array();
  for (const ServiceEntry* e : reg.at(port)) {
    if (req.proto && !e->transports.has(*req.proto)) continue;
    json::Value s = json::Value::object();
    s["name"] = std::string(e->name);
    s["protocols"] = transport_names(e->transports);
    s["description"] = std::string(e->description);
    if (e->is_block()) s["ports"] = ports_text(*e);
    services.push_back(s);
  }
  obj["services"] = services;

  json::Value by_transport = json::Value::object();
  for (Transport t : transports_of(req)) {
    json::Value row = json::Value::object();
    json::Value row_names = json::Value::array();
    for (const ServiceEntry* e : reg.find_all(port, t)) row_names.push_back(std::string(e->name));
    row["names"] = row_names;
    row["seen_open"] = reg.seen_open(port, t);
    by_transport[net::to_string(t)] = row;
  }
  obj["transports"] = by_transport;

  json::Value ephemeral = json::Value::array();
  for (const char* key : ephemeral_in(port)) ephemeral.push_back(key);
  obj["ephemeral_in"] = ephemeral;

  SeenOpen best = best_seen_open(reg, port, req);
  obj["seen_open"] = best.ppm / 1e6;
  obj["seen_open_transport"] =
      best.transport && (best.ppm > 0 || req.proto) ? json::Value(net::to_string(*best.transport))
                                                    : json::Value();

  if (const ports::ExamPort* exam = ports::find_exam_port(port)) {
    json::Value e = json::Value::object();
    e["name"] = exam->name;
    e["used"] = transport_names(exam->used);
    e["also_used"] = transport_names(exam->also_used);
    e["note"] = exam->note;
    e["approximate"] = exam->approximate;
    obj["exam"] = e;
  }
  return obj;
}

json::Value sources_object(const PortRegistry& reg) {
  json::Value sources = json::Value::object();
  for (const ports::RegistrySource& s : reg.provenance().sources)
    sources[s.role] = s.package + " " + s.version + " (" + s.path + ")";
  return sources;
}

std::string sources_text(const PortRegistry& reg) {
  std::string text;
  for (const ports::RegistrySource& s : reg.provenance().sources)
    text += (text.empty() ? "" : ", ") + s.package + " " + s.version;
  return text;
}

std::string padded(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

// Upper-case transport names for sentences: "TCP and UDP".
std::string spoken(TransportSet set) {
  std::string text;
  int left = set.size();
  for (Transport t : TransportSet::kAll) {
    if (!set.has(t)) continue;
    std::string name = net::to_string(t);
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    text += name;
    --left;
    text += left == 0 ? "" : left == 1 ? " and " : ", ";
  }
  return text;
}

void print_port_text(const PortRegistry& reg, uint16_t port, const Request& req, Output io) {
  const ports::IanaRange& range = ports::iana_range(ports::classify(port));
  std::string older;
  for (const char* name : range.older_names)
    older += (older.empty() ? "" : ", ") + std::string(name);
  io.out << "Port " << port << " is one of the " << range.name << " (" << range.ports.lo << "-"
         << range.ports.hi << "; older name" << (range.older_names.size() > 1 ? "s" : "") << ": "
         << older << ").\n";
  for (Transport t : transports_of(req)) {
    std::string line = "  " + padded(net::to_string(t), 6);
    const std::vector<const ServiceEntry*> names = reg.find_all(port, t);
    if (names.empty()) io.out << line << "-  (no IANA service registered)\n";
    // Every name registered on this transport (465/tcp has submissions and
    // urd), one line each under the transport.
    for (const ServiceEntry* e : names) {
      line += std::string(e->name);
      if (!e->description.empty()) line = padded(line, 24) + std::string(e->description);
      if (e->is_block()) line += " [ports " + ports_text(*e) + "]";
      io.out << line << "\n";
      line = std::string(8, ' ');
    }
  }
  std::string ephemeral;
  for (const char* key : ephemeral_in(port))
    ephemeral += (ephemeral.empty() ? "" : ", ") + std::string(key);
  io.out << "  Ephemeral by default on: "
         << (ephemeral.empty() ? "none of the simulated systems" : ephemeral) << "\n";
  std::string seen;
  for (Transport t : transports_of(req)) {
    uint32_t ppm = reg.seen_open_ppm(port, t);
    if (ppm == 0 && !req.proto) continue;
    seen += (seen.empty() ? "" : ", ") + std::string(net::to_string(t)) + " " + percent(ppm);
  }
  io.out << "  Seen open by nmap: " << (seen.empty() ? "never" : seen + " of scanned hosts")
         << "\n";
  if (const ports::ExamPort* exam = ports::find_exam_port(port)) {
    io.out << "  Really used over: " << spoken(exam->used);
    if (!exam->also_used.empty()) io.out << " (sometimes also " << spoken(exam->also_used) << ")";
    io.out << (exam->approximate ? " [approximate]" : "") << ". " << exam->note << "\n";
  }
  io.out << "  Source: " << sources_text(reg) << "\n";
}

struct Match {
  const ServiceEntry* entry;
  bool exact;
};

// Exact names first (by port), then the other names starting with the
// query, most often seen open first.
std::vector<Match> name_matches(const PortRegistry& reg, const std::string& query,
                                const Request& req) {
  std::vector<Match> matches;
  for (const ServiceEntry* e : reg.find_name(query, req.proto)) matches.push_back({e, true});
  for (const ServiceEntry* e : reg.find_prefix(query, req.proto)) {
    bool already = false;
    for (const Match& m : matches) already = already || m.entry == e;
    if (!already) matches.push_back({e, false});
  }
  return matches;
}

int print_matches(const PortRegistry& reg, const std::string& query,
                  const std::vector<Match>& matches, const Request& req, Output io) {
  size_t shown = std::min(matches.size(), req.limit);
  size_t exact = 0;
  for (const Match& m : matches) exact += m.exact;
  if (req.json) {
    json::Value out = json::Value::object();
    out["query"] = query;
    json::Value list = json::Value::array();
    for (size_t i = 0; i < shown; ++i) {
      const Match& m = matches[i];
      json::Value obj = port_object(reg, m.entry->first_port, req);
      obj["matched_name"] = std::string(m.entry->name);
      obj["exact"] = m.exact;
      list.push_back(obj);
    }
    out["matches"] = list;
    out["exact_count"] = exact;
    out["total"] = matches.size();
    out["shown"] = shown;
    out["sources"] = sources_object(reg);
    io.out << json::write(out, 2) << "\n";
    return 0;
  }
  io.out << "'" << query << "': " << exact << " exact, " << matches.size() - exact
         << " starting with it";
  if (shown < matches.size()) io.out << " (showing " << shown << "; --limit N for more)";
  io.out << "\n";
  for (size_t i = 0; i < shown; ++i) {
    const ServiceEntry& e = *matches[i].entry;
    io.out << "  " << padded(ports_text(e), 12) << padded(net::to_string(e.transports), 18)
           << padded(std::string(e.name), 18) << padded(percent(e.open_ppm), 8) << " "
           << e.description << "\n";
  }
  io.out << "  (columns: port, transports, name, seen open by nmap, description)\n"
         << "  Source: " << sources_text(reg) << "\n";
  return 0;
}

bool starts_like_number(const std::string& word) {
  return std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '+';
}

}  // namespace

int run_port(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {{"proto", true}, {"limit", true}, {"json"}}, 1);
  Request req;
  if (args.has("proto")) req.proto = args.transport("proto", Transport::Tcp);
  req.limit = static_cast<size_t>(args.integer("limit", 1, 100000, kDefaultLimit));
  req.json = args.flag("json");
  if (args.positionals().empty())
    throw UsageError("needs a port number (0-65535) or a service name");
  const std::string query = args.positionals().front();
  if (query.empty())
    throw UsageError("an empty argument is neither a port number (0-65535) nor a service name");

  const ports::RegistryParse& parsed = ports::embedded_port_registry();
  if (!parsed.ok()) {
    const ports::RegistryError& e = parsed.errors.front();
    io.err << "portlab-cli port: the built-in port registry is damaged (line " << e.line << ": "
           << e.message << ")\n";
    return 1;
  }
  const PortRegistry& reg = *parsed.registry;

  // A word starting with a digit or sign is a port number, unless it is
  // a service name that starts with a digit (3com-tsmux, 9pfs).
  std::vector<Match> matches;
  bool only_digits = query.find_first_not_of("0123456789") == std::string::npos;
  if (!only_digits) matches = name_matches(reg, query, req);
  if (matches.empty() && starts_like_number(query)) {
    auto parsed_port = net::parse_port(query);
    if (!parsed_port.ok()) throw UsageError(parsed_port.error);
    uint16_t port = *parsed_port.value;
    if (req.json) {
      json::Value obj = port_object(reg, port, req);
      obj["sources"] = sources_object(reg);
      io.out << json::write(obj, 2) << "\n";
    } else {
      print_port_text(reg, port, req, io);
    }
    return 0;
  }
  if (matches.empty()) {
    io.err << "portlab-cli port: no service named '" << query << "' or starting with it"
           << (req.proto ? std::string(" on ") + net::to_string(*req.proto) : std::string())
           << " in the IANA registry\n";
    return 1;
  }
  return print_matches(reg, query, matches, req, io);
}


}  // namespace portlab::cli
