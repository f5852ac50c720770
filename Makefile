# Thin wrapper over CMake + ctest. `make run` serves the demo zone, `make test` runs the suites.
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
PORT    ?= 8080
DATA    ?= data
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build run test bench clean

all: build

deps:
	@ci/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/bin/cstackd --data-dir $(DATA) --port $(PORT) --load fixtures/zones/demo.json

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE bench-full

bench: build
	cd $(BUILD) && ctest --output-on-failure -L bench
	bench/run-all $(BUILD)

clean:
	rm -rf $(BUILD)
