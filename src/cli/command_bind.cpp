// portlab-cli bind: what bind() answers on a simulated host, and why
// (networking-facts.md R4.1-R4.5, section 3.5's reuse rules).
//
// The exit status is 0 whenever the model answered, whether bind()
// succeeded or not: a refusal is the kernel's answer, not a CLI error.
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/host_options.h"
#include "core/host/describe.h"
#include "core/host/host.h"
#include "core/json.h"
#include "core/labs/host_setup.h"

namespace portlab::cli {

namespace {

json::Value decision_json(const host::Decision& d) {
  json::Value v = json::Value::object();
  v["ok"] = d.ok;
  v["errno"] = d.ok ? json::Value() : json::Value(d.error);
  v["rule"] = d.rule;
  v["explanation"] = d.explanation;
  v["approximate"] = d.approximate;
  v["port"] = d.ok ? json::Value(static_cast<int>(d.port)) : json::Value();
  return v;
}

}  // namespace

int run_bind(int argc, char** argv, Output io) {
  std::vector<OptionSpec> specs = host_option_specs();
  for (const char* name : {"port", "addr", "proto", "uid", "cap", "seed"})
    specs.push_back({name, true, false});
  for (const char* name : {"reuseaddr", "reuseport", "listen", "json"})
    specs.push_back({name, false, false});
  Args args(argc, argv, 2, specs, 0);

  const ports::OsProfile& profile = os_option(args);
  const uint16_t port = args.port("port");
  const net::Ipv4 addr = checked(net::parse_ipv4(args.value("addr", "0.0.0.0")), "addr");
  const net::Transport transport = args.transport("proto", net::Transport::Tcp);
  if (transport != net::Transport::Tcp && transport != net::Transport::Udp)
    throw UsageError("--proto: bind models tcp and udp, not " +
                     std::string(net::to_string(transport)));
  host::Credentials who;
  who.uid = static_cast<uint32_t>(args.integer("uid", 0, 4294967295LL, 1000));
  if (args.has("cap")) {
    const std::string problem = labs::check_capability(args.value("cap"), profile);
    if (!problem.empty()) throw UsageError("--cap: " + problem);
    who.cap_net_bind_service = true;
  }
  host::SocketOptions options;
  options.reuseaddr = args.flag("reuseaddr");
  options.reuseport = args.flag("reuseport");
  const bool listen = args.flag("listen");
  if (listen && transport != net::Transport::Tcp)
    throw UsageError("--listen: only TCP sockets listen");
  const uint64_t seed = static_cast<uint64_t>(args.integer("seed", 0, 999999999999999999LL, 1));

  host::Host host(profile, seed);
  apply_host_options(args, host);
  add_existing_sockets(args, host, who.uid);

  // One call, so its explanation is always wanted, also when bind(0)
  // succeeds (the host explains automatic picks only when tracing).
  host.set_trace(true);
  const host::SocketId id = host.open(transport, who, options);
  host::Decision d = host.bind(id, addr, port);
  const char* call = "bind";
  if (d.ok && listen) {
    host::Decision l = host.listen(id);
    if (!l.ok) {
      d = l;
      call = "listen";
    }
  }

  if (args.flag("json")) {
    json::Value v = decision_json(d);
    v["call"] = call;
    v["os"] = profile.key;
    json::Value request = json::Value::object();
    request["addr"] = net::to_string(addr);
    request["port"] = static_cast<int>(port);
    request["proto"] = net::to_string(transport);
    request["uid"] = static_cast<unsigned long long>(who.uid);
    request["cap_net_bind_service"] = who.cap_net_bind_service;
    request["reuseaddr"] = options.reuseaddr;
    request["reuseport"] = options.reuseport;
    request["listen"] = listen;
    v["request"] = request;
    v["settings"] = settings_json(host);
    io.out << json::write(v) << "\n";
    return 0;
  }
  io.out << call << "(" << host::describe(net::Endpoint{addr, port}, transport) << ") as uid "
         << who.uid << (who.cap_net_bind_service ? " with CAP_NET_BIND_SERVICE" : "") << " on "
         << profile.name << ": ";
  if (d.ok)
    io.out << "ok, port " << d.port;
  else
    io.out << d.error;
  io.out << "  [" << d.rule << "]\n  " << d.explanation << "\n";
  if (d.approximate)
    io.out << "  (approximate: the reference does not confirm this behaviour for "
           << profile.name << ")\n";
  return 0;
}

}  // namespace portlab::cli
