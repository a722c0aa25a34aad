#include "cli/host_options.h"

#include "core/host/describe.h"
#include "core/labs/host_setup.h"

namespace portlab::cli {

std::vector<OptionSpec> host_option_specs() {
  return {{"os", true, false},
          {"sysctl", true, true},
          {"host-addr", true, true},
          {"existing", true, true}};
}

const ports::OsProfile& os_option(const Args& args) {
  const std::string key = args.required("os");
  const ports::OsProfile* profile = labs::find_os(key);
  if (!profile) throw UsageError("--os: " + labs::os_error(key));
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
    const std::string problem = labs::apply_sysctl(host, item);
    if (!problem.empty()) throw UsageError("--sysctl: " + problem);
  }
}

void apply_range_option(const Args& args, host::Host& host) {
  if (!args.has("range")) return;
  const std::string problem = labs::apply_range(host, args.value("range"));
  if (!problem.empty()) throw UsageError("--range: " + problem);
}

void add_existing_sockets(const Args& args, host::Host& host, uint32_t default_uid,
                          host::Processes* processes) {
  int peer = 0;
  for (const std::string& text : args.values("existing")) {
    labs::ExistingSocket e;
    std::string problem = labs::parse_existing(text, default_uid, e);
    if (problem.empty()) problem = labs::add_existing(host, e, peer, processes);
    if (!problem.empty()) throw UsageError("--existing: " + problem);
  }
}

json::Value settings_json(const host::Host& host) {
  json::Value out = json::Value::object();
  for (const auto& [name, value] : host.settings().values()) out[name] = value;
  return out;
}

}  // namespace portlab::cli
