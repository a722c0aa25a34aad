// portlab-cli sockets: what `ss -tan`, `netstat -ano` or `netstat -an -p tcp`
// prints for a simulated host set up with --os, --existing, --connect, ...
// (host/socket_listing.h). The text is the tool's output exactly; --json adds
// the prompt line and notes on the sockets the tool leaves out.
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/host_options.h"
#include "core/host/host.h"
#include "core/host/socket_listing.h"
#include "core/json.h"
#include "core/labs/host_setup.h"

namespace portlab::cli {

namespace {

std::string tool_list(ports::OsId os) {
  std::string out;
  for (host::ListingTool t : host::listing_tools(os))
    out += (out.empty() ? "" : ", ") + std::string(host::command(t));
  return out;
}

}  // namespace

int run_sockets(int argc, char** argv, Output io) {
  std::vector<OptionSpec> specs = host_option_specs();
  for (const char* name : {"tool", "uid", "seed", "columns"}) specs.push_back({name, true, false});
  specs.push_back({"connect", true, true});
  specs.push_back({"json", false, false});
  Args args(argc, argv, 2, specs, 0);

  const ports::OsProfile& profile = os_option(args);
  const std::vector<host::ListingTool> tools = host::listing_tools(profile.id);
  if (tools.empty())
    throw UsageError(std::string("--os: PortLab lays out no socket listing tool for ") +
                     profile.name);
  host::ListingTool tool = tools.front();
  if (args.has("tool")) {
    const std::string text = args.value("tool");
    const auto found = host::find_listing_tool(profile.id, text);
    if (!found)
      throw UsageError("--tool: '" + text + "' is not a tool PortLab lays out for " +
                       profile.key + " (known: " + tool_list(profile.id) + ")");
    tool = *found;
  }
  const uint32_t uid = static_cast<uint32_t>(args.integer("uid", 0, 4294967295LL, 1000));
  const uint64_t seed = static_cast<uint64_t>(args.integer("seed", 0, 999999999999999999LL, 1));
  const int columns = static_cast<int>(args.integer("columns", 0, 1000, 0));

  host::Host host(profile, seed);
  host::Processes processes;
  apply_host_options(args, host);
  add_existing_sockets(args, host, uid, &processes);
  // The learner's own connections, from the program the labs call theirs.
  for (const std::string& text : args.values("connect")) {
    const net::Endpoint dst = checked(net::parse_endpoint(text), "connect");
    if (dst.port == 0)
      throw UsageError("--connect: '" + text + "' has port 0, which nobody listens on");
    const host::SocketId id = host.open(net::Transport::Tcp, host::Credentials{uid, false, false});
    const host::Decision d = host.connect(id, dst);
    if (!d.ok)
      throw UsageError("--connect: connect() to " + text + " fails with " + d.error + ": " +
                       d.explanation);
    processes.own(id, labs::kLearnerProgram);
  }

  const host::Listing listing = host::list_sockets(host, tool, processes, columns);
  if (args.flag("json")) {
    json::Value v = json::Value::object();
    v["os"] = profile.key;
    v["tool"] = host::command(tool);
    v["prompt"] = host::prompt_line(profile.id, tool);
    v["columns"] = columns;
    v["text"] = listing.text;
    json::Value notes = json::Value::array();
    for (const std::string& note : listing.notes) notes.push_back(note);
    v["notes"] = notes;
    json::Value known = json::Value::array();
    for (host::ListingTool t : tools) known.push_back(host::command(t));
    v["tools"] = known;
    io.out << json::write(v) << "\n";
    return 0;
  }
  io.out << listing.text;
  return 0;
}

}  // namespace portlab::cli
