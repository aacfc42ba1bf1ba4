#!/bin/sh
# sections.sh N FILE: writes one notice with N numbered sections, each with
# a unique id and its own sentence, for timing how pnc scales with the
# size of one notice (make bench). The notice is clean: pnc --check
# prints nothing for it.
set -e
n=$1
file=$2
awk -v n="$n" 'BEGIN {
	print "---"
	print "policy: sections"
	print "lang: en"
	print "title: A notice with " n " sections"
	print "updated: 2024-01-31"
	print "controller: Demo AS"
	print "orgno: 913 480 295"
	print "email: post@demo.no"
	print "authority: Datatilsynet"
	print "waive: dpo There is no data protection officer."
	print "waive: transfers No data leaves the EU/EEA."
	print "waive: automated_decisions No automated decisions are made."
	print "---"
	topics = "controller,purposes,legal_basis,legitimate_interests," \
		"recipients,retention,rights,complaint,consent_withdrawal"
	for (i = 1; i <= n; i++) {
		printf "\n# %d Section %d {#s%d%s}\n\n", i, i, i,
			i == 1 ? " topic=" topics : ""
		printf "This is the text of section %d.\n", i
		printf "- Item %d of the list.\n", i
	}
}' >"$file"
