// portlab-cli: the engines on the command line. The program itself is
// cli::run (cli.cpp), which the CLI tests call in-process.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return portlab::cli::run(argc, argv, {std::cout, std::cerr});
}
