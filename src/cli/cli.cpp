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

int run_nat(int argc, char** argv, Output io);  // command_nat.cpp

namespace {

// Add a subcommand here, in the order `help` should list it.
const Command kCommands[] = {
    {"version", "", "print the PortLab version", run_version},
    {"nat", "--scenario FILE.json [--json] [--seed S]",
     "replay a NAT scenario: each packet's path, rewrites and decisions, then the mapping table",
     run_nat},
    {"help", "", "show this text", run_help},
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
