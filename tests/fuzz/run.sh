#!/bin/sh
# tests/fuzz/run.sh [SECONDS]
#
# Replays, with each fuzzer, the inputs that once made it fail
# (tests/fuzz/regressions/FUZZER/) and its seeds ($FUZZ_BUILD/seeds/FUZZER/,
# the notices, fixtures and catalogs make writes), each input run once.
# With SECONDS (make fuzz), then fuzzes with each for that long on the
# corpus in $FUZZ_BUILD/corpus/FUZZER/, which grows from run to run.
# Without it (make test) nothing is random or timed: every run prints the
# same. Prints a Unity-style summary so tests/run.sh counts it: one test
# per fuzzer. Needs FUZZ_BUILD (where make fuzzers put them).
: "${FUZZ_BUILD:?}"
seconds=${1:-}
here=$(dirname "$0")
tests=0 failures=0 ignored=0

# How many inputs the directories given hold (those that exist); dot
# files (editor leftovers) are not inputs.
count_inputs() {
    for dir in "$@"; do
        [ -d "$dir" ] && find "$dir" -type f ! -name '.*'
    done | wc -l | tr -d ' '
}

for name in fuzz_pnc fuzz_libpn fuzz_catalog fuzz_walk; do
    tests=$((tests + 1))
    bin="$FUZZ_BUILD/$name"
    if [ ! -x "$bin" ]; then
        echo "$name:IGNORE: not built (clang with -fsanitize=fuzzer needed:" \
             "apt-get install clang libclang-rt-14-dev)"
        ignored=$((ignored + 1))
        continue
    fi
    regressions="$here/regressions/$name"
    seeds="$FUZZ_BUILD/seeds/$name"
    dirs=""
    for dir in "$regressions" "$seeds"; do
        [ -d "$dir" ] && dirs="$dirs $dir"
    done
    # Each input run once; find gives any file name whole, and fails if
    # the fuzzer does.
    # shellcheck disable=SC2086 # the directories, none with a space
    if [ -n "$dirs" ] && ! find $dirs -type f ! -name '.*' \
            -exec "$bin" -timeout=10 -rss_limit_mb=2048 {} + \
            >"$FUZZ_BUILD/$name.replay.log" 2>&1; then
        echo "$name:FAIL: an input fails (see" \
             "$FUZZ_BUILD/$name.replay.log)"
        failures=$((failures + 1))
        continue
    fi
    summary="replayed regressions: $(count_inputs "$regressions"),"
    summary="$summary seeds: $(count_inputs "$seeds")"
    if [ -z "$seconds" ]; then
        echo "$name:PASS: $summary"
        continue
    fi
    corpus="$FUZZ_BUILD/corpus/$name"
    mkdir -p "$corpus"
    if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$FUZZ_BUILD/$name-" \
            "$corpus" "$seeds" >"$FUZZ_BUILD/$name.log" 2>&1; then
        stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE).*cov:' "$FUZZ_BUILD/$name.log" | tail -n 1)
        runs=$(grep -E '^stat::number_of_executed_units' "$FUZZ_BUILD/$name.log" | awk '{print $2}')
        echo "$name:PASS: $summary; $runs runs in ${seconds}s; cov:${stats#*cov:} " | sed 's/  */ /g'
    else
        echo "$name:FAIL: crash or leak, input saved as $FUZZ_BUILD/$name-*" \
             "(see $FUZZ_BUILD/$name.log; add it to $regressions)"
        failures=$((failures + 1))
    fi
done
echo
echo "-----------------------"
echo "$tests Tests $failures Failures $ignored Ignored"
[ "$failures" -eq 0 ]
