.PHONY: run test lint bench bench-quick build

build:
	go build -o entente ./cmd/entente

run:
	go run ./cmd/entente extract examples/

test:
	go test -race -count=1 ./...

lint:
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# bench: the Go benchmarks of every stage, then the end-to-end benchmark
# (10,000 generated articles, then one extract of 100,000 for peak RSS;
# writes BENCHMARKS.md).
bench:
	go test -run '^$$' -bench . -benchmem ./internal/...
	go run ./cmd/entente-bench

# bench-quick: the end-to-end benchmark on 1,000 articles, without PostgreSQL
# and without the 100,000-article peak-RSS run.
bench-quick:
	go run ./cmd/entente-bench -n 1000 -skip-pg -rss-n 0
