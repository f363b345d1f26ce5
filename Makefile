.PHONY: run test lint mutants bench bench-quick bench-long bench-queue bench-1m build quality calibrate

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

# mutants: break negation, roles, the JSON writer and event dates one at a
# time in a temporary copy of the tree; the tests must fail each time.
mutants:
	bash scripts/mutants.sh

# bench: the Go benchmarks of every stage, then the end-to-end benchmark
# (10,000 generated articles, then one extract of 100,000 for peak RSS,
# then ingest into a store of 10,000 and of 100,000 realistic articles,
# then one 50 MB document and a 5 MB token on one core; writes BENCHMARKS.md).
bench:
	go test -run '^$$' -bench . -benchmem ./internal/...
	go run ./cmd/entente-bench

# bench-quick: the end-to-end benchmark on 1,000 articles, without PostgreSQL,
# the 100,000-article peak-RSS run, the growing store and the long documents.
bench-quick:
	go run ./cmd/entente-bench -n 1000 -skip-pg -rss-n 0 -grow "" -long=false

# bench-long: only the long documents of `make bench` (a 50 MB document of
# articles, one of a repeated paragraph, a 5 MB token; one core each):
# wall, CPU and peak RSS against issue 12's targets, printed, no file written.
bench-long:
	go run ./cmd/entente-bench -only-long

# bench-queue: only the worker scaling of `make bench` (issue 17): 4,000
# generated articles enqueued into a fresh PostgreSQL database per run, then
# 1 and 2 `entente worker` processes, 3 times each interleaved, medians;
# articles/s, the ratio, CPU per article (workers + PostgreSQL) and the
# lock-wait share, printed (no file written). About 4 minutes on a quiet
# machine, 6-8 under load.
bench-queue:
	go run ./cmd/entente-bench -only-queue -queue 1,2 -queue-n 4000 -queue-repeat 3

# bench-1m: ingest into a store of 10,000, 100,000 and 1,000,000 realistic
# articles, then extract all 1,005,000 for peak RSS (writes
# BENCHMARKS-1M.md). It writes the million articles as files (4 GB) and
# fills a SQLite store with them (8 GB): on this 2-core machine about 75
# minutes of wall time on a quiet machine, most of it the fill. With
# GROW_DIR=DIR the corpus and the store stay in DIR: a second run reuses the
# corpus, and the store can be queried or given more articles later
# (BENCHMARKS.md says how the 1M numbers were taken that way).
bench-1m:
	go run ./cmd/entente-bench -only-grow -grow 10000,100000,1000000 $(if $(GROW_DIR),-grow-dir $(GROW_DIR)) -out BENCHMARKS-1M.md

# quality: scores of the working tree on the seeds and the development set
# (../shared, beside the repository), per source, the name lists, and the
# calibration table of the confidence (bins, events, precision).
quality: build
	@shared=../shared; test -d $$shared/eval || { echo "no ../shared/eval beside the repository"; exit 1; }; \
	./entente extract --format jsonl $$shared/seeds > /tmp/entente-seeds.jsonl && \
	echo "seeds: $$(python3 $$shared/eval/score.py $$shared/eval/seeds.gold.jsonl /tmp/entente-seeds.jsonl | tail -n 1)" && \
	./entente extract --format jsonl $$shared/eval/dev/docs > /tmp/entente-dev.jsonl && \
	echo "dev, per source:" && python3 $$shared/eval/by_source.py $$shared/eval/dev/dev.gold.jsonl /tmp/entente-dev.jsonl && \
	ENTENTE=./entente python3 $$shared/eval/names.py $$shared/eval/names.tsv | tail -n 1 && \
	python3 scripts/calibrate.py --bin ./entente

# calibrate: refit the confidence weights (data/lexicon/confidence.tsv) on
# the development set and print the cross-validated calibration table.
calibrate: build
	python3 scripts/calibrate.py --fit --bin ./entente
