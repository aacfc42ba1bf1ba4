#!/bin/sh
# Runs each fuzzer for $FUZZ_SECONDS seconds on a corpus seeded from the
# notices and fixtures, after replaying its regression inputs, and prints
# a Unity-style summary so tests/run.sh counts it: one test per fuzzer.
# Needs FUZZ_BUILD (where make fuzzers put them) and FUZZ_SECONDS.
: "${FUZZ_BUILD:?}" "${FUZZ_SECONDS:=20}"
here=$(dirname "$0")
tests=0 failures=0 ignored=0
for name in fuzz_pnc fuzz_libpn fuzz_catalog; do
    tests=$((tests + 1))
    bin="$FUZZ_BUILD/$name"
    if [ ! -x "$bin" ]; then
        echo "$name:IGNORE: not built (clang with -fsanitize=fuzzer needed:" \
             "apt-get install clang libclang-rt-14-dev)"
        ignored=$((ignored + 1))
        continue
    fi
    corpus="$FUZZ_BUILD/corpus/$name"
    mkdir -p "$corpus"
    regressions="$here/regressions/$name"
    replay=$(find "$regressions" -type f ! -name '.*' 2>/dev/null | sort)
    if [ -n "$replay" ]; then
        # shellcheck disable=SC2086 # one argument per file name
        if ! "$bin" $replay >"$FUZZ_BUILD/$name.replay.log" 2>&1; then
            echo "$name:FAIL: a regression input fails again" \
                 "(see $FUZZ_BUILD/$name.replay.log)"
            failures=$((failures + 1))
            continue
        fi
    fi
    seeds="$FUZZ_BUILD/seeds/$name"
    if "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$FUZZ_BUILD/$name-" \
            "$corpus" "$seeds" >"$FUZZ_BUILD/$name.log" 2>&1; then
        stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE).*cov:' "$FUZZ_BUILD/$name.log" | tail -n 1)
        runs=$(grep -E '^stat::number_of_executed_units' "$FUZZ_BUILD/$name.log" | awk '{print $2}')
        echo "$name:PASS: $runs runs in ${FUZZ_SECONDS}s; cov:${stats#*cov:} " | sed 's/  */ /g'
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
