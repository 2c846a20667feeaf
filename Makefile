# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift

.PHONY: deps build run test clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product imprint

run: build
	@scripts/main-job.sh

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
