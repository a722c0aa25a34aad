#include "core/quiz/templates/bind_question.h"

#include "core/quiz/templates/builder.h"

namespace portlab::quiz::gen {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

bool overlapping(net::Ipv4 a, net::Ipv4 b) { return a.is_wildcard() || b.is_wildcard() || a == b; }

// Why no other socket is in the way (the engine said none conflicts).
std::string why_not_in_use(const BindSetup& s) {
  const std::string p = std::to_string(s.port);
  if (!s.existing) return "no other socket uses port " + p;
  const ExistingSocket& e = *s.existing;
  const std::string other = "the only other socket is " + describe_existing(e);
  if (e.local.port != s.port) return other + ", on another port";
  if (e.transport != s.transport)
    return other + ", and " + upper(net::to_string(s.transport)) + " and " +
           upper(net::to_string(e.transport)) + " ports are tracked separately";
  if (!overlapping(e.local.addr, s.addr)) return other + ", on a different specific address";
  return other;
}

}  // namespace

std::string describe_existing(const ExistingSocket& s) {
  return std::string(s.listening ? "a listening " : "a bound ") +
         upper(net::to_string(s.transport)) + " socket on " + net::to_string(s.local);
}

host::Host prepare_bind_host(const BindSetup& setup, uint64_t seed) {
  host::Host h(*setup.os, seed);
  for (const auto& [name, value] : setup.settings) h.set(name, value);
  if (setup.existing) {
    const ExistingSocket& e = *setup.existing;
    host::SocketId id = h.open(e.transport, host::Credentials{0, false});
    h.bind(id, e.local.addr, e.local.port);
    if (e.listening) h.listen(id);
  }
  return h;
}

void ask_bind(Generated& g, const BindSetup& setup, uint64_t seed, const std::string& why_allowed,
              const char* rule) {
  host::Host h = prepare_bind_host(setup, seed);
  const host::Decision d = h.bind(h.open(setup.transport, setup.who), setup.addr, setup.port);
  const std::string answer = d.ok ? kBindOk : d.error;
  const bool local = setup.addr.is_wildcard() || h.is_local(setup.addr);
  const net::Ipv4 usable = local ? setup.addr : net::Ipv4{};

  // What each check alone says, for the feedback on the options the answer
  // leaves out. The kernel checks the address, then the privilege, then
  // whether the port is in use, so an answer settles the checks before it;
  // the rest are asked of the engine. A failed bind() changes nothing, so
  // the same host can be asked again.
  bool denied = answer == "EACCES";
  if (answer == "EADDRNOTAVAIL") {
    // The privilege check alone: the same caller on a host without the
    // other socket, at an address it has.
    BindSetup alone = setup;
    alone.existing.reset();
    alone.addr = usable;
    host::Host bare = prepare_bind_host(alone, seed);
    const host::Decision p = bare.bind(bare.open(alone.transport, alone.who), usable, alone.port);
    denied = !p.ok && p.error == std::string("EACCES");
  }
  bool taken = answer == "EADDRINUSE";
  if (!d.ok && !taken) {
    // Whether the port is in use: root (who passes the privilege check)
    // asks for it at an address the host has.
    const host::Decision r =
        h.bind(h.open(setup.transport, host::Credentials{0, false}), usable, setup.port);
    taken = !r.ok && r.error == std::string("EADDRINUSE");
  }

  const std::string p = std::to_string(setup.port);
  const std::string earlier = " too, but the kernel makes an earlier check first: ";
  auto feedback = [&](const std::string& key, const std::string& if_wrong) {
    return key == answer ? right_because(d.explanation) : wrong_because(if_wrong);
  };
  Choices choices;
  auto add = [&](const std::string& key, const std::string& text, const std::string& if_wrong) {
    if (key == answer)
      choices.right(key, text, feedback(key, if_wrong));
    else
      choices.wrong(key, text, feedback(key, if_wrong));
  };
  add(kBindOk, "bind() succeeds", d.explanation);
  add("EACCES", "EACCES (permission denied)",
      denied ? "the caller lacks the privilege for port " + p + earlier + d.explanation
             : "EACCES would need a privileged port, but " + why_allowed + ".");
  add("EADDRINUSE", "EADDRINUSE (address already in use)",
      taken ? "another socket does hold the port" + earlier + d.explanation
            : "EADDRINUSE needs another socket on port " + p + " at an overlapping address, but " +
                  why_not_in_use(setup) + ".");
  add("EADDRNOTAVAIL", "EADDRNOTAVAIL (cannot assign requested address)",
      setup.addr.is_wildcard() ? std::string("0.0.0.0 is the wildcard address, which every host "
                                             "may bind.")
      : net::is_loopback(setup.addr) && setup.addr.bits != 0x7F000001
          ? "Linux routes all of 127.0.0.0/8 to the loopback interface, so " +
                net::to_string(setup.addr) + " is a local address."
          : net::to_string(setup.addr) + " is one of this host's own addresses.");
  choices.finish(g, nullptr);  // success first, then the errors: the same order every time
  g.question.explanation = cite(d.explanation, std::vector<std::string>{rule, d.rule});
}

}  // namespace portlab::quiz::gen
