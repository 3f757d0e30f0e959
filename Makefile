# The two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DATA ?= data
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps build debug run test bench fuzz clean

all: build

deps:
	@scripts/install-deps

# Release build: the program at build/brm, the web app at build/web (TypeScript checked, then bundled by Vite).
build: deps
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBRM_TESTS=OFF >/dev/null
	@cmake --build build -j $(JOBS)
	@cd web && npm run --silent build >/dev/null

# Debug build with AddressSanitizer and UndefinedBehaviorSanitizer, tests included.
debug: deps
	@cmake -S . -B build/debug -DCMAKE_BUILD_TYPE=Debug -DBRM_SANITIZE=ON >/dev/null
	@cmake --build build/debug -j $(JOBS)

run: build
	@if [ ! -f $(DATA)/brm.db ]; then build/brm demo --data $(DATA) >/dev/null; fi
	@echo; echo "BRM on http://$(LISTEN)"; cat $(DATA)/demo-logins.txt 2>/dev/null || true; echo
	@exec build/brm serve --data $(DATA) --listen $(LISTEN)

# Every test: C++ (under the sanitizers), the web app's units (Vitest), then the browser end-to-end tests
# against a real `brm serve` with the demo company (screenshots in build/e2e/screenshots).
test: build debug
	@cd build/debug && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)
	@fuzz/run $(FUZZ_SMOKE_SECONDS)
	@cd web && npx --no-install vitest run --reporter=dot
	@node web/e2e/run.mjs

bench: build
	@bench/run

# libFuzzer (clang-14) on the record JSON, bundles, query strings and raw HTTP, FUZZ_SECONDS per target
# (build/fuzz; findings in build/fuzz/findings). `make test` runs each for FUZZ_SMOKE_SECONDS.
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 10
fuzz: deps
	@fuzz/run $(FUZZ_SECONDS)

clean:
	rm -rf build
