# Verbale — the only commands a newcomer needs: `make run` and `make test`.
SWIFT      ?= swift
SHARED     ?= ../shared
RELEASE    := .build/release/verbale
DEBUG      := .build/debug/verbale
DOCS       := corpus/documents
OUT        := corpus/out
EXPECTED   := corpus/expected
APT_PKGS   := libxml2-dev libsqlite3-dev libssl-dev libmimalloc-dev pkg-config libxml2-utils

.PHONY: deps build release run test corpus bench bench-deps clean fuzz fuzz-short test-sanitize

## deps: install the C libraries and tools the build needs (no-op when present).
deps:
	@missing=""; \
	if command -v dpkg >/dev/null 2>&1; then \
	  for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "deps: installing$$missing"; \
	    SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

## release: the optimised binary, with the Swift runtime and Foundation linked in: a process
## starts in 14 ms instead of 23 (no relocating of Foundation and ICU at load), which counts
## when scripts run `verbale` once per file.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## run: convert corpus/documents/ into corpus/out/ with a one-line summary per document.
run: release
	@mkdir -p $(OUT)
	$(RELEASE) convert $(DOCS) -o $(OUT) --summary

## test: unit, golden and end-to-end tests (the end-to-end ones run the built binary), then
## a short fuzz run (fuzz-short, below), which fails `make test` when it finds a crash.
test: deps
	$(SWIFT) build
	$(SWIFT) test
	@$(MAKE) --no-print-directory fuzz-short

## corpus: regenerate the golden outputs after a reviewed change (then read the diff!).
corpus: build
	@mkdir -p $(EXPECTED)
	cd $(DOCS) && for f in *.txt; do \
	  ../../$(DEBUG) convert "$$f" > ../../$(EXPECTED)/$${f%.txt}.json || exit 1; \
	  ../../$(DEBUG) convert "$$f" --format xml > ../../$(EXPECTED)/$${f%.txt}.xml || exit 1; \
	done
	@git --no-pager diff --stat -- $(EXPECTED) || true

## bench: throughput and peak RSS on a generated corpus (release build), against eyecite and
## pandoc on the same files when installed (make bench-deps).
bench: release
	python3 bench/bench.py --binary $(RELEASE)

## bench-deps: eyecite from PyPI and pandoc from Debian, for the comparison rows of make bench.
bench-deps:
	python3 -m pip install -q eyecite
	@command -v pandoc >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pandoc >/dev/null; }

clean:
	rm -rf .build $(OUT)

## fuzz: libFuzzer + AddressSanitizer over the whole pipeline (parse, JSON, Akoma Ntoso) for
## SECONDS seconds (default 600), seeded from corpus/documents and ../shared/corpus. New inputs
## accumulate in .build-fuzz/corpus; crashes, leaks and timeouts land in .build-fuzz/artifacts/
## (replay one with `$(FUZZ) FILE`, then make it a test in Tests/VerbaleKitTests/Hostile/).
FUZZ_BUILD := .build-fuzz
FUZZ       := $(FUZZ_BUILD)/release/verbale-fuzz
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -DVERBALE_FUZZING --product verbale-fuzz
FUZZ_SEEDS := $(DOCS) $(wildcard $(SHARED)/corpus/public) $(wildcard $(SHARED)/corpus/seed)
FUZZ_RUN   := SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
FUZZ_OPTS  := -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/
SECONDS    ?= 600
SHORT_SECONDS ?= 30

fuzz: deps
	$(SWIFT) build -c release --scratch-path $(FUZZ_BUILD) $(FUZZ_FLAGS)
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
	$(FUZZ_RUN) $(FUZZ) $(FUZZ_OPTS) -max_total_time=$(SECONDS) $(FUZZ_BUILD)/corpus $(FUZZ_SEEDS)

## fuzz-short: the same for SHORT_SECONDS seconds (default 30) in a debug build, which compiles
## faster than release; the last step of `make test`. The run is the budget; the sanitized build
## (its own scratch path, so it never disturbs .build) comes on top: about a minute from a clean
## tree on 2 cores, seconds when up to date. A crash, timeout or out-of-memory exits non-zero.
fuzz-short: deps
	$(SWIFT) build -c debug --scratch-path $(FUZZ_BUILD) $(FUZZ_FLAGS)
	@mkdir -p $(FUZZ_BUILD)/corpus-short $(FUZZ_BUILD)/artifacts
	$(FUZZ_RUN) $(FUZZ_BUILD)/debug/verbale-fuzz $(FUZZ_OPTS) -max_total_time=$(SHORT_SECONDS) $(FUZZ_BUILD)/corpus-short $(FUZZ_SEEDS) \
	  || { echo "fuzz-short: the fuzzer failed; its input is in $(FUZZ_BUILD)/artifacts/ (replay: $(FUZZ_BUILD)/debug/verbale-fuzz FILE); make it a test in Tests/VerbaleKitTests/Hostile/" >&2; exit 1; }

## test-sanitize: the whole test suite once under AddressSanitizer, once under ThreadSanitizer
## (separate build directories; the end-to-end tests still run .build/debug/verbale). Leak
## detection is off: XCTest's own runner (XCTMain) leaks a few hundred bytes at exit.
test-sanitize: deps
	$(SWIFT) build
	ASAN_OPTIONS=detect_leaks=0 HOSTILE_TIME_LIMIT=30 $(SWIFT) test --scratch-path .build-asan --sanitize=address
	HOSTILE_TIME_LIMIT=30 $(SWIFT) test --scratch-path .build-tsan --sanitize=thread
