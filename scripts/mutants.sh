#!/usr/bin/env bash
# mutants.sh: test the tests. Each mutation breaks one feature on purpose in
# a temporary copy of the working tree (the tree itself is never touched),
# then runs the tests that guard the feature: they must fail. Run it with
# `make mutants`; it exits 1 when a mutation is missed or no longer applies
# (then update its pattern here).
#
# A mutation is: name, files (a glob under the copy), a Perl substitution,
# and the packages whose tests must catch it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree
mkdir -p "$tree"

# Copy the tracked and untracked (not ignored) files as they are now.
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf -) | tar -C "$tree" -xf -
# Tests find the shared data at ../shared beside the repository.
if [ -d "$root/../shared" ]; then ln -s "$root/../shared" "$work/shared"; fi

mutations=(
	"negation and denial off|internal/events/*.go|s/\bx\.lex\.HasKind\(lang, toks\[j\], lexicon\.Neg\)/false/g; s/case has\(kinds, lexicon\.Deny\)/case false/g|./internal/events/ ./internal/pipeline/"
	"source and target swapped|internal/events/*.go|s/srcRole, tgtRole := model\.RoleSource, model\.RoleTarget/srcRole, tgtRole := model.RoleTarget, model.RoleSource/g|./internal/events/ ./internal/pipeline/"
	"json writer drops the comma between items|internal/output/json.go|s/sep := \",\\\\n  \"/sep := \"\\\\n  \"/g|./internal/output/ ./internal/pipeline/ ./internal/cli/"
	"an event's date dropped|internal/events/*.go|s/\bev\.Date = x\.date\(/_ = x.date(/g|./internal/events/ ./internal/pipeline/"
	"TSV exports lose their tab separator|internal/export/export.go|s/strings\.Join\(row, \"\\\\t\"\)/strings.Join(row, \" \")/g|./internal/export/"
	"surge low-count guard off|internal/analysis/surges.go|s/if int\(s\.now\) < o\.MinCount /if false \&\& int(s.now) < o.MinCount /g|./internal/analysis/"
	"surge significance test off|internal/analysis/surges.go|s/sg\.P <= o\.Alpha\/float64\(tested\)/true/g|./internal/analysis/"
	"conflict counted as cooperation in blocs|internal/analysis/blocs.go|s/coop := ix\.Table\.Cooperative\(q\)/coop := true/g|./internal/analysis/ ./internal/export/"
	"brief cites one source of a top event|internal/brief/brief.go|s/Cites: b\.cites\(\[\]\*model\.Event\{e\}, true\)\}/Cites: b.cites([]*model.Event{e}, true)[:1]}/g|./internal/brief/"
)

# The guarding tests must pass before anything is broken.
all_pkgs=$(for m in "${mutations[@]}"; do IFS='|' read -r _ _ _ p <<<"$m"; echo "$p"; done | tr ' ' '\n' | sort -u | tr '\n' ' ')
# shellcheck disable=SC2086
if ! (cd "$tree" && go test -count=1 $all_pkgs) >"$work/base.log" 2>&1; then
	cat "$work/base.log"
	echo "mutants: the tests fail without any mutation; fix them first"
	exit 1
fi

caught=0 missed=0
for m in "${mutations[@]}"; do
	IFS='|' read -r name glob subst pkgs <<<"$m"
	files=()
	for f in $tree/$glob; do
		case $f in *_test.go) ;; *) files+=("$f") ;; esac
	done
	for f in "${files[@]}"; do cp "$f" "$f.orig"; done
	if ! perl -pi -e '$n += '"$subst"'; END { exit($n ? 0 : 3) }' "${files[@]}"; then
		echo "NOT APPLIED: $name (pattern not found in $glob: update scripts/mutants.sh)"
		missed=$((missed + 1))
	else
		log=$work/test.log
		# shellcheck disable=SC2086
		if (cd "$tree" && go test -count=1 $pkgs) >"$log" 2>&1; then
			echo "MISSED: $name (go test $pkgs passed)"
			missed=$((missed + 1))
		else
			failing=$(grep -E '^--- FAIL' "$log" | sed 's/^--- FAIL: //; s/ (.*//' | sort -u | head -6 | tr '\n' ' ')
			if [ -z "$failing" ]; then failing=$(grep -E '^FAIL|cannot|error' "$log" | head -3 | tr '\n' ' '); fi
			echo "caught: $name: $failing"
			caught=$((caught + 1))
		fi
	fi
	for f in "${files[@]}"; do mv "$f.orig" "$f"; done
done
echo "mutants: $caught caught, $missed missed"
[ "$missed" -eq 0 ]
