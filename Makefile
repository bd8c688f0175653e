# The two commands of the README, and the steps they are made of.
.PHONY: demo test setup build serve test-native test-browser test-e2e bench screenshots fuzz

demo: setup build serve

test: setup
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

build:
	bash scripts/build.sh

serve:
	node scripts/serve.mjs

bench: setup
	bash scripts/bench.sh

screenshots: setup build
	node scripts/screenshots.mjs

# Every fuzz target for SECONDS seconds in all (`make fuzz SECONDS=3600`); `make test` runs a
# bounded, deterministic pass of each (tests/fuzz.rs).
SECONDS ?= 600
fuzz:
	FUZZ_SECONDS=$(SECONDS) bash scripts/fuzz.sh
