#!/usr/bin/env bash
# Refreshes the translation catalogues after code changes (README "Translations"):
#   scripts/update_po.sh            -> the messages of the sources (xgettext), merged into po/*.po
# New messages appear in po/LANG.po with an empty msgstr for a translator to fill; messages
# the code no longer uses become obsolete (#~) entries, which the catalogue test refuses until
# they are deleted. tests/i18n/check_catalogue.sh fails while any message lacks a translation.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/xgettext_args.sh
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext_sources "$pot"
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap --sort-by-file \
           "$po" "$pot"
  echo "update_po: $po: $(msgattrib --untranslated "$po" | grep -c '^msgid' || true) untranslated" \
       "entries (counting the header), $(msgattrib --only-obsolete "$po" | grep -c '^#~ msgid' || true) obsolete"
done
