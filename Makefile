# PortLab's front door. A newcomer needs two commands:
#   make run    set up, build the web app and serve it at http://127.0.0.1:8080/
#   make test   set up, build native and web, run every test suite
# Everything else is here for people working on PortLab.

SHELL := /bin/bash
PORT ?= 8080
FUZZ_TARGET ?= gift
FUZZ_SECONDS ?= 600
# Debian's Emscripten finds its JavaScript tools (acorn) here.
export NODE_PATH ?= /usr/share/nodejs

.PHONY: all setup build native web asan core run run-native test test-e2e bench bench-web fuzz clean help

all: build

help:
	@echo "make run         build the web app and serve it (PORT=$(PORT))"
	@echo "make run-native  build and open the native app"
	@echo "make test        build everything and run every test suite"
	@echo "make build       build the native and web apps"
	@echo "make bench       build natively and run the engine benchmarks"
	@echo "make bench-web   start-up time in Chromium against a bare ImGui page"
	@echo "make fuzz        fuzz one parser with libFuzzer (FUZZ_TARGET=$(FUZZ_TARGET), FUZZ_SECONDS=$(FUZZ_SECONDS))"
	@echo "make clean       remove build output (keeps the cached SDL2 and sources)"

setup:
	@tools/setup.sh

# Each preset is configured once; afterwards ninja re-runs CMake itself when
# a CMakeLists.txt changes.
native: setup
	@[ -f build/native/build.ninja ] || cmake --preset native > /dev/null
	@cmake --build --preset native

web: setup
	@tools/build_sdl2_wasm.sh
	@[ -f build/web-obj/build.ninja ] || cmake --preset web > /dev/null
	@cmake --build --preset web

asan: setup
	@[ -f build/asan/build.ninja ] || cmake --preset asan > /dev/null
	@cmake --build --preset asan --target portlab_core_tests portlab_view_tests portlab_app_tests portlab_cli_tests \
	  portlab_fuzz_replays

build: native web

run: web
	@node tools/serve.mjs build/web $(PORT)

run-native: native
	@./build/native/portlab

test: build asan
	@tools/run_tests.sh

# Only the browser tests, against the current web build.
test-e2e: web
	@node tests/e2e/run.mjs

# Engine benchmarks (Google Benchmark), on the optimised native build.
bench: native
	@./build/native/portlab_bench $(BENCH_ARGS)

# Start-up in Chromium against a bare ImGui + SDL2 page from the same
# toolchain (five cold loads each); see tools/startup_bench.mjs.
bench-web: web
	@cmake --build --preset web --target baseline
	@node tools/startup_bench.mjs

# libFuzzer on one target (fuzz/<FUZZ_TARGET>_fuzz.cpp), built with clang into
# build/fuzz; not part of `make test`. See tools/fuzz.sh.
fuzz: setup
	@tools/fuzz.sh $(FUZZ_TARGET) $(FUZZ_SECONDS)

clean:
	rm -rf build/native build/web build/web-obj build/asan build/core build/fuzz build/test-artifacts
