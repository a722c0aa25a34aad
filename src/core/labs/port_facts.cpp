#include "core/labs/port_facts.h"

#include <algorithm>

#include "core/host/host.h"
#include "core/net/transport_set.h"
#include "core/ports/os_settings.h"
#include "core/text.h"

namespace portlab::labs {

using net::Transport;

namespace {

std::string range_sentence(uint16_t port, const ports::IanaRange& range) {
  std::string older;
  for (const char* name : range.older_names)
    older += (older.empty() ? "" : ", ") + std::string(name);
  std::string text = "Port " + std::to_string(port) + " is one of the " + range.name + " (" +
                     std::to_string(range.ports.lo) + "-" + std::to_string(range.ports.hi);
  if (!older.empty())
    text += std::string("; older name") + (range.older_names.size() > 1 ? "s" : "") + ": " + older;
  return text + ").";
}

// One bind() by `who` on a host that has nothing else bound, so only the
// privilege rule can refuse it.
host::Decision try_bind(const ports::OsProfile& os, uint16_t port, net::Ipv4 addr,
                        host::Credentials who) {
  host::Host h(os);
  return h.bind(h.open(Transport::Tcp, who), addr, port);
}

}  // namespace

std::vector<const ports::OsProfile*> ephemeral_by_default(uint16_t port, Transport t) {
  std::vector<const ports::OsProfile*> out;
  for (const ports::OsProfile& p : ports::os_profiles())
    if (ports::OsSettings(p).ephemeral(t).contains(port)) out.push_back(&p);
  return out;
}

BindRight bind_right(const ports::OsProfile& os, uint16_t port) {
  BindRight r;
  r.os = &os;
  if (port == 0) {
    r.who = BindWho::Nobody;
    r.summary = "nobody: bind() with port 0 asks the kernel to pick a free port";
    r.rule = "R3.2";
    r.explanation = "Port 0 is never bound as such: bind() with port 0 asks " +
                    std::string(os.name) + " to choose a free ephemeral port instead.";
    return r;
  }
  const host::Credentials user{1000, false};
  const net::Ipv4 loopback{0x7F000001};
  // A specific address is the strictest case (macOS refuses only those, R4.3).
  const host::Decision specific = try_bind(os, port, loopback, user);
  r.rule = specific.rule;
  r.explanation = specific.explanation;
  r.approximate = specific.approximate;
  if (specific.ok) {
    r.who = BindWho::Anyone;
    r.summary = "any user";
  } else if (try_bind(os, port, net::Ipv4{}, user).ok) {
    r.who = BindWho::AnyoneOnWildcard;
    r.summary = "any user on the wildcard address 0.0.0.0; root for a specific address";
  } else if (try_bind(os, port, loopback, host::Credentials{1000, true}).ok) {
    r.who = BindWho::RootOrCapability;
    r.summary = "root, or a program with CAP_NET_BIND_SERVICE";
  } else {
    r.who = BindWho::RootOnly;
    r.summary = "root only";
  }
  return r;
}

PortFacts describe_port(const ports::PortRegistry& registry, uint16_t port) {
  PortFacts f;
  f.port = port;
  f.range = &ports::iana_range(ports::classify(port));
  f.range_sentence = range_sentence(port, *f.range);
  for (Transport t : net::TransportSet::kAll) {
    TransportFacts tf;
    tf.transport = t;
    tf.services = registry.find_all(port, t);
    tf.seen_open_ppm = registry.seen_open_ppm(port, t);
    tf.ephemeral_modelled = t == Transport::Tcp || t == Transport::Udp;
    if (tf.ephemeral_modelled) tf.ephemeral_on = ephemeral_by_default(port, t);
    f.transports.push_back(tf);
  }
  for (const ports::OsProfile& os : ports::os_profiles()) f.bind.push_back(bind_right(os, port));
  f.exam = ports::find_exam_port(port);
  return f;
}

PortQuery resolve_port_query(const ports::PortRegistry& registry, std::string_view text,
                             size_t limit) {
  PortQuery q;
  const std::string_view word = text::trim(text);
  if (word.empty()) return q;
  const std::string quoted = "\"" + std::string(word) + "\"";
  if (word.find_first_not_of("0123456789") == std::string_view::npos) {
    net::Parsed<uint16_t> port = net::parse_port(word);
    if (port.ok()) q.port = *port.value;
    else
      q.problem = "There is no port or service called " + quoted +
                  ": port numbers go from 0 to 65535.";
    return q;
  }
  const ports::ServiceEntry* best = nullptr;
  for (const ports::ServiceEntry* e : registry.find_name(word)) {
    if (!best || e->open_ppm > best->open_ppm) best = e;
    if (q.matches.size() < limit) q.matches.push_back(e);
  }
  q.exact = q.matches.size();
  for (const ports::ServiceEntry* e : registry.find_prefix(word)) {
    if (q.matches.size() >= limit) break;
    if (std::find(q.matches.begin(), q.matches.begin() + q.exact, e) == q.matches.begin() + q.exact)
      q.matches.push_back(e);
  }
  if (best) q.port = best->first_port;
  else if (q.matches.empty())
    q.problem = "There is no port or service called " + quoted +
                ": a port is a number from 0 to 65535, and no IANA service name starts with " +
                quoted + ".";
  return q;
}

}  // namespace portlab::labs
