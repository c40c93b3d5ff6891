// The translation machinery (include/coachsim/i18n): choosing the language, looking messages up
// in the embedded Spanish catalogue (po/es.po), contexts, plurals, numbered arguments, dates.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"

namespace coachsim::i18n {
namespace language_test {

// Every test leaves the process in English, the default.
struct Language : ::testing::Test {
  void TearDown() override { set_language("en"); }
};

TEST_F(Language, CodesAreParsedFromLocaleNames) {
  EXPECT_EQ(parse_language("es"), "es");
  EXPECT_EQ(parse_language("es_PE.UTF-8"), "es");
  EXPECT_EQ(parse_language("ES-pe"), "es");
  EXPECT_EQ(parse_language("es@euro"), "es");
  EXPECT_EQ(parse_language("en_GB.UTF-8"), "en");
  EXPECT_EQ(parse_language("fr_FR.UTF-8"), std::nullopt);  // no French catalogue
  EXPECT_EQ(parse_language("C"), std::nullopt);
  EXPECT_EQ(parse_language(""), std::nullopt);
}

TEST_F(Language, TheFirstSetVariableDecidesInPosixOrder) {
  // COACHSIM_LANG, then LC_ALL, LC_MESSAGES, LANG.
  EXPECT_EQ(language_from("", "", "", ""), "en");
  EXPECT_EQ(language_from("", "", "", "es_PE.UTF-8"), "es");
  EXPECT_EQ(language_from("", "", "es_PE.UTF-8", "en_US.UTF-8"), "es");
  EXPECT_EQ(language_from("", "C", "es_PE.UTF-8", "es_PE.UTF-8"), "en");  // LC_ALL=C wins
  EXPECT_EQ(language_from("es", "C.UTF-8", "", "en_US.UTF-8"), "es");
  EXPECT_EQ(language_from("en", "es_PE.UTF-8", "", ""), "en");
  EXPECT_EQ(language_from("", "", "", "fr_FR.UTF-8"), "en");  // a language coachsim lacks
}

TEST_F(Language, SpanishIsCompiledIn) {
  const std::vector<std::string> all = languages();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[0], "en");
  EXPECT_NE(std::find(all.begin(), all.end(), "es"), all.end());
}

TEST_F(Language, EnglishIsTheTextOfTheCode) {
  EXPECT_EQ(language(), "en");
  EXPECT_EQ(tr("Nothing was written."), "Nothing was written.");
  EXPECT_EQ(trc("category", "per_diem"), "per_diem");
  EXPECT_EQ(trf("expected {0}, got {1}", {"a list", "'x'"}), "expected a list, got 'x'");
}

TEST_F(Language, SpanishMessagesComeFromTheCatalogue) {
  set_language("es");
  EXPECT_EQ(language(), "es");
  EXPECT_EQ(tr("Nothing was written."), "No se escribió nada.");
  EXPECT_EQ(trf("expected {0}, got {1}", {"una lista", "'x'"}),
            "se esperaba una lista; se encontró 'x'");
  // A message the catalogue does not hold is shown as written.
  EXPECT_EQ(tr("no such message in po/es.po"), "no such message in po/es.po");
}

TEST_F(Language, ContextsSeparateMessagesWithTheSameText) {
  set_language("es");
  EXPECT_EQ(trc("category", "per_diem"), "viáticos");
  EXPECT_EQ(trc("metric", "teachers"), "docentes");
  EXPECT_EQ(tr("teachers"), "docentes");
  EXPECT_EQ(trc("no such context", "teachers"), "teachers");
}

TEST_F(Language, PluralFormsFollowTheLanguagesRule) {
  const char* one =
      "coachsim: {0} problem in the scenario; nothing was run or written. Fix the lines above and "
      "run again (`coachsim validate FILE` checks a file without running it).";
  const char* many =
      "coachsim: {0} problems in the scenario; nothing was run or written. Fix the lines above and "
      "run again (`coachsim validate FILE` checks a file without running it).";
  EXPECT_EQ(trn(one, many, 1), one);
  EXPECT_EQ(trn(one, many, 2), many);
  set_language("es");
  EXPECT_TRUE(fill(trn(one, many, 1), {"1"}).starts_with("coachsim: 1 problema en el escenario;"));
  EXPECT_TRUE(fill(trn(one, many, 0), {"0"}).starts_with("coachsim: 0 problemas en el escenario;"));
  EXPECT_TRUE(
      fill(trn(one, many, 499), {"499"}).starts_with("coachsim: 499 problemas en el escenario;"));
}

TEST_F(Language, ArgumentsAreNumberedSoTranslationsMayReorderThem) {
  EXPECT_EQ(fill("{1} before {0}", {"a", "b"}), "b before a");
  EXPECT_EQ(fill("{{0}} is literal, {0} is not", {"x"}), "{0}} is literal, x is not");
  EXPECT_EQ(fill("{3} has no argument", {"x"}), " has no argument");
}

TEST_F(Language, DatesAreIsoInEnglishAndDayFirstInSpanish) {
  EXPECT_EQ(date(2021, 3, 5), "2021-03-05");
  set_language("es");
  EXPECT_EQ(date(2021, 3, 5), "05/03/2021");
}

}  // namespace language_test
}  // namespace coachsim::i18n
