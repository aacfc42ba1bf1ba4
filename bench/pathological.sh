#!/bin/sh
# pathological.sh DIR: writes three notices pnc accepts that are as hard on
# libpn as the limits allow (issue 18, item 5), for `make bench` and the
# tests: DIR/items.pn, one section of 3,000 list items (about as many as
# a section's 32 KiB of text, PN_MAX_SECTION_TEXT, holds); DIR/purposes.pn,
# 20,000 sections tagged purposes; DIR/word.pn, one word of 16,384 bytes,
# the longest text pnc accepts (PN_MAX_TEXT; a 60,000-byte word, which
# pnc accepted before, is now a [limit] error).
# Each ends with a short section, so that a cursor reaches the end of the
# long one by going back from there.
set -e
dir=$1
mkdir -p "$dir"
header() { # POLICY
	printf '%s\n' "---" "policy: $1" "lang: en" "title: Pathological $1" \
		"updated: 2024-01-31" "controller: Demo AS" "orgno: 913 480 295" \
		"email: post@demo.no" "authority: Datatilsynet" \
		"waive: dpo There is no data protection officer." \
		"waive: transfers No data leaves the EU/EEA." \
		"waive: automated_decisions No automated decisions are made." \
		"waive: legitimate_interests None are relied on." \
		"waive: consent_withdrawal Nothing rests on consent." "---"
}
topics="topic=controller,legal_basis,recipients,retention,rights,complaint"
{
	header items
	printf '\n# 1 Items {#items %s,purposes}\n\n' "$topics"
	awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "- Item %d\n", i }'
	printf '\n# 2 End {#end}\n\nThe end.\n'
} >"$dir/items.pn"
{
	header purposes
	printf '\n# 1 About {#about %s}\n\nText.\n' "$topics"
	awk 'BEGIN { for (i = 2; i <= 20001; i++)
		printf "\n# %d Purpose %d {#p%d topic=purposes}\n\nText %d.\n", i, i, i, i }'
} >"$dir/purposes.pn"
{
	header word
	printf '\n# 1 Word {#word %s,purposes}\n\n' "$topics"
	awk 'BEGIN { for (i = 0; i < 16384; i++) printf "%c", 97 + i % 26; printf "\n" }'
	printf '\n# 2 End {#end}\n\nThe end.\n'
} >"$dir/word.pn"
