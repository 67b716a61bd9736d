# prevod — the two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
PREVOD_DEBUG := .build/debug/prevod
OUT ?= out

.PHONY: build release run validate test bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The main job on the shipped sample corpus.
run: build
	@mkdir -p $(OUT)
	$(PREVOD_DEBUG) segment Corpora --output $(OUT)/segments.txt
	$(PREVOD_DEBUG) segment Corpora/bta
	$(PREVOD_DEBUG) prepare Corpora --glossary Glossaries --out $(OUT)

# Checks what `make run` wrote with the reference validators beside the checkout (../shared; needs xmllint, lxml).
validate:
	../shared/tools/xml/validate.sh $(OUT)/xliff21/*.xlf $(OUT)/xliff12/*.xlf $(OUT)/glossary.tbx
	python3 ../shared/tools/xml/xliff2_rules.py $(OUT)/xliff21/*.xlf
	$(PREVOD_DEBUG) inspect --quiet $(OUT)/xliff21/*.xlf $(OUT)/xliff12/*.xlf $(OUT)/glossary.tbx

test:
	$(SWIFT) test

# Release-built benchmarks; prints medians and ratios against baselines measured in the same run.
bench:
	$(SWIFT) build -c release --product prevod-bench
	.build/release/prevod-bench $(BENCH_ARGS)

clean:
	rm -rf .build $(OUT) bench-out
