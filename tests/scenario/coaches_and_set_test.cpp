// `coaches:` / `extra_coaches:` on a region, and `--set PATH=VALUE` (set_value.hpp): both
// checked like every field, with errors naming the file or the --set argument.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/document.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace coaches_and_set_test {

using testing::dump;
using testing::load_small_with;
using testing::small_text;

const std::string kFee = "    coach_fee: \"4200 PEN/month\"\n";

LoadResult with_region_line(const std::string& line) { return load_small_with(kFee, line + kFee); }

TEST(RegionCoaches, ACountIsReadAndOverridesNothingElse) {
  const LoadResult r = with_region_line("    coaches: 12\n");
  ASSERT_TRUE(r.ok()) << dump(r.errors);
  EXPECT_EQ(r.scenario.regions[0].coaches, 12);
  EXPECT_FALSE(r.scenario.regions[0].extra_coaches.has_value());
  EXPECT_FALSE(r.scenario.regions[1].coaches.has_value());
  const LoadResult extra = with_region_line("    extra_coaches: -3\n");
  ASSERT_TRUE(extra.ok()) << dump(extra.errors);
  EXPECT_EQ(extra.scenario.regions[0].extra_coaches, -3);
}

TEST(RegionCoaches, IsCheckedLikeEveryField) {
  const LoadResult fraction = with_region_line("    coaches: 6.5\n");
  const LoadError* e = testing::error_for(fraction.errors, "regions[0].coaches");
  ASSERT_NE(e, nullptr) << dump(fraction.errors);
  EXPECT_NE(e->message.find("integer"), std::string::npos) << e->to_string();
  EXPECT_GT(e->line, 0);

  const LoadResult zero = with_region_line("    coaches: 0\n");
  e = testing::error_for(zero.errors, "regions[0].coaches");
  ASSERT_NE(e, nullptr) << dump(zero.errors);
  EXPECT_NE(e->message.find("between 1 and 100000, got 0"), std::string::npos) << e->to_string();

  const LoadResult typo = with_region_line("    coachs: 12\n");
  e = testing::error_for(typo.errors, "regions[0].coachs");
  ASSERT_NE(e, nullptr) << dump(typo.errors);
  EXPECT_NE(e->message.find("did you mean 'coaches'"), std::string::npos) << e->to_string();

  const LoadResult both = with_region_line("    coaches: 12\n    extra_coaches: 2\n");
  e = testing::error_for(both.errors, "regions[0].extra_coaches");
  ASSERT_NE(e, nullptr) << dump(both.errors);
  EXPECT_NE(e->message.find("not both"), std::string::npos) << e->to_string();
}

DocumentResult small_with_sets(const std::vector<std::string>& arguments) {
  LoadOptions options;
  for (const std::string& a : arguments) {
    std::string error;
    auto set = parse_set_argument(a, error);
    EXPECT_TRUE(set.has_value()) << error;
    if (set) options.sets.push_back(*set);
  }
  return load_document_text(small_text(), "small.yaml", testing::data_dir(), options);
}

TEST(SetValue, ArgumentsSplitAtTheFirstEqualsOutsideBrackets) {
  std::string error;
  auto set = parse_set_argument("regions[a=b].coaches = 352", error);
  ASSERT_TRUE(set.has_value()) << error;
  EXPECT_EQ(set->path, "regions[a=b].coaches");
  EXPECT_EQ(set->value, "352");
  EXPECT_FALSE(parse_set_argument("coach.monthly_fee", error).has_value());
  EXPECT_NE(error.find("expected PATH=VALUE"), std::string::npos) << error;
  EXPECT_FALSE(parse_set_argument("=3", error).has_value());
}

TEST(SetValue, SetsANewKeyAndAnExistingOneAndRecordsThem) {
  const DocumentResult r = small_with_sets(
      {"regions[Cajamarca].coaches=9", "coach.monthly_fee=4500 PEN/month", "regions[1].seed=3"});
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);  // regions[1].seed is not a region key
  EXPECT_EQ(r.errors[0].file, "--set 'regions[1].seed=3'");
  EXPECT_EQ(r.errors[0].field, "regions[1].seed");
  EXPECT_EQ(r.errors[0].line, 0);

  const DocumentResult ok =
      small_with_sets({"regions[Cajamarca].coaches=9", "coach.monthly_fee=4500 PEN/month"});
  ASSERT_TRUE(ok.ok()) << dump(ok.errors);
  const Scenario& s = ok.document->nominal();
  EXPECT_EQ(s.regions[0].coaches, 9);
  EXPECT_EQ(s.coach.monthly_fee.value(), 450000);
  EXPECT_EQ(s.provenance, (std::vector<std::string>{"--set 'regions[Cajamarca].coaches=9'",
                                                    "--set 'coach.monthly_fee=4500 PEN/month'"}));
  EXPECT_NE(ok.document->text().find("--set 'regions[Cajamarca].coaches=9'"), std::string::npos);
}

TEST(SetValue, ValuesAreCheckedAsInTheFileAndErrorsNameTheArgument) {
  const DocumentResult unit = small_with_sets({"coach.monthly_fee=4200 PEN/day"});
  ASSERT_EQ(unit.errors.size(), 1u) << dump(unit.errors);
  EXPECT_EQ(unit.errors[0].to_string().rfind("--set 'coach.monthly_fee=4200 PEN/day': "
                                             "coach.monthly_fee: ",
                                             0),
            0u)
      << unit.errors[0].to_string();

  const DocumentResult range = small_with_sets({"regions[Cajamarca].coaches=-4"});
  ASSERT_EQ(range.errors.size(), 1u) << dump(range.errors);
  EXPECT_EQ(range.errors[0].file, "--set 'regions[Cajamarca].coaches=-4'");
  EXPECT_NE(range.errors[0].message.find("between 1 and 100000"), std::string::npos);

  const DocumentResult item = small_with_sets({"regions[Cajamarka].coaches=9"});
  ASSERT_EQ(item.errors.size(), 1u) << dump(item.errors);
  EXPECT_EQ(item.errors[0].file, "--set 'regions[Cajamarka].coaches=9'");
  EXPECT_NE(item.errors[0].message.find("did you mean 'Cajamarca'"), std::string::npos)
      << item.errors[0].to_string();

  const DocumentResult key = small_with_sets({"regions[Cajamarca].coachs=9"});
  ASSERT_EQ(key.errors.size(), 1u) << dump(key.errors);
  EXPECT_EQ(key.errors[0].file, "--set 'regions[Cajamarca].coachs=9'");
  EXPECT_NE(key.errors[0].message.find("did you mean 'coaches'"), std::string::npos)
      << key.errors[0].to_string();

  const DocumentResult map = small_with_sets({"coach=3"});
  ASSERT_EQ(map.errors.size(), 1u) << dump(map.errors);
  EXPECT_NE(map.errors[0].message.find("a single value"), std::string::npos);

  const DocumentResult all = small_with_sets({"regions[*].coaches=3"});
  ASSERT_EQ(all.errors.size(), 1u) << dump(all.errors);
  EXPECT_NE(all.errors[0].message.find("name the item"), std::string::npos);
}

}  // namespace coaches_and_set_test
}  // namespace coachsim::scenario
