#!/bin/sh
# bench.sh: the footprint table for `make bench` (mk/bench.mk sets BUILD,
# PNC and CC and builds $BUILD/bench/bench_pn first), then how pnc scales.
# Prints one table; a row whose tool is missing says so instead of
# failing.
set -u
BUILD=${BUILD:-build}
PNC=${PNC:-$BUILD/pnc}
CC=${CC:-cc}
OUT=$BUILD/bench
ARM_CC=arm-none-eabi-gcc
ARM_FLAGS="-Os -mcpu=cortex-m4 -mthumb -ffreestanding"
mkdir -p "$OUT"

have() { command -v "$1" >/dev/null 2>&1; }
bytes() { wc -c | tr -d ' '; }
# pct PART WHOLE: "12,345 (38.8%)"
pct() {
	awk -v p="$1" -v w="$2" 'function c(n,  s) { s = sprintf("%d", n);
		while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s);
		return s } BEGIN { printf "%s (%.1f%%)", c(p), 100 * p / w }'
}
row() { printf '%-40s %-18s %-18s %-18s\n' "$1" "$2" "$3" "$4"; }

SEEDS=$(ls tests/fixtures/seeds/*.txt)
NB=$(ls policies/*.nb.pn)
ALL=$(ls policies/*.pn)

raw_seeds=$(cat $SEEDS | bytes)
raw_nb=$(cat $NB | bytes)
raw_all=$(cat $ALL | bytes)

# gzip -9 per file, summed.
gzip_each() { t=0; for f in "$@"; do n=$(gzip -9c "$f" | bytes); t=$((t + n)); done; echo $t; }
# xxd -i: the array keeps every byte; its C text is what gcc must parse.
xxd_text() { cat "$@" >"$OUT/xxd.bin"; (cd "$OUT" && xxd -i xxd.bin) | bytes; }

# pnc catalogs of the nb notices and of all, compressed and plain.
catalog() { # NAME FLAGS FILES...: prints the catalog's size in bytes
	name=$1; flags=$2; shift 2
	$PNC $flags -o "$OUT/$name.c" --prefix "$name" "$@" 2>/dev/null || { echo 0; return; }
	header_size "$OUT/$name.h"
}
# The catalog size the generated header states.
header_size() { sed -n 's/^#define [A-Z_0-9]*_SIZE \([0-9]*\)u.*$/\1/p' "$1"; }
cat_nb=$(catalog cat_nb "" $NB)
cat_all=$(catalog cat_all "" $ALL)
plain_nb=$(catalog plain_nb --no-compress $NB)
plain_all=$(catalog plain_all --no-compress $ALL)
# The code tables' size, a header field, as pnc --dump shows it.
code_size() { $PNC --dump "$@" 2>/dev/null | sed -n 's/^  code_size: //p'; }
code_nb=$(code_size $NB)
code_all=$(code_size $ALL)

# The rivals (bench/rivals.c), built with the libraries this machine has:
# zstd and zlib from Debian's libzstd-dev and zlib1g-dev.
RIV=$OUT/rivals
rivals_built=
for combo in "-DRIVAL_ZSTD -DRIVAL_ZLIB:-lzstd -lz" "-DRIVAL_ZSTD:-lzstd" "-DRIVAL_ZLIB:-lz"; do
	if $CC -std=c99 -O2 ${combo%%:*} -Iruntime -I$BUILD/tests bench/rivals.c \
		$BUILD/tests/plain_catalog.o $BUILD/libpn.a ${combo#*:} -o "$RIV" 2>/dev/null; then
		rivals_built=$combo
		break
	fi
done
# rival_size zstd|deflate: "12,345 (14.3%) = texts + dictionary", or why not.
rival_size() {
	case $1 in zstd) lib=libzstd-dev;; *) lib=zlib1g-dev;; esac
	r=$([ -n "$rivals_built" ] && $RIV size $1 2>/dev/null) || r=
	if [ -z "$r" ]; then echo "n/a: no $lib"; return; fi
	set -- $r
	echo "$(pct $(($1 + $2)) $raw_all) = texts $1 + dictionary $2"
}

# libpn for Cortex-M4, with stack usage per function.
arm_text=
if have $ARM_CC; then
	mkdir -p "$OUT/arm"
	rm -f "$OUT"/arm/*.o "$OUT"/arm/*.su
	ok=1
	for f in runtime/*.c; do
		o="$OUT/arm/$(basename "$f" .c).o"
		(cd "$OUT/arm" && $ARM_CC $ARM_FLAGS -std=c99 -fstack-usage \
			-c "$OLDPWD/$f" -o "$(basename "$o")") || ok=0
	done
	if [ $ok = 1 ]; then
		arm_text=$(arm-none-eabi-size "$OUT"/arm/*.o | awk 'NR > 1 { t += $1 } END { print t }')
	fi
fi

echo "pnc footprint benchmark (make bench)"
echo "seeds = tests/fixtures/seeds/*.txt (the five original notices, plain text);"
echo "nb = policies/*.nb.pn (the same five notices as pnc sources); all = policies/*.pn (nb + en)."
echo "Shares are of the raw bytes of the same column."
echo
row "bytes" "seeds (5 .txt)" "nb (5 .pn)" "all (10 .pn)"
row "raw text" "$(pct $raw_seeds $raw_seeds)" "$(pct $raw_nb $raw_nb)" "$(pct $raw_all $raw_all)"
row "xxd -i embedding (array bytes)" "$(pct $raw_seeds $raw_seeds)" "$(pct $raw_nb $raw_nb)" "$(pct $raw_all $raw_all)"
if have xxd; then
	row "  its C source text" "$(pct $(xxd_text $SEEDS) $raw_seeds)" "$(pct $(xxd_text $NB) $raw_nb)" "$(pct $(xxd_text $ALL) $raw_all)"
else
	row "  its C source text" "n/a: no xxd" "" ""
fi
if have gzip; then
	row "gzip -9, per file" "$(pct $(gzip_each $SEEDS) $raw_seeds)" "$(pct $(gzip_each $NB) $raw_nb)" "$(pct $(gzip_each $ALL) $raw_all)"
	row "gzip -9, all in one" "$(pct $(cat $SEEDS | gzip -9 | bytes) $raw_seeds)" "$(pct $(cat $NB | gzip -9 | bytes) $raw_nb)" "$(pct $(cat $ALL | gzip -9 | bytes) $raw_all)"
else
	row "gzip -9" "n/a: no gzip" "" ""
fi
if have xz; then
	row "xz -9e, all in one" "$(pct $(cat $SEEDS | xz -9e | bytes) $raw_seeds)" "$(pct $(cat $NB | xz -9e | bytes) $raw_nb)" "$(pct $(cat $ALL | xz -9e | bytes) $raw_all)"
else
	row "xz -9e" "n/a: no xz" "" ""
fi
row "pnc tables, --no-compress" "-" "$(pct $plain_nb $raw_nb)" "$(pct $plain_all $raw_all)"
row "pnc tables (compressed)" "-" "$(pct $cat_nb $raw_nb)" "$(pct $cat_all $raw_all)"
row "  of which code tables" "-" "$(pct ${code_nb:-0} $raw_nb)" "$(pct ${code_all:-0} $raw_all)"
row "  nb tables / seeds raw text" "$(pct $cat_nb $raw_seeds)" "" ""
if [ -n "$arm_text" ]; then
	row "libpn .text, Cortex-M4 -Os" "-" "$(pct $arm_text $raw_nb)" "$(pct $arm_text $raw_all)"
	row "pnc tables + libpn .text" "-" "$(pct $((cat_nb + arm_text)) $raw_nb)" "$(pct $((cat_all + arm_text)) $raw_all)"
else
	row "libpn .text, Cortex-M4" "n/a: no $ARM_CC" "" ""
fi
echo
ntexts=$([ -n "$rivals_built" ] && $RIV size deflate 2>/dev/null | awk '{ print $3 }')
[ -n "$ntexts" ] || ntexts=$([ -n "$rivals_built" ] && $RIV size zstd 2>/dev/null | awk '{ print $3 }')
echo "Random access, side by side: every title and block (${ntexts:-the} texts) stored so that"
echo "each decodes alone; shares of the raw bytes of all (10 .pn). gzip and xz above need the whole text."
printf '  %-46s %s\n' "pnc catalog (texts, code, records, facts)" "$(pct $cat_all $raw_all)"
printf '  %-46s %s\n' "zstd -19, trained 4 KB dictionary, per text" "$(rival_size zstd)"
printf '  %-46s %s\n' "raw deflate -9, preset dictionary, per text" "$(rival_size deflate)"
echo

# The QR codes of the web addresses (pnc --dump gives each notice's
# version; a code is a version byte and its modules' bits, stored once per
# policy when its languages share the address).
echo "QR codes of the web addresses (level M), bytes per notice:"
$PNC --dump $ALL 2>/dev/null | awk '
	/^  policy: / { policy = $2 } /^  lang: / { lang = $2 }
	/^  qr: none/ { printf "  %s %s: none\n", policy, lang }
	/^  qr: version / { v = $3 + 0; s = 17 + 4 * v; b = 1 + int((s * s + 7) / 8)
		printf "  %s %s: version %d, %dx%d modules, %d bytes%s\n", policy, lang, v, s, s, b,
			(policy in seen) ? " (shared)" : ""
		if (!(policy in seen)) total += b; seen[policy] = 1 }
	END { printf "  stored in the catalog: %d bytes\n", total }' | tr -d '"'
if [ -n "$arm_text" ]; then
	echo "  libpn .text for reading and drawing them (pn_qr.o, Cortex-M4 -Os):" \
		"$(arm-none-eabi-size "$OUT/arm/pn_qr.o" | awk 'NR == 2 { print $1 }') bytes"
fi
echo

# Stack frames and outside symbols.
if [ -n "$arm_text" ]; then
	echo "libpn stack frames (arm-none-eabi-gcc $ARM_FLAGS -fstack-usage), bytes, largest first:"
	cat "$OUT"/arm/*.su | awk -F'\t' '{ n = split($1, p, ":"); print $2, p[n] }' |
		sort -k1,1nr -k2 | awk '{ printf "  %-28s %4d", $2, $1; if (NR % 3 == 0) printf "\n" }
			END { if (NR % 3) printf "\n" }'
	max=$(cat "$OUT"/arm/*.su | awk -F'\t' '$2 > m { m = $2 } END { print m }')
	dyn=$(cat "$OUT"/arm/*.su | awk -F'\t' '$3 !~ /^static/' | wc -l | tr -d ' ')
	echo "  largest frame: $max bytes; functions with dynamic or bounded-dynamic frames: $dyn"
	undef=$(arm-none-eabi-nm -u "$OUT"/arm/*.o | awk 'NF == 2 { print $2 }' | sort -u | tr '\n' ' ')
	echo "libpn objects' undefined symbols (arm-none-eabi-nm -u): ${undef:-none}"
	bad=$(echo " $undef " | tr ' ' '\n' | grep -E '^(malloc|calloc|realloc|free|printf|fprintf|sprintf|snprintf|vprintf|puts|putchar|fputs|fopen|fwrite|fread)$' | tr '\n' ' ')
	echo "  heap or stdio among them (malloc/free/printf/...): ${bad:-none}"
else
	echo "libpn stack frames: n/a: no $ARM_CC"
fi
echo

# Decode and wrap cost.
B=$OUT/bench_pn
if have valgrind; then
	echo "cost in instructions per output byte (valgrind --tool=callgrind, host $(uname -m), $CC):"
	for mode in decode layout; do
		for form in packed plain; do
			out=$($B $mode $form)
			valgrind --tool=callgrind --toggle-collect=bench_run \
				--callgrind-out-file="$OUT/cg.$mode.$form" $B $mode $form >/dev/null 2>&1
			ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg.$mode.$form")
			what=$([ $mode = decode ] && echo "decode every block (pn_block_read)" || echo "decode + wrap, 40x12 pages")
			printf '  %-42s %-7s %10s bytes %12s instr %6.1f instr/byte\n' "$what" "$form" "$out" "$ir" \
				"$(awk -v i="$ir" -v b="$out" 'BEGIN { print i / b }')"
		done
	done
	# The rivals, per text, read the same way: each text alone.
	for r in deflate zstd; do
		what=$([ $r = zstd ] && echo "zstd decompress, per text, dictionary" || echo "zlib inflate, raw, per text, dictionary")
		out=$([ -n "$rivals_built" ] && $RIV decode $r 2>/dev/null) || out=
		if [ -z "$out" ] || [ "$out" = 0 ]; then
			printf '  %-42s n/a: no %s\n' "$what" "$([ $r = zstd ] && echo libzstd-dev || echo zlib1g-dev)"
			continue
		fi
		valgrind --tool=callgrind --toggle-collect=bench_run \
			--callgrind-out-file="$OUT/cg.rival.$r" $RIV decode $r >/dev/null 2>&1
		ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg.rival.$r")
		printf '  %-42s %-7s %10s bytes %12s instr %6.1f instr/byte\n' "$what" "" "$out" "$ir" \
			"$(awk -v i="$ir" -v b="$out" 'BEGIN { print i / b }')"
	done
else
	echo "cost in instructions per output byte: n/a: no valgrind"
fi
# Pixel screens: the fonts' bytes in the catalog, and the cost of a page
# drawn (bench/bench_draw.c: every page of every notice's first layer and
# full text, opening and moving included).
nall=$(echo $ALL | wc -w | tr -d ' ')
$PNC --format bin -o "$OUT/nofont.pnc" $ALL 2>/dev/null
$PNC --format bin -o "$OUT/font.pnc" --font fonts/pnc-sans-11.bdf $ALL 2>/dev/null
nofont=$(bytes < "$OUT/nofont.pnc")
font=$(bytes < "$OUT/font.pnc")
echo "font bytes in the catalog (all $nall .pn; with --font minus without, per notice):"
printf '  %-42s %s\n' "fonts/pnc-sans-11.bdf" \
	"$((font - nofont)) bytes, $(((font - nofont) / nall)) a notice"
if have otf2bdf && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
	otf2bdf -p 10 -r 72 -o "$OUT/dejavu-10.bdf" \
		/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1
	$PNC --format bin -o "$OUT/dejavu.pnc" --font "$OUT/dejavu-10.bdf" $ALL 2>/dev/null
	dv=$(bytes < "$OUT/dejavu.pnc")
	printf '  %-42s %s\n' "DejaVu Sans 10 px (otf2bdf)" \
		"$((dv - nofont)) bytes, $(((dv - nofont) / nall)) a notice"
else
	printf '  %-42s %s\n' "DejaVu Sans 10 px" "n/a: no otf2bdf or fonts-dejavu-core"
fi
D=$OUT/bench_draw
if have valgrind; then
	echo "cost of a drawn page, pixel screens, fonts/pnc-sans-11 (valgrind --tool=callgrind, host $(uname -m), $CC):"
	for size in 128x64 320x240; do
		w=${size%x*} h=${size#*x}
		pages=$($D "$OUT/font.pnc" $w $h)
		valgrind --tool=callgrind --toggle-collect=bench_run \
			--callgrind-out-file="$OUT/cg.draw.$size" $D "$OUT/font.pnc" $w $h >/dev/null 2>&1
		ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg.draw.$size")
		printf '  %-42s %6s pages %12s instr %9.0f instr/page\n' \
			"open, next, pn_cursor_draw_show at $size" "$pages" "$ir" \
			"$(awk -v i="$ir" -v p="$pages" 'BEGIN { print i / p }')"
	done
else
	echo "cost of a drawn page: n/a: no valgrind"
fi
echo "decode throughput on this host (pn_block_read of every block, 0.5 s):" \
	"compressed $($B speed packed) MB/s, plain $($B speed plain) MB/s"
echo

# The slowest single call of each kind (issue 18): bench_worst finds it by
# timing every call it makes, then callgrind counts that one call's
# instructions.
W=$OUT/bench_worst
P=$OUT/pathological
echo "slowest single call, in instructions (valgrind --tool=callgrind, host $(uname -m), $CC):"
echo "bundled = policies/*.pn; items = one section of 3,000 list items; purposes ="
echo "20,000 sections tagged purposes; word = one 16,384-byte word (bench/pathological.sh);"
echo ".font = the same made with --font fonts/pnc-sans-11.bdf, on a pixel screen (PN_PIXELS)"
if have valgrind; then
	sh bench/pathological.sh "$P"
	$PNC --format bin -o "$P/bundled.bin" $ALL 2>/dev/null
	for f in items purposes word; do
		$PNC --format bin -o "$P/$f.bin" "$P/$f.pn" 2>/dev/null
	done
	# The same on a pixel screen, with the repo's font.
	for f in items word; do
		$PNC --format bin -o "$P/$f.font.bin" --font fonts/pnc-sans-11.bdf \
			"$P/$f.pn" 2>/dev/null
	done
	if [ "$($W --instr)" = yes ]; then
		cg="--instr-atstart=no --collect-atstart=no"
	else
		cg="--toggle-collect=measured_call"
	fi
	printf '  %-10s %-8s %14s %14s %14s %14s %14s\n' catalog screen pn_block_read \
		pn_cursor_next pn_cursor_prev pn_cursor_goto open_summary
	for spec in "bundled 20x4" "items 20x4" "purposes 20x4" "word 1x1" \
		"items.font 128x64px" "word.font 128x64px"; do
		set -- $spec
		line=$(printf '  %-10s %-8s' "$1" "$2")
		for op in block next prev goto summary; do
			k=$($W "$P/$1.bin" $op $2 | awk '{ print $1 }')
			valgrind --tool=callgrind $cg --callgrind-out-file="$OUT/cg.worst" \
				$W "$P/$1.bin" $op $2 "$k" >/dev/null 2>&1
			ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg.worst")
			line="$line $(printf '%14s' "${ir:-failed}")"
		done
		echo "$line"
	done
else
	echo "  n/a: no valgrind"
fi
echo

# Generator scaling.
echo "generator scaling: synthetic catalogs of copies of the five nb notices (bench/synth.sh)"
printf '  %-9s %-12s %-22s %-10s %-12s %-14s %-14s\n' notices "raw bytes" "catalog" "pnc time" "pnc peak" "gcc -O2 pnc.c" "gcc -O2 xxd -i"
for n in 10 100 1000; do
	dir=$OUT/synth$n
	sh bench/synth.sh $n "$dir"
	raw=$(cat "$dir"/*.pn | bytes)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$OUT/time.txt" \
			$PNC -o "$OUT/synth$n.c" --prefix synth "$dir"/*.pn 2>/dev/null >/dev/null
		t=$(awk '{ print $1 " s" }' "$OUT/time.txt")
		m=$(awk '{ printf "%.1f MB", $2 / 1024 }' "$OUT/time.txt")
	else
		start=$(date +%s.%N)
		$PNC -o "$OUT/synth$n.c" --prefix synth "$dir"/*.pn 2>/dev/null >/dev/null
		t=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f s", e - s }')
		m="n/a: no /usr/bin/time"
	fi
	size=$(header_size "$OUT/synth$n.h")
	start=$(date +%s.%N)
	$CC -O2 -c "$OUT/synth$n.c" -o "$OUT/synth$n.o"
	tc=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f s", e - s }')
	if have xxd; then
		cat "$dir"/*.pn >"$OUT/synth$n.bin"
		(cd "$OUT" && xxd -i "synth$n.bin") >"$OUT/synth${n}_xxd.c"
		start=$(date +%s.%N)
		$CC -O2 -c "$OUT/synth${n}_xxd.c" -o "$OUT/synth${n}_xxd.o"
		tx=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f s", e - s }')
	else
		tx="n/a: no xxd"
	fi
	printf '  %-9s %-12s %-22s %-10s %-12s %-14s %-14s\n' $n $raw "$(pct $size $raw)" "$t" "$m" "$tc" "$tx"
done
echo

# --check on one large notice: does the time grow with the sections alone?
# best_time CMD...: the shortest wall time of three runs, in seconds.
best_time() {
	best=
	for run in 1 2 3; do
		start=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || { echo "failed"; return; }
		t=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }')
		best=$(awk -v b="${best:-$t}" -v t="$t" 'BEGIN { print (t < b ? t : b) }')
	done
	echo "$best"
}
echo "pnc --check scaling: one notice of N numbered sections (bench/sections.sh), best of 3 runs"
for n in 6000 60000; do
	sh bench/sections.sh $n "$OUT/sections$n.pn"
done
t6=$(best_time $PNC --check "$OUT/sections6000.pn")
t60=$(best_time $PNC --check "$OUT/sections60000.pn")
printf '  %-16s %s s\n' "6,000 sections" "$t6" "60,000 sections" "$t60"
awk -v a="$t6" -v b="$t60" 'BEGIN { if (a + 0 > 0 && b + 0 > 0)
	printf "  60,000 / 6,000: %.1fx the time for 10x the sections (linear: 10x)\n", b / a }'
