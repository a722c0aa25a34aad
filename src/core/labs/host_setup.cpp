#include "core/labs/host_setup.h"

#include <cctype>
#include <vector>

namespace portlab::labs {

using net::Transport;

namespace {

// What ss shows of a process name: /proc/PID/stat's comm, at most 15
// characters (TASK_COMM_LEN 16 with its NUL). PortLab keeps to characters
// that need no quoting in a lesson or a shell.
bool is_program_name(const std::string& name) {
  if (name.empty() || name.size() > 15) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

}  // namespace

const ports::OsProfile* find_os(const std::string& key) { return ports::find_os_profile(key); }

std::string os_error(const std::string& key) {
  return "unknown profile '" + key + "' (known: " + ports::os_profile_keys() + ")";
}

std::string apply_sysctl(host::Host& host, const std::string& item) {
  const size_t eq = item.find('=');
  if (eq == std::string::npos || eq == 0) return "'" + item + "' is not NAME=VALUE";
  ports::SettingResult r = host.set(item.substr(0, eq), item.substr(eq + 1));
  return r.ok() ? "" : r.message;
}

std::string apply_range(host::Host& host, const std::string& text) {
  const size_t dash = text.find('-');
  if (dash == std::string::npos) return "'" + text + "' is not LO-HI like 40000-40003";
  const net::Parsed<uint16_t> lo = net::parse_port(text.substr(0, dash));
  if (!lo.ok()) return lo.error;
  const net::Parsed<uint16_t> hi = net::parse_port(text.substr(dash + 1));
  if (!hi.ok()) return hi.error;
  if (*hi.value < *lo.value) return "'" + text + "' ends below where it starts";
  ports::SettingResult r = host.set_ephemeral_range({*lo.value, *hi.value});
  return r.ok() ? "" : r.message;
}

std::string parse_existing(const std::string& text, uint32_t default_uid, ExistingSocket& out) {
  auto bad = [&](const std::string& why) {
    return "'" + text + "' " + why +
           " (write ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen][:timewait][:uid=N]"
           "[:proc=NAME])";
  };
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return bad("has no /PROTO");
  auto endpoint = net::parse_endpoint(text.substr(0, slash));
  if (!endpoint.ok()) return bad("is malformed: " + endpoint.error);
  ExistingSocket e;
  e.text = text;
  e.at = *endpoint.value;
  e.uid = default_uid;
  if (e.at.port == 0) return bad("needs a port above 0");
  const std::string rest = text.substr(slash + 1);
  std::vector<std::string> words;
  for (size_t start = 0;;) {
    const size_t colon = rest.find(':', start);
    words.push_back(rest.substr(start, colon == std::string::npos ? colon : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (words[0] == "tcp") e.transport = Transport::Tcp;
  else if (words[0] == "udp") e.transport = Transport::Udp;
  else return bad("has transport '" + words[0] + "', not tcp or udp");
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "reuseaddr") e.options.reuseaddr = true;
    else if (w == "reuseport") e.options.reuseport = true;
    else if (w == "listen") e.listen = true;
    else if (w == "timewait") e.time_wait = true;
    else if (w.compare(0, 4, "uid=") == 0) {
      const net::Parsed<long long> uid = net::parse_integer(w.substr(4), 0, 4294967295LL);
      if (!uid.ok()) return uid.error;
      e.uid = static_cast<uint32_t>(*uid.value);
    } else if (w.compare(0, 5, "proc=") == 0) {
      e.program = w.substr(5);
      if (!is_program_name(e.program))
        return bad("names program '" + e.program +
                   "': a name is 1-15 letters, digits, '-', '_' or '.'");
    } else {
      return bad("has unknown flag '" + w + "'");
    }
  }
  if ((e.listen || e.time_wait) && e.transport != Transport::Tcp)
    return bad("asks for listen/timewait on UDP");
  if (e.listen && e.time_wait) return bad("cannot be both listening and in TIME_WAIT");
  if (e.time_wait && !e.program.empty())
    return bad("names a program, but a TIME_WAIT entry belongs to no process any more");
  out = e;
  return "";
}

std::string add_existing(host::Host& host, const ExistingSocket& e, int& peer,
                         host::Processes* processes) {
  host::Credentials owner;
  owner.uid = e.uid;
  owner.handed_over = true;  // already bound: its privilege is not in question
  const host::SocketId id = host.open(e.transport, owner, e.options);
  host::Decision d = host.bind(id, e.at.addr, e.at.port);
  if (d.ok && (e.listen || e.time_wait)) d = host.listen(id);
  if (!d.ok) {
    host.close(id, false);
    return "'" + e.text + "' cannot exist on this host: " + d.explanation;
  }
  if (e.time_wait) {
    // A served connection the server closed first: its TIME_WAIT entry
    // keeps the listener's port and SO_REUSEADDR (experiment 6).
    const net::Endpoint client{net::Ipv4{0xC6336400u + 200u},  // 198.51.100.200
                               static_cast<uint16_t>(40000 + peer++)};
    const host::SocketId child = host.accept(id, client);
    host.close(child);
    host.close(id);
    return "";
  }
  if (processes) processes->own(id, e.program.empty() ? kServerProgram : e.program);
  return "";
}

std::string check_capability(const std::string& cap, const ports::OsProfile& profile) {
  if (cap != "net_bind_service")
    return "'" + cap + "' is not a capability PortLab models (net_bind_service)";
  if (profile.id != ports::OsId::Linux)
    return std::string("CAP_NET_BIND_SERVICE is a Linux capability; ") + profile.key +
           " only knows root (use --uid 0)";
  return "";
}

std::string parse_algorithm(const std::string& a, std::optional<host::Rfc6056>& out) {
  if (a.size() != 9 || a.compare(0, 8, "rfc6056-") != 0 || a[8] < '1' || a[8] > '5')
    return "'" + a + "' is not rfc6056-1 ... rfc6056-5";
  out = static_cast<host::Rfc6056>(a[8] - '0');
  return "";
}

std::string algorithm_key(host::Rfc6056 algorithm) {
  return "rfc6056-" + std::to_string(static_cast<int>(algorithm));
}

}  // namespace portlab::labs
