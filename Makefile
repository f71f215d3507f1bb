# Rights of Sex Workers. `make serve` and `make test` are the whole set-up on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
# The public address of the site; canonical URLs and the base path come from it.
SITE_URL ?= http://127.0.0.1:8080/
export SITE_URL
DIST ?= dist
SITE := cargo run --quiet --locked --features build --bin site --

.PHONY: help tools browser content dist serve test test-rust test-browser lint fmt bench size clean

help:
	@echo "make serve    build and serve the site at http://127.0.0.1:8080, rebuilding on change"
	@echo "make test     every test: format, lint, unit, build, browser"
	@echo "make content  check content/ (fast) and report every problem"
	@echo "make dist     the deployable site in dist/ (SITE_URL=https://example.org/path/ make dist)"
	@echo "make bench    size and speed benchmark (Lighthouse mobile)"
	@echo "make size     what the release wasm is made of (twiggy), after make dist"

tools:
	@scripts/install-tools

browser:
	@scripts/install-tools --browser

content:
	$(SITE) check

# Trunk builds the app into dist/.stage; its post_build hook (scripts/post-build) checks the
# content, writes the bundle and prerenders every route. Only then does dist/ change.
dist: tools
	cargo build --quiet --locked --features build --bin site
	trunk build --release --locked --dist "$(DIST)" --public-url "$$($(SITE) base-path)" \
	  || { rm -rf "$(DIST)/.stage" "$(DIST)/.trunk-lock"; exit 1; }
	rm -f "$(DIST)/.trunk-lock"

serve: tools
	cargo build --quiet --locked --features build --bin site
	trunk serve --locked --public-url "$$($(SITE) base-path)"

fmt:
	cargo fmt --all

lint: tools
	cargo fmt --all -- --check
	cargo clippy --quiet --locked --all-targets --features build -- -D warnings
	cargo clippy --quiet --locked --lib --bins --target wasm32-unknown-unknown --features hydrate -- -D warnings

test-rust:
	cargo test --locked --features build

# The same browser suite at the domain root and under a sub-path, on plain static servers.
test-browser: browser
	$(MAKE) --no-print-directory dist DIST=target/dist-root SITE_URL=http://127.0.0.1:8091/
	$(MAKE) --no-print-directory dist DIST=target/dist-subpath SITE_URL=http://127.0.0.1:8092/rights/
	scripts/check-failed-build-keeps-dist target/dist-root http://127.0.0.1:8091/
	playwright test --config tests/e2e/playwright.config.mjs

test: lint test-rust test-browser

bench: browser dist
	scripts/bench

size: tools
	scripts/size-report

clean:
	rm -rf dist target/dist-root target/dist-subpath test-results playwright-report
