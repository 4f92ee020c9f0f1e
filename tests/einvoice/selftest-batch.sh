#!/usr/bin/env bash
# selftest-batch.sh - check-facturx-batch gives the same verdict (last line, and every ERROR rule id) as
# check-facturx on each sample. Exit 0 when they agree on all of them.
set -u
cd "$(dirname "$(readlink -f "$0")")"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
cp samples/*.pdf samples/*.xml "$dir"/
batch=$(./check-facturx-batch "$dir")
fail=0
for f in "$dir"/*; do
  name=$(basename "$f")
  single=$(./check-facturx "$f" 2>&1)
  want=$( (grep -o '^ERROR \[[^]]*\]' <<< "$single" | sort; tail -n1 <<< "$single") )
  got=$( (grep "^$name: ERROR" <<< "$batch" | sed "s/^$name: //" | grep -o '^ERROR \[[^]]*\]' | sort; grep "^$name: factur-x:" <<< "$batch" | sed "s/^$name: //") )
  if [ "$want" = "$got" ]; then echo "same $name: $(tail -n1 <<< "$want")"; else echo "DIFFERENT $name"; diff <(echo "$want") <(echo "$got"); fail=1; fi
done
[ $fail = 0 ] && echo "selftest-batch: check-facturx-batch agrees with check-facturx"
exit $fail
