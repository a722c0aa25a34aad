# Small helpers shared by every target of the project.

# Strict warnings on our own code only; ImGui and SDL sources are compiled
# without them (they are not ours to fix).
function(portlab_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()

# Registers a doctest binary with ctest. Natively each test case becomes its
# own ctest entry (so ctest's totals count test cases); the wasm build runs the
# whole binary once under node, which is what costs the least start-up time.
# `label` groups the entries (ctest -L core|views|app) so tools/run_tests.sh can
# report each layer's totals.
function(portlab_add_doctest target label)
  if(EMSCRIPTEN)
    # Node 20 has a global fetch that Emscripten 3.1.6 would use to load the
    # .wasm by file path, which fails; --no-experimental-fetch avoids it.
    add_test(NAME ${target} COMMAND node --no-experimental-fetch $<TARGET_FILE:${target}>)
    set_tests_properties(${target} PROPERTIES LABELS ${label})
  else()
    include(doctest)
    doctest_discover_tests(${target} PROPERTIES LABELS ${label})
  endif()
endfunction()
