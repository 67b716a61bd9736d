# prevod — the two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
PREVOD_DEBUG := .build/debug/prevod
OUT ?= out

.PHONY: build release run test bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The main job on the shipped sample corpus.
run: build
	@mkdir -p $(OUT)
	$(PREVOD_DEBUG) segment Corpora --output $(OUT)/segments.txt
	$(PREVOD_DEBUG) segment Corpora/bta

test:
	$(SWIFT) test

# Release-built benchmarks; prints medians and ratios against baselines measured in the same run.
bench:
	$(SWIFT) build -c release --product prevod-bench
	.build/release/prevod-bench $(BENCH_ARGS)

clean:
	rm -rf .build $(OUT) bench-out
