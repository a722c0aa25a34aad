#include "cli/host_options.h"

#include "core/host/describe.h"

namespace portlab::cli {

using net::Transport;

std::vector<OptionSpec> host_option_specs() {
  return {{"os", true, false},
          {"sysctl", true, true},
          {"host-addr", true, true},
          {"existing", true, true}};
}

const ports::OsProfile& os_option(const Args& args) {
  const std::string key = args.required("os");
  const ports::OsProfile* profile = ports::find_os_profile(key);
  if (!profile)
    throw UsageError("--os: unknown profile '" + key + "' (known: " + ports::os_profile_keys() + ")");
  return *profile;
}

void apply_host_options(const Args& args, host::Host& host) {
  if (args.has("host-addr")) {
    std::vector<net::Ipv4> addresses;
    for (const std::string& text : args.values("host-addr")) {
      net::Ipv4 a = checked(net::parse_ipv4(text), "host-addr");
      if (a.is_wildcard() || net::is_loopback(a))
        throw UsageError("--host-addr: '" + text +
                         "' is not a LAN address (127.0.0.1 is always there)");
      addresses.push_back(a);
    }
    host.set_addresses(addresses);
  }
  for (const std::string& item : args.values("sysctl")) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--sysctl: '" + item + "' is not NAME=VALUE");
    ports::SettingResult r = host.set(item.substr(0, eq), item.substr(eq + 1));
    if (!r.ok()) throw UsageError("--sysctl: " + r.message);
  }
}

void apply_range_option(const Args& args, host::Host& host) {
  if (!args.has("range")) return;
  const std::string text = args.value("range");
  const size_t dash = text.find('-');
  if (dash == std::string::npos)
    throw UsageError("--range: '" + text + "' is not LO-HI like 40000-40003");
  const uint16_t lo = checked(net::parse_port(text.substr(0, dash)), "range");
  const uint16_t hi = checked(net::parse_port(text.substr(dash + 1)), "range");
  if (hi < lo) throw UsageError("--range: '" + text + "' ends below where it starts");
  ports::SettingResult r = host.set_ephemeral_range({lo, hi});
  if (!r.ok()) throw UsageError("--range: " + r.message);
}

namespace {

struct Existing {
  net::Endpoint at;
  Transport transport = Transport::Tcp;
  host::SocketOptions options;
  bool listen = false;
  bool time_wait = false;
  uint32_t uid = 0;
};

Existing parse_existing(const std::string& text, uint32_t default_uid) {
  auto bad = [&](const std::string& why) {
    return UsageError("--existing: '" + text + "' " + why +
                      " (write ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen][:timewait]"
                      "[:uid=N])");
  };
  const size_t slash = text.find('/');
  if (slash == std::string::npos) throw bad("has no /PROTO");
  auto endpoint = net::parse_endpoint(text.substr(0, slash));
  if (!endpoint.ok()) throw bad("is malformed: " + endpoint.error);
  Existing e;
  e.at = *endpoint.value;
  e.uid = default_uid;
  if (e.at.port == 0) throw bad("needs a port above 0");
  std::string rest = text.substr(slash + 1);
  std::vector<std::string> words;
  for (size_t start = 0;;) {
    const size_t colon = rest.find(':', start);
    words.push_back(rest.substr(start, colon == std::string::npos ? colon : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (words[0] == "tcp") e.transport = Transport::Tcp;
  else if (words[0] == "udp") e.transport = Transport::Udp;
  else throw bad("has transport '" + words[0] + "', not tcp or udp");
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "reuseaddr") e.options.reuseaddr = true;
    else if (w == "reuseport") e.options.reuseport = true;
    else if (w == "listen") e.listen = true;
    else if (w == "timewait") e.time_wait = true;
    else if (w.compare(0, 4, "uid=") == 0)
      e.uid = static_cast<uint32_t>(
          checked(net::parse_integer(w.substr(4), 0, 4294967295LL), "existing"));
    else throw bad("has unknown flag '" + w + "'");
  }
  if ((e.listen || e.time_wait) && e.transport != Transport::Tcp)
    throw bad("asks for listen/timewait on UDP");
  if (e.listen && e.time_wait) throw bad("cannot be both listening and in TIME_WAIT");
  return e;
}

}  // namespace

void add_existing_sockets(const Args& args, host::Host& host, uint32_t default_uid) {
  int peer = 0;
  for (const std::string& text : args.values("existing")) {
    const Existing e = parse_existing(text, default_uid);
    host::Credentials owner;
    owner.uid = e.uid;
    owner.handed_over = true;  // already bound: its privilege is not in question
    const host::SocketId id = host.open(e.transport, owner, e.options);
    host::Decision d = host.bind(id, e.at.addr, e.at.port);
    if (d.ok && (e.listen || e.time_wait)) d = host.listen(id);
    if (!d.ok)
      throw UsageError("--existing: '" + text + "' cannot exist on this host: " + d.explanation);
    if (e.time_wait) {
      // A served connection the server closed first: its TIME_WAIT entry
      // keeps the listener's port and SO_REUSEADDR (experiment 6).
      const net::Endpoint client{net::Ipv4{0xC6336400u + 200u},  // 198.51.100.200
                                 static_cast<uint16_t>(40000 + peer++)};
      const host::SocketId child = host.accept(id, client);
      host.close(child);
      host.close(id);
    }
  }
}

json::Value settings_json(const host::Host& host) {
  json::Value out = json::Value::object();
  for (const auto& [name, value] : host.settings().values()) out[name] = value;
  return out;
}

}  // namespace portlab::cli
