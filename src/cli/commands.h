// The subcommands of portlab-cli. Each lives in its own file
// (command_<name>.cpp) and is listed once in the table in cli.cpp.
#pragma once

#include <ostream>

namespace portlab::cli {

// What a subcommand writes to: stdout and stderr in the real program,
// string streams in the tests.
struct Output {
  std::ostream& out;
  std::ostream& err;
};

// Runs one subcommand; argv[0] is the program, argv[1] the command name.
// Returns the exit status. Throws UsageError for bad input.
using CommandFn = int (*)(int argc, char** argv, Output io);

struct Command {
  const char* name;
  const char* usage;    // one line: arguments after the command name
  const char* summary;  // one line: what it does
  CommandFn run;
};

// The subcommands (command_<name>.cpp), listed in cli.cpp's table.
int run_port(int argc, char** argv, Output io);
int run_bind(int argc, char** argv, Output io);
int run_ephemeral(int argc, char** argv, Output io);
int run_sockets(int argc, char** argv, Output io);
int run_nat(int argc, char** argv, Output io);
int run_lessons(int argc, char** argv, Output io);
int run_quiz(int argc, char** argv, Output io);

// The whole program: dispatches argv to a subcommand, turns UsageError into
// "portlab-cli <command>: <message>" on stderr and exit status 2.
int run(int argc, char** argv, Output io);

}  // namespace portlab::cli
