#!/bin/sh
# Runs each test program given, shows its output, and ends with the line
# "N passed, N failed" summed over all of them, read from the summary line
# Unity (or the project's harness) prints: "N Tests F Failures I Ignored".
# A program that crashes or prints no summary counts as one failure.
passed=0
failed=0
for test in "$@"; do
    echo "== $test"
    out=$("$test" 2>&1)
    status=$?
    printf '%s\n' "$out"
    summary=$(printf '%s\n' "$out" | grep -E '^[0-9]+ Tests [0-9]+ Failures [0-9]+ Ignored' | tail -n 1)
    if [ -z "$summary" ]; then
        echo "$test: no summary (exit status $status)"
        failed=$((failed + 1))
        continue
    fi
    tests=$(echo "$summary" | awk '{print $1}')
    failures=$(echo "$summary" | awk '{print $3}')
    ignored=$(echo "$summary" | awk '{print $5}')
    passed=$((passed + tests - failures - ignored))
    failed=$((failed + failures))
    if [ "$status" -ne 0 ] && [ "$failures" -eq 0 ]; then
        echo "$test: exit status $status"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
