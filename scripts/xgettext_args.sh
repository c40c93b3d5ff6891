# Sourced by scripts/update_po.sh and tests/i18n/check_catalogue.sh: one definition of which
# calls mark a translatable message (include/coachsim/i18n/tr.hpp) and which files hold them.
# xgettext_sources OUT.pot  (run from the source root)
xgettext_sources() {
  local out="$1"
  local files
  files=$(find sim include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
  # --keyword= drops gettext's default keywords (_ , gettext ...); no-c-format: messages use
  # {0} placeholders, and a '%' in one ("compliance %") is text, not a printf directive.
  # The CLI11 calls' descriptions (sim/cli/main.cpp) are messages too: --help translates them
  # when it prints (sim/cli/translated_help.cpp).
  # shellcheck disable=SC2086
  xgettext --language=C++ --from-code=UTF-8 --no-wrap --sort-by-file \
    --package-name=coachsim --msgid-bugs-address=none --add-comments=TRANSLATORS: \
    --keyword= --keyword=tr --keyword=trc:1c,2 --keyword=trn:1,2 --keyword=trf:1 \
    --keyword=N_ --flag=tr:1:no-c-format --flag=trc:2:no-c-format --flag=trf:1:no-c-format \
    --flag=trn:1:no-c-format --flag=trn:2:no-c-format --flag=N_:1:no-c-format \
    --keyword=add_option:3 --keyword=add_flag:3 --keyword=add_flag_callback:3 \
    --keyword=add_subcommand:2 --flag=add_option:3:no-c-format --flag=add_flag:3:no-c-format \
    --flag=add_flag_callback:3:no-c-format --flag=add_subcommand:2:no-c-format \
    --output="$out" $files
}
