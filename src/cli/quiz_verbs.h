// The verbs of `portlab-cli quiz` that live outside command_quiz.cpp, one
// file each, listed in its kVerbs table (argv[2] is the verb).
#pragma once

#include "cli/commands.h"

namespace portlab::cli {

// quiz templates [--json]                       (command_quiz_templates.cpp)
int run_quiz_templates(int argc, char** argv, Output io);
// quiz generate --template ID --seed S [--json] (command_quiz_templates.cpp)
int run_quiz_generate(int argc, char** argv, Output io);

}  // namespace portlab::cli
