# prevod — the two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
PREVOD_DEBUG := .build/debug/prevod
OUT ?= out

.PHONY: build release run validate test bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The main job on the shipped sample corpus: exchange files, source checks, a memory aligned from the NTREX English
# originals, and a translator kit (an OmegaT project in a zip) that uses that memory.
run: build
	@mkdir -p $(OUT)
	$(PREVOD_DEBUG) prepare Corpora --glossary Glossaries --out $(OUT)
	$(PREVOD_DEBUG) check Corpora/bta Corpora/ntrex/bg --glossary Glossaries --format html --output $(OUT)/source-checks.html --fail-on never
	$(PREVOD_DEBUG) align Corpora/ntrex/bg Corpora/ntrex/en --glossary Glossaries --tmx $(OUT)/ntrex-aligned.tmx --review $(OUT)/ntrex-review.html
	$(PREVOD_DEBUG) package Corpora --glossary Glossaries --tm $(OUT)/ntrex-aligned.tmx --out $(OUT)/corpora-kit.zip --omegat

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
