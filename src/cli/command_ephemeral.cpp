// portlab-cli ephemeral: the local ports a simulated host hands out to a
// series of connect(), bind(0) or UDP autobind calls (R3.1-R3.7). The
// sockets stay open, so the range fills up; the first failing call stops
// the series and names its errno.
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

constexpr long long kMaxCount = 100000;
// TEST-NET-3 (RFC 5737): a destination that is nobody's real server.
constexpr const char* kDefaultDest = "203.0.113.10:443";

enum class Mode { Connect, BindZero, Udp };

}  // namespace

int run_ephemeral(int argc, char** argv, Output io) {
  std::vector<OptionSpec> specs = host_option_specs();
  for (const char* name : {"range", "mode", "count", "seed", "algorithm", "uid", "interval-ms"})
    specs.push_back({name, true, false});
  specs.push_back({"dest", true, true});
  for (const char* name : {"trace", "json"}) specs.push_back({name, false, false});
  Args args(argc, argv, 2, specs, 0);

  const ports::OsProfile& profile = os_option(args);
  const std::string mode_text = args.value("mode", "connect");
  Mode mode;
  if (mode_text == "connect") mode = Mode::Connect;
  else if (mode_text == "bind0") mode = Mode::BindZero;
  else if (mode_text == "udp") mode = Mode::Udp;
  else throw UsageError("--mode: '" + mode_text + "' is not connect, bind0 or udp");
  const int count = static_cast<int>(checked(
      net::parse_integer(args.required("count"), 1, kMaxCount), "count"));
  const uint64_t seed = static_cast<uint64_t>(args.integer("seed", 0, 999999999999999999LL, 1));
  const uint32_t uid = static_cast<uint32_t>(args.integer("uid", 0, 4294967295LL, 1000));
  const sim::Millis interval = args.integer("interval-ms", 0, 86400000LL, 0);
  std::vector<net::Endpoint> dests;
  for (const std::string& text : args.values("dest")) {
    net::Endpoint e = checked(net::parse_endpoint(text), "dest");
    if (e.port == 0) throw UsageError("--dest: '" + text + "' has port 0, which nobody listens on");
    dests.push_back(e);
  }
  if (dests.empty()) dests.push_back(*net::parse_endpoint(kDefaultDest).value);
  std::optional<host::Rfc6056> algorithm;
  if (args.has("algorithm")) {
    const std::string problem = labs::parse_algorithm(args.value("algorithm"), algorithm);
    if (!problem.empty()) throw UsageError("--algorithm: " + problem);
    if (mode != Mode::Connect)
      throw UsageError(
          "--algorithm: RFC 6056 algorithms choose connect() ports; use --mode connect");
  }

  host::Host host(profile, seed);
  apply_host_options(args, host);
  apply_range_option(args, host);
  add_existing_sockets(args, host, uid);
  host.use_rfc6056(algorithm);
  const bool trace = args.flag("trace");
  host.set_trace(trace);

  const net::Transport transport = mode == Mode::Udp ? net::Transport::Udp : net::Transport::Tcp;
  json::Value ports = json::Value::array();
  json::Value calls = json::Value::array();
  std::vector<std::string> lines;
  host::Decision failure;
  int failed_at = -1;
  const char* rule = "";
  bool approximate = false;
  for (int i = 0; i < count; ++i) {
    if (i && interval) host.advance(interval);
    const net::Endpoint& dst = dests[static_cast<size_t>(i) % dests.size()];
    const host::SocketId id = host.open(transport, host::Credentials{uid, false, false});
    host::Decision d = mode == Mode::Connect ? host.connect(id, dst)
                       : mode == Mode::Udp   ? host.send_to(id, dst)
                                             : host.bind(id, net::Ipv4{}, 0);
    if (trace) {
      json::Value call = json::Value::object();
      call["port"] = d.ok ? json::Value(static_cast<int>(d.port)) : json::Value();
      call["dest"] = mode == Mode::BindZero ? json::Value() : json::Value(net::to_string(dst));
      call["probes"] = d.probes;
      call["explanation"] = d.explanation;
      calls.push_back(call);
    }
    if (!d.ok) {
      failure = d;
      failed_at = i;
      break;
    }
    rule = d.rule;
    approximate |= d.approximate;
    ports.push_back(static_cast<int>(d.port));
    const host::Socket* s = host.socket(id);
    std::string line = "  #" + std::to_string(i) + "  " +
                       host::describe(s->local, transport);
    if (mode != Mode::BindZero) line += " -> " + net::to_string(dst);
    if (trace) line += "\n      " + d.explanation;
    lines.push_back(line);
  }
  if (failed_at >= 0) {
    rule = failure.rule;
    approximate |= failure.approximate;
  }

  const ports::PortRange range = host.settings().ephemeral(transport);
  if (args.flag("json")) {
    json::Value v = json::Value::object();
    v["ports"] = ports;
    v["error"] = failed_at >= 0 ? json::Value(failure.error) : json::Value();
    v["failed_at"] = failed_at >= 0 ? json::Value(failed_at) : json::Value();
    v["explanation"] = failed_at >= 0 ? json::Value(failure.explanation) : json::Value();
    v["rule"] = rule;
    v["approximate"] = approximate;
    v["os"] = profile.key;
    v["mode"] = mode_text;
    v["algorithm"] = algorithm ? json::Value(args.value("algorithm")) : json::Value();
    json::Value r = json::Value::object();
    r["lo"] = static_cast<int>(range.lo);
    r["hi"] = static_cast<int>(range.hi);
    v["range"] = r;
    v["seed"] = static_cast<unsigned long long>(seed);
    v["count"] = count;
    if (trace) v["calls"] = calls;
    v["settings"] = settings_json(host);
    io.out << json::write(v) << "\n";
    return 0;
  }
  const char* call = mode == Mode::Connect ? "connect()" : mode == Mode::Udp ? "UDP sendto()"
                                                                              : "bind(0)";
  io.out << profile.name << " " << call << " x" << count << " from " << host::describe(range)
         << ", seed " << seed << (algorithm ? ", " + args.value("algorithm") : std::string())
         << (*rule ? std::string("  [") + rule + "]" : std::string()) << "\n";
  for (const std::string& line : lines) io.out << line << "\n";
  if (failed_at >= 0)
    io.out << "  #" << failed_at << "  " << failure.error << ": " << failure.explanation << "\n";
  if (approximate)
    io.out << "  (approximate: the reference does not confirm this behaviour for "
           << profile.name << ")\n";
  return 0;
}

}  // namespace portlab::cli
