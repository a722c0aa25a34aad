// portlab-cli: the engines on the command line.
//
// Each subcommand lives in its own file and registers in kCommands below.
// Conventions shared by every subcommand: JSON on stdout with --json,
// readable text otherwise; bad input exits 2 with one line on stderr.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/version.h"

namespace {

void print_usage(FILE* out) {
  std::fprintf(out,
               "usage: portlab-cli <command> [options]\n"
               "\n"
               "commands:\n"
               "  version     print the PortLab version\n"
               "  help        show this text\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "portlab-cli: no command given (try 'portlab-cli help')\n");
    return 2;
  }
  const std::string command = argv[1];
  if (command == "help" || command == "--help" || command == "-h") {
    print_usage(stdout);
    return 0;
  }
  if (command == "version" || command == "--version") {
    std::printf("%s\n", portlab::version());
    return 0;
  }
  std::fprintf(stderr, "portlab-cli: unknown command '%s' (try 'portlab-cli help')\n", command.c_str());
  return 2;
}
