# Verbale — the only commands a newcomer needs: `make run` and `make test`.
SWIFT      ?= swift
SHARED     ?= ../shared
RELEASE    := .build/release/verbale
DEBUG      := .build/debug/verbale
DOCS       := corpus/documents
OUT        := corpus/out
EXPECTED   := corpus/expected
APT_PKGS   := libxml2-dev libsqlite3-dev pkg-config libxml2-utils

.PHONY: deps build release run test corpus bench bench-deps clean

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

release: deps
	$(SWIFT) build -c release

## run: convert corpus/documents/ into corpus/out/ with a one-line summary per document.
run: release
	@mkdir -p $(OUT)
	$(RELEASE) convert $(DOCS) -o $(OUT) --summary

## test: unit, golden and end-to-end tests (the end-to-end ones run the built binary).
test: deps
	$(SWIFT) build
	$(SWIFT) test

## corpus: regenerate the golden outputs after a reviewed change (then read the diff!).
corpus: build
	@mkdir -p $(EXPECTED)
	cd $(DOCS) && for f in *.txt; do ../../$(DEBUG) convert "$$f" > ../../$(EXPECTED)/$${f%.txt}.json || exit 1; done
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
