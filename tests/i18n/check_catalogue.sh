#!/usr/bin/env bash
# The catalogue test (ctest -R i18n.catalogue): extracts every translatable message from the
# sources with xgettext (scripts/xgettext_args.sh) and fails if po/LANG.po
#   - lacks a translation of one (untranslated or fuzzy: a translator has not confirmed it),
#   - holds one the code no longer uses (obsolete, or not in the sources at all),
#   - does not compile with msgfmt --check (format, header, plural forms).
# Usage: check_catalogue.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src="$1"
work="$2"
mkdir -p "$work"
cd "$src"
source scripts/xgettext_args.sh
xgettext_sources "$work/coachsim.pot"
status=0
for po in po/*.po; do
  lang=$(basename "$po" .po)
  msgfmt --check --output-file=/dev/null "$po"
  # Entries of the .po the sources no longer use become obsolete in the merge.
  msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$work/coachsim.pot" -o "$work/$lang.merged.po"
  # Each selection without its header entry (the first paragraph).
  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.merged.po" | sed '1,/^$/d')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.merged.po" | sed '1,/^$/d')
  obsolete=$(msgattrib --only-obsolete --no-wrap "$work/$lang.merged.po" | sed '1,/^$/d')
  if [ -n "$untranslated" ]; then
    echo "$po: messages without a translation (run scripts/update_po.sh, then translate):"
    echo "$untranslated"
    status=1
  fi
  if [ -n "$fuzzy" ]; then
    echo "$po: fuzzy translations to confirm (remove the '#, fuzzy' line when correct):"
    echo "$fuzzy"
    status=1
  fi
  if [ -n "$obsolete" ]; then
    echo "$po: translations of messages the code no longer uses (delete them):"
    echo "$obsolete"
    status=1
  fi
  count=$(grep -c '^msgid' "$work/coachsim.pot")
  echo "$po: checked against $((count - 1)) messages in the sources"
done
exit $status
