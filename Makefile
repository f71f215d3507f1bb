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

.PHONY: help tools browser content dist serve test test-rust test-browser dist-root dist-subpath \
  check-builds browser-suite lint lint-wasm fmt bench bench-content size clean

help:
	@echo "make serve    build and serve the site at http://127.0.0.1:8080, rebuilding on change"
	@echo "make test     every test: format, lint, unit, build, browser"
	@echo "make lint     format and Clippy only (native and wasm), without building"
	@echo "make content  check content/ and update a built dist/ in place (seconds)"
	@echo "make dist     the deployable site in dist/ (SITE_URL=https://example.org/path/ make dist)"
	@echo "make bench    size and speed benchmark (Lighthouse mobile)"
	@echo "make bench-content  how long a content edit takes to show (make content, make serve)"
	@echo "make size     what the release wasm is made of (twiggy), after make dist"

tools:
	@scripts/install-tools

browser:
	@scripts/install-tools --browser

# Checks content/. When $(DIST) holds a built site, also updates it in place from content/
# (bundle, pages, sitemap, headers, compressed copies; the app's files kept byte for byte), or
# builds it in full when the app's code changed since it was built.
content:
	@if [ -f "$(DIST)/index.html" ]; then \
	  $(SITE) update "$(DIST)" || { rc=$$?; [ $$rc = 3 ] || exit $$rc; \
	    echo "make content: building $(DIST) in full (the app's code changed)"; \
	    $(MAKE) --no-print-directory dist SITE_URL="$$($(SITE) built-url "$(DIST)")"; }; \
	else $(SITE) check; fi

# Trunk builds the app into dist/.stage; its post_build hook (scripts/post-build) checks the
# content, writes the bundle and prerenders every route. Only then does dist/ change.
dist: tools
	cargo build --quiet --locked --features build --bin site
	base="$$($(SITE) base-path)" && source scripts/release-wasm-env && \
	  trunk build --release --locked --dist "$(DIST)" --public-url "$$base" \
	  || { rm -rf "$(DIST)/.stage" "$(DIST)/.trunk-lock"; exit 1; }
	rm -f "$(DIST)/.trunk-lock"

# Trunk rebuilds the app when its code changes; a content change updates dist/ in place.
serve: tools
	cargo build --quiet --locked --features build --bin site
	node scripts/dev-server.mjs

fmt:
	cargo fmt --all

# Formatting and Clippy, native and wasm, without building anything.
lint: tools lint-wasm
	cargo fmt --all -- --check
	cargo clippy --quiet --locked --all-targets --features build -- -D warnings

lint-wasm: tools
	cargo clippy --quiet --locked --lib --bins --target wasm32-unknown-unknown --features hydrate -- -D warnings

# Formatting, then the native tests compiled with Clippy's lints as errors. Clippy is rustc plus
# lints, so one compile both lints and builds the tests, where `cargo clippy` would check every
# crate in a second, separate compile. The wrapper applies to this project's crates only (so
# `make dist` builds the builder again without it, in seconds); CLIPPY_ARGS is how
# `cargo clippy` itself passes flags to clippy-driver.
test-rust: tools
	cargo fmt --all -- --check
	RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__ \
	  cargo test --locked --features build

# The same browser suite at the domain root and under a sub-path, on plain static servers.
test-browser: browser dist-root dist-subpath check-builds browser-suite

dist-root:
	$(MAKE) --no-print-directory dist DIST=target/dist-root SITE_URL=http://127.0.0.1:8091/

dist-subpath:
	$(MAKE) --no-print-directory dist DIST=target/dist-subpath SITE_URL=http://127.0.0.1:8092/rights/

# A failed build and a content-only update, each on the built site the browser suite then uses.
check-builds:
	scripts/check-failed-build-keeps-dist target/dist-root http://127.0.0.1:8091/
	scripts/check-content-update target/dist-root
	scripts/check-content-update target/dist-subpath

browser-suite:
	playwright test --config tests/e2e/playwright.config.mjs

# Each step timed, with a summary at the end (also when a step fails).
test:
	@scripts/timed-steps tools test-rust lint-wasm browser dist-root dist-subpath check-builds browser-suite

bench: browser dist
	scripts/bench
	$(MAKE) --no-print-directory bench-content

# How long an editor waits: `make content` and `make serve`'s reload (edits content/en/policy.md
# and restores it).
bench-content: browser dist
	scripts/bench content

size: tools
	scripts/size-report

clean:
	rm -rf dist target/dist-root target/dist-subpath test-results playwright-report
