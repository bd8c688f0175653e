# The two commands of the README, and the steps they are made of.
.PHONY: demo test setup build serve test-native test-browser test-e2e bench screenshots

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
