# Precis: the two set-up commands of the README are `make demo` and `make test`.
SWIFT ?= swift
EXAMPLE ?= Examples/halvard-bay
BIN = $(shell $(SWIFT) build --show-bin-path)

.PHONY: deps build demo test lint format release clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

## Installs what is missing, builds, and prints the digest of the bundled example.
demo: build
	$(BIN)/precis summarize $(EXAMPLE) --words 150

## Installs what is missing, builds once (code and tests), starts a throwaway PostgreSQL on loopback
## and installs headless Chromium for the database and browser tests (skipped where they cannot be
## had), and runs every test. Browser screenshots go to .build/browser-artifacts/.
test: deps lint
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	PRECIS_TEST_POSTGRES="$$(scripts/postgres-for-tests.sh)" PRECIS_TEST_CHROMIUM="$$(scripts/install-browser.sh)" \
		$(SWIFT) test --skip-build --disable-xctest

## The code follows the committed swift-format configuration (.swift-format); `make format` fixes it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

## The build the benchmarks use: optimised, with the Swift runtime linked in (faster start-up).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

clean:
	rm -rf .build
