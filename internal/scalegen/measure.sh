#!/bin/sh
# Re-measures the README's "Reliability: limits on hostile input" table:
# generates the issue 15 documents and prints, for `iameval validate`,
# `iameval test`, `iameval test` on a failing case (whose explanation it
# prints) and `iameval test --json` on each, elapsed time, maximum
# resident set size and its ratio to the input size, then the same for
# the other shapes of scalegen (test on the scenarios; validate, and
# explain of one request, which compiles the policy, on the policies).
# The last column is the ratio without the resident size of the program
# itself, measured first on a one-statement policy. Run from the module
# root:
#
#	sh internal/scalegen/measure.sh [DIR]
#
# SCALE=N multiplies every document's item count, up to about 60 MB a file
# (see scalegen), to check the time taken near the 64 MiB file limit.
set -eu
dir=${1:-$(mktemp -d)}
go run ./internal/scalegen "$dir" "${SCALE:-1}"
go build -o "$dir/iameval" ./cmd/iameval
printf '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}\n' >"$dir/tiny.json"
/usr/bin/time -v "$dir/iameval" validate "$dir/tiny.json" >/dev/null 2>"$dir/time.txt"
base=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
echo "program alone (validate of one statement): $base kB"
# measure NAME COMMAND FILE ARGS... runs iameval with ARGS and prints one
# row for the input FILE.
measure() {
	name=$1 cmd=$2 file=$3
	shift 3
	size=$(wc -c <"$file")
	/usr/bin/time -v "$dir/iameval" "$@" >/dev/null 2>"$dir/time.txt" || true
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt")
	printf '%-24s %-9s %10s %8s %10s %6s %6s\n' "$name" "$cmd" "$size" "$wall" "$rss" \
		"$(awk -v r="$rss" -v s="$size" 'BEGIN { printf "%.1fx", r * 1024 / s }')" \
		"$(awk -v r="$rss" -v b="$base" -v s="$size" 'BEGIN { printf "%.1fx", (r - b) * 1024 / s }')"
}
printf '%-24s %-9s %10s %8s %10s %6s %6s\n' input command bytes seconds maxRSS_kB ratio -prog
for name in ${NAMES:-sids-100k keys-100k values-5k-1001}; do
	f=$dir/$name.json
	measure "$name" validate "$f" validate "$f"
	measure "$name" test "$f" test "$dir/$name.scenario.json"
	measure "$name" test-fail "$f" test "$dir/$name.fail.scenario.json"
	measure "$name" test-json "$f" test --json "$dir/$name.scenario.json"
done
# The other shapes: scenarios that test runs, policies that validate
# checks and explain compiles.
for name in ${EXTRAS:-cases-100k.scenario context-100k.scenario tags-100k.scenario policies-100k.scenario long-resource wildcard-resources-100k unknown-actions-100k invalid-actions-100k}; do
	f=$dir/$name.json
	case $name in
	*.scenario) measure "$name" test "$f" test "$f" ;;
	*)
		measure "$name" validate "$f" validate "$f"
		measure "$name" explain "$f" explain --principal arn:aws:iam::123456789012:user/alice \
			--action s3:GetObject --resource arn:aws:s3:::b/k --policy "$f"
		;;
	esac
done
