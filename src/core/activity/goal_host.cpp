// The judges of the host labs' goals: bind() attempts in the Bind Lab's
// history, the Ephemeral Lab's calls and its host's sockets.
#include "core/activity/goal_judges.h"

namespace portlab::activity {
namespace {

bool bind_matches(const Goal& g, const labs::BindAttempt& a) {
  const host::Decision& d = a.decision;
  if (g.word == Goal::Word::BindOk ? !d.ok : (d.ok || g.error_name != d.error)) return false;
  // bind(0) asks for no port: the one the kernel chose is the one to match.
  const uint16_t port = a.request.port ? a.request.port : d.port;
  if (g.port && !g.port->contains(port)) return false;
  if (g.addr && a.request.addr != *g.addr) return false;
  if (g.proto && a.request.transport != *g.proto) return false;
  if (g.uid && a.uid != *g.uid) return false;
  if (g.root && (a.uid == 0) != *g.root) return false;
  if (g.cap && a.cap_net_bind_service != *g.cap) return false;
  if (!g.os.empty() && (!a.os || g.os != a.os->key)) return false;
  return true;
}

bool mode_matches(const Goal& g, const labs::Allocation& a) { return !g.mode || *g.mode == a.mode; }

const char* state_words(host::SocketState s) {
  switch (s) {
    case host::SocketState::Unbound: return "unbound";
    case host::SocketState::Bound: return "bound";
    case host::SocketState::Listening: return "listening";
    case host::SocketState::Connected: return "connected";
    case host::SocketState::TimeWait: return "in TIME_WAIT";
  }
  return "";
}

}  // namespace

Verdict judge_bind(const Goal& g, const labs::BindLab& lab) {
  const std::vector<labs::BindAttempt>& history = lab.history();
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (bind_matches(g, *it)) return {true, it->decision.explanation};
  if (history.empty()) return {false, "No bind() has been tried yet."};
  return {false, history.back().decision.explanation};
}

Verdict judge_calls(const Goal& g, const labs::EphemeralLab& lab) {
  const std::vector<labs::Allocation>& calls = lab.allocations();
  if (g.word == Goal::Word::Sockets) {
    const int n = lab.count(g.state);
    const std::string said = std::to_string(n) + (n == 1 ? " socket is " : " sockets are ") +
                             state_words(g.state) + " (" + std::to_string(g.sockets) + " wanted).";
    return {n >= g.sockets, said};
  }
  if (g.word == Goal::Word::CallFails) {
    for (auto it = calls.rbegin(); it != calls.rend(); ++it)
      if (!it->decision.ok && g.error_name == it->decision.error && mode_matches(g, *it))
        return {true, it->decision.explanation};
  } else {
    int found = 0;
    const labs::Allocation* last = nullptr;
    for (const labs::Allocation& a : calls) {
      if (!a.decision.ok || !mode_matches(g, a) || (g.port && !g.port->contains(a.decision.port))) continue;
      ++found;
      last = &a;
    }
    if (found >= g.count) return {true, last->decision.explanation};
    if (found > 0)
      return {false, std::to_string(found) + " of the " + std::to_string(g.count) + " calls asked for so far. " +
                         last->decision.explanation};
  }
  if (calls.empty()) return {false, "No call has been made yet."};
  return {false, calls.back().decision.explanation};
}

}  // namespace portlab::activity
