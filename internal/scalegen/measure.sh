#!/bin/sh
# Re-measures the README's "Reliability: limits on hostile input" table:
# generates the issue 15 documents and prints, for `iameval validate`,
# `iameval test`, `iameval test` on a failing case (whose explanation it
# prints) and `iameval test --json` on each, elapsed time, maximum
# resident set size and its ratio to the input size, then the same for
# the other shapes of scalegen (test on the scenarios, validate on the
# policies). Run from the module root:
#
#	sh internal/scalegen/measure.sh [DIR]
set -eu
dir=${1:-$(mktemp -d)}
go run ./internal/scalegen "$dir"
go build -o "$dir/iameval" ./cmd/iameval
printf '%-16s %-9s %10s %8s %10s %6s\n' input command bytes seconds maxRSS_kB ratio
for name in ${NAMES:-sids-100k keys-100k values-5k-1001}; do
	size=$(wc -c <"$dir/$name.json")
	for cmd in validate test test-fail test-json; do
		case $cmd in
		validate) args="validate $dir/$name.json" ;;
		test) args="test $dir/$name.scenario.json" ;;
		test-fail) args="test $dir/$name.fail.scenario.json" ;;
		test-json) args="test --json $dir/$name.scenario.json" ;;
		esac
		# shellcheck disable=SC2086 # args is split on purpose
		/usr/bin/time -v "$dir/iameval" $args >/dev/null 2>"$dir/time.txt" || true
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
		wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt")
		printf '%-16s %-9s %10s %8s %10s %6s\n' "$name" "$cmd" "$size" "$wall" "$rss" \
			"$(awk -v r="$rss" -v s="$size" 'BEGIN { printf "%.1fx", r * 1024 / s }')"
	done
done
# The other shapes: scenarios that test runs, policies that validate checks.
for name in ${EXTRAS:-cases-100k.scenario context-100k.scenario tags-100k.scenario policies-100k.scenario long-resource wildcard-resources-100k unknown-actions-100k}; do
	size=$(wc -c <"$dir/$name.json")
	case $name in
	*.scenario) cmd=test ;;
	*) cmd=validate ;;
	esac
	/usr/bin/time -v "$dir/iameval" "$cmd" "$dir/$name.json" >/dev/null 2>"$dir/time.txt" || true
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt")
	printf '%-16s %-9s %10s %8s %10s %6s\n' "$name" "$cmd" "$size" "$wall" "$rss" \
		"$(awk -v r="$rss" -v s="$size" 'BEGIN { printf "%.1fx", r * 1024 / s }')"
done
