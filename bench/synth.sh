#!/bin/sh
# synth.sh N DIR: writes N notices into DIR, copies of the five Norwegian
# notices in policies/ (the seeds) under new policy ids. Every paragraph
# and list item gets the copy's number in front, so that no two notices
# share a text and pnc cannot take a shortcut over repeated text.
set -e
n=$1
dir=$2
mkdir -p "$dir"
rm -f "$dir"/*.pn
i=0
while [ "$i" -lt "$n" ]; do
	for f in policies/*.nb.pn; do
		[ "$i" -lt "$n" ] || break
		base=$(basename "$f" .nb.pn)
		awk -v id="s$i$base" -v tag="$i" '
			BEGIN { dashes = 0 }
			/^---$/ { dashes++; print; next }
			dashes == 1 && /^policy:/ { print "policy: " id; next }
			dashes < 2 || /^$/ || /^#/ { print; next }
			/^- / { print "- " tag " " substr($0, 3); next }
			{ print tag " " $0 }
		' "$f" >"$dir/s$i$base.nb.pn"
		i=$((i + 1))
	done
done
