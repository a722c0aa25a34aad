// The one translation unit that provides doctest's main() for the CLI suite.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
