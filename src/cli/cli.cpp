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

// Every subcommand, in the order `help` lists them: the engines first, then
// the course tools. Each one's run_* lives in command_<name>.cpp.
const Command kCommands[] = {
    {"port", "<number|service> [--proto tcp|udp|sctp|dccp] [--limit N] [--json]",
     "explain a port number (IANA range, services per transport, default ephemeral ranges, "
     "how often nmap finds it open) or list the ports of a service name (exact, then prefix; "
     "at most --limit, default 20); exit 1 if no service has that name",
     run_port},
    {"bind",
     "--os OS --port N [--addr A] [--proto tcp|udp] [--uid N (default 1000)] "
     "[--cap net_bind_service] [--reuseaddr] [--reuseport] [--listen] [--seed S] "
     "[--sysctl NAME=VALUE]... [--host-addr A]... "
     "[--existing ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen][:timewait][:uid=N]"
     "[:proc=NAME]]... "
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
    {"sockets",
     "--os OS [--tool \"ss -tan\"] [--existing ...]... [--connect IP:PORT]... [--uid N] "
     "[--seed S] [--sysctl NAME=VALUE]... [--host-addr A]... [--columns N] [--json]",
     "what the system's own tool prints for the host's sockets, laid out as the real one "
     "does: linux ss -tan, ss -tulpn, ss -uan, netstat -tan, netstat -tulpn; windows "
     "netstat -ano; macos and freebsd netstat -an -p tcp, netstat -an -p udp (the first is "
     "the default); --connect opens a TCP connection from the program 'lab'; --columns N "
     "lays ss out for a terminal N wide (default: as into a pipe)",
     run_sockets},
    {"nat", "--scenario FILE.json [--json] [--seed S]",
     "replay a NAT scenario (docs/nat-scenarios.md): each packet's path, rewrites and "
     "decisions, then the mapping table",
     run_nat},
    {"lessons", "check [DIR|FILE] [--json]",
     "load the course (default folder: lessons) as the app does and list every problem as "
     "file:line: message; exit 1 if there are any",
     run_lessons},
    {"quiz",
     "check <FILE.gift|DIR> [--json] | templates [--json] | "
     "generate --template ID --seed S (0-9007199254740991) [--json]",
     "check a GIFT question bank (a file, or every *.gift in a directory): count the questions "
     "by type and topic and list every error as file:line: message, exit 1 if there are errors; "
     "list the question templates; print the question a template generates for a seed, with "
     "its options and their feedback, the right answer and the explanation",
     run_quiz},
    {"version", "", "print the PortLab version", run_version},
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
