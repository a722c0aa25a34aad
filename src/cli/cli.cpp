#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/version.h"

namespace portlab::cli {
namespace {

int run_version(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {}, 0);
  io.out << portlab::version() << "\n";
  return 0;
}

int run_help(int argc, char** argv, Output io);

}  // namespace

int run_bind(int argc, char** argv, Output io);       // command_bind.cpp
int run_ephemeral(int argc, char** argv, Output io);  // command_ephemeral.cpp

namespace {

// Add a subcommand here, in the order `help` should list it.
const Command kCommands[] = {
    {"version", "", "print the PortLab version", run_version},
    {"help", "", "show this text", run_help},
    {"bind",
     "--os OS --port N [--addr A] [--proto tcp|udp] [--uid N (default 1000)] "
     "[--cap net_bind_service] [--reuseaddr] [--reuseport] [--listen] [--seed S] "
     "[--sysctl NAME=VALUE]... [--host-addr A]... "
     "[--existing ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen][:timewait][:uid=N]]... "
     "[--json]",
     "what bind() answers on a simulated host (errno, rule, why); exit 0 whenever the "
     "model answered",
     run_bind},
    {"ephemeral",
     "--os OS --count N (1-100000) [--mode connect|bind0|udp] [--range LO-HI] "
     "[--dest IP:PORT]... (default 203.0.113.10:443, round-robin) [--seed S] "
     "[--algorithm rfc6056-1..5] [--interval-ms MS] [--uid N] [--sysctl NAME=VALUE]... "
     "[--host-addr A]... [--existing ...]... [--trace] [--json]",
     "the local ports a series of connect()/bind(0)/UDP calls gets; stops at the first "
     "failure (error, failed_at)",
     run_ephemeral},
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
