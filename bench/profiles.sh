#!/bin/sh
# profiles.sh: libpn's Cortex-M4 -Os code and constants (.text and .rodata)
# as three small real programs keep them when linked with
# -ffunction-sections -fdata-sections -Wl,--gc-sections (make bench):
#   lookup  find, contact, section by topic, block read (profiles/lookup.c)
#   kiosk   lookup, first layer, cursor and transliteration (kiosk.c)
#   full    every call of pn.h (full.c)
# and, for information, kiosk.c again with libpn built with -DPN_NO_DRAW,
# as a firmware for a character screen would build it (no PN_PIXELS
# screens: no fonts, no pixel measuring in the layout, no drawing).
# Bytes are summed from the link map over the sections kept from libpn's
# objects; the catalog and the program's own code are not counted.
set -u
BUILD=${BUILD:-build}
OUT=$BUILD/bench/profiles
ARM_CC=${ARM_CC:-arm-none-eabi-gcc}
FLAGS="-std=c99 -Os -mcpu=cortex-m4 -mthumb -ffreestanding -ffunction-sections -fdata-sections"

if ! command -v "$ARM_CC" >/dev/null 2>&1; then
	echo "  n/a: $ARM_CC is missing"
	exit 0
fi
mkdir -p "$OUT/libpn" "$OUT/libpn-nodraw"
# Each program links every object there: none left from a source gone.
rm -f "$OUT"/libpn/*.o "$OUT"/libpn-nodraw/*.o
for f in runtime/*.c; do
	o=$(basename "$f" .c).o
	$ARM_CC $FLAGS -c "$f" -o "$OUT/libpn/$o" || exit 1
	$ARM_CC $FLAGS -DPN_NO_DRAW -c "$f" -o "$OUT/libpn-nodraw/$o" || exit 1
done
$ARM_CC $FLAGS -c "$BUILD/catalog.c" -o "$OUT/catalog.o" || exit 1
$ARM_CC $FLAGS -fno-tree-loop-distribute-patterns \
	-c examples/firmware/support.c -o "$OUT/support.o" || exit 1

# kept ROW PROGRAM LIBPN [NOTE]: links bench/profiles/PROGRAM.c with the
# objects in LIBPN and prints the bytes it keeps of them.
kept() {
	$ARM_CC $FLAGS $4 -Iruntime -I"$BUILD" -nostdlib -Wl,--gc-sections \
		-Wl,-e,main -Wl,-Map="$OUT/$1.map" -o "$OUT/$1.elf" \
		"bench/profiles/$2.c" "$3"/*.o "$OUT/catalog.o" \
		"$OUT/support.o" -lgcc || exit 1
	# A kept input section is a line "NAME ADDRESS SIZE FILE" (or NAME
	# alone, its numbers on the next line) after the memory map starts.
	awk -v dir="$3/" -v row="$2" -v note="$5" '
		function hex(s,  i, n) {
			n = 0
			for (i = 3; i <= length(s); i++)
				n = n * 16 + index("0123456789abcdef", substr(tolower(s), i, 1)) - 1
			return n
		}
		/^Linker script and memory map/ { kept = 1; next }
		!kept { next }
		$1 ~ /^\.(text|rodata)/ && NF == 1 { name = $1; next }
		{ f = ""; size = "" }
		$1 ~ /^\.(text|rodata)/ && NF >= 4 { size = $3; f = $4 }
		name != "" && NF >= 3 && $1 ~ /^0x/ { size = $2; f = $3 }
		{ name = "" }
		f != "" && index(f, dir) == 1 { total += hex(size) }
		END { printf "  %-8s %6d bytes%s\n", row, total, note }
	' "$OUT/$1.map"
}

for p in lookup kiosk full; do
	kept "$p" "$p" "$OUT/libpn" "" ""
done
kept kiosk-nodraw kiosk "$OUT/libpn-nodraw" -DPN_NO_DRAW \
	"   with -DPN_NO_DRAW (information: character screens only)"
