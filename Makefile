# Asyncscope: every command a contributor needs. See README.md.
#   make run    install what is missing, build, serve on http://127.0.0.1:8080
#   make test   install what is missing, run every test (native, browser, end-to-end)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI must match the library version locked in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 60

.PHONY: setup setup-test run build test test-native test-browser test-e2e lint bench clean

## Install the build tools that are missing (idempotent; seconds when all are present).
setup:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep '^clippy' >/dev/null \
	  && rustup component list --installed | grep '^rustfmt' >/dev/null \
	  || rustup component add clippy rustfmt
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" \
	  || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@[ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright-core ] \
	  && [ node_modules/.package-lock.json -nt package-lock.json ] \
	  || npm ci --no-audit --no-fund
	@cargo fetch --quiet
	@cargo fetch --quiet --target wasm32-unknown-unknown

## Also install the browser the tests drive (Debian's Chromium and its driver).
setup-test: setup
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

## Build the release app and serve it on http://127.0.0.1:8080.
run: setup
	trunk serve --release

## Build the release app into dist/ (works from any sub-folder of any static server).
build: setup
	trunk build --release

## Every test: formatting and lints, native, in-browser, end-to-end.
test: setup-test lint test-native test-browser build test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --features bench -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser --test pool --test lag --test in_worker

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## Benchmarks: prints a table of figures against their goals, writes bench/results.json.
## The pages measured run a copy of the app built with the benchmark hooks (the `bench`
## feature) into target/bench-dist/; the release dist/ has none.
bench: setup-test build
	trunk build --release --features bench --dist target/bench-dist
	cargo bench --bench engine
	node bench/run.mjs
	node bench/deviations.mjs

clean:
	rm -rf dist target tests/e2e/artifacts tests/e2e/.serve

## Property tests on a million inputs each (release; about 15 minutes on 2 cores).
.PHONY: fuzz-long
fuzz-long:
	PROPTEST_CASES=1000000 cargo test --release --test properties
