#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/version.h"

namespace portlab::cli {

int run_port(int argc, char** argv, Output io);     // command_port.cpp
int run_lessons(int argc, char** argv, Output io);  // command_lessons.cpp

namespace {

int run_version(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {}, 0);
  io.out << portlab::version() << "\n";
  return 0;
}

int run_help(int argc, char** argv, Output io);

}  // namespace

int run_nat(int argc, char** argv, Output io);  // command_nat.cpp

namespace {

// Add a subcommand here, in the order `help` should list it.
const Command kCommands[] = {
    {"version", "", "print the PortLab version", run_version},
    {"nat", "--scenario FILE.json [--json] [--seed S]",
     "replay a NAT scenario: each packet's path, rewrites and decisions, then the mapping table",
     run_nat},
    {"help", "", "show this text", run_help},
    {"port", "<number|service> [--proto tcp|udp|sctp|dccp] [--limit N] [--json]",
     "explain a port number (IANA range, services per transport, default ephemeral ranges, "
     "how often nmap finds it open) or list the ports of a service name (exact, then prefix; "
     "at most --limit, default 20); exit 1 if no service has that name",
     run_port},
    {"lessons", "check [DIR|FILE] [--json]",
     "load the course (default folder: lessons) as the app does and list every problem as "
     "file:line: message; exit 1 if there are any",
     run_lessons},
};

int run_help(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {}, 0);
  io.out << "usage: portlab-cli <command> [options]\n"
            "Options may be written --name value or --name=value. With --json a\n"
            "command prints JSON on stdout; bad input exits with status 2.\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string line = std::string("  ") + c.name + (*c.usage ? " " : "") + c.usage;
    io.out << line << "\n      " << c.summary << "\n";
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv, Output io) {
  if (argc < 2) {
    io.err << "portlab-cli: no command given (try 'portlab-cli help')\n";
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") name = "version";
  for (const Command& c : kCommands) {
    if (name != c.name) continue;
    try {
      return c.run(argc, argv, io);
    } catch (const UsageError& e) {
      io.err << "portlab-cli " << c.name << ": " << e.what() << "\n";
      return 2;
    }
  }
  io.err << "portlab-cli: unknown command '" << name << "' (try 'portlab-cli help')\n";
  return 2;
}

}  // namespace portlab::cli
