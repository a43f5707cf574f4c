# The two commands of the README: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
OUT ?= out
TAIZHANG = .build/release/taizhang

.PHONY: setup build release test demo bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product taizhang

test:
	@bash scripts/setup.sh --render
	$(SWIFT) test

demo: release
	@bash scripts/demo.sh $(TAIZHANG) $(OUT)

bench: release
	# SwiftPM caches the parent package's file list in these; drop them so files added since are built.
	rm -f bench/.build/workspace-state.json bench/.build/*.yaml bench/.build/*/release/description.json
	$(SWIFT) build -c release --package-path bench
	@bash bench/run.sh
	@bash bench/write/run-write.sh
	@bash bench/run-ledger.sh
	@bash bench/run-xls.sh
	@bash bench/run-rounds.sh
	@bash bench/run-serve.sh

fuzz: setup
	@bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(OUT)
