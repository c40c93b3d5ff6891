// protocol_variants: and protocol_plan: load; the variant's fields replace the school type's and
// the rest stay its own; bad values are reported with file:line:column and the field.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/protocol_variants.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace protocol_variants_load_test {

using testing::dump;
using testing::lines_of;
using testing::load_as_small;
using testing::only_error;
using testing::small_text;

const std::string kLight =
    "protocol_variants:\n"
    "  - id: light\n"
    "    school_types:\n"
    "      - id: eib\n"
    "        visit_days: [1]\n"
    "        gia: {count: 0, duration: \"3 h\"}\n";

TEST(ProtocolVariantsLoad, TheVariantReplacesOnlyTheFieldsItGives) {
  const LoadResult r =
      load_as_small(small_text() + kLight +
                    "protocol_plan:\n"
                    "  - {year: 2021, variant: light, schools: [Cajamarca/eib/1]}\n");
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  ASSERT_EQ(r.scenario.protocol_variants.size(), 1u);
  const ProtocolVariant& v = r.scenario.protocol_variants[0];
  EXPECT_EQ(v.id, "light");
  EXPECT_EQ(v.label, "light");
  const SchoolTypeProtocol& t = r.scenario.school_types[0];
  const SchoolTypeProtocol light = variant_protocol(t, v);
  EXPECT_EQ(light.visit_days, std::vector<int>{1});
  EXPECT_EQ(light.gia.count, 0);
  // Not given: the school type's own (small.yaml's eib: 2 RTC, 2 teacher workshops of 10 days).
  EXPECT_EQ(light.rtc.count, 2);
  EXPECT_EQ(light.teacher_workshops.count, 2);
  EXPECT_EQ(light.teacher_workshops.total_days.value(), 10.0);
  EXPECT_EQ(t.visit_days.size(), 6u);  // the protocol as written is unchanged
  ASSERT_EQ(r.scenario.protocol_plan.size(), 1u);
  EXPECT_EQ(r.scenario.protocol_plan[0].variant, "light");
  EXPECT_EQ(r.scenario.protocol_plan[0].schools, std::vector<std::string>{"Cajamarca/eib/1"});
}

TEST(ProtocolVariantsLoad, AVisitOfZeroDaysIsNamedWithItsPosition) {
  const std::string base = small_text();
  const LoadResult r = load_as_small(base +
                                     "protocol_variants:\n"
                                     "  - id: light\n"
                                     "    school_types:\n"
                                     "      - {id: eib, visit_days: [1, 0]}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", lines_of(base) + 4, 35,
                         "protocol_variants[0].school_types[0].visit_days[1]",
                         {"expected a visit length in days >= 1, got 0"}));
}

TEST(ProtocolVariantsLoad, MoreWorkshopsThanTheYearsHaveDatesIsAnError) {
  const std::string base = small_text();
  const LoadResult r =
      load_as_small(base +
                    "protocol_variants:\n"
                    "  - id: light\n"
                    "    school_types:\n"
                    "      - id: eib\n"
                    "        teacher_workshops: {count: 3, total_days: \"9 days\"}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", lines_of(base) + 5, 36,
                         "protocol_variants[0].school_types[0].teacher_workshops.count",
                         {"expected at most 2 workshops", "got 3"}));
}

TEST(ProtocolVariantsLoad, UnknownTypesVariantsAndTheReservedIdAreNamed) {
  const std::string base = small_text();
  const LoadResult type = load_as_small(base +
                                        "protocol_variants:\n"
                                        "  - id: full\n"
                                        "    school_types: [{id: q, visit_days: [1]}]\n");
  ASSERT_EQ(type.errors.size(), 2u) << dump(type.errors);
  EXPECT_NE(dump(type.errors).find("protocol_variants[0].id: 'full' is the name of the protocol"),
            std::string::npos)
      << dump(type.errors);
  EXPECT_NE(dump(type.errors)
                .find("protocol_variants[0].school_types[0].id: unknown school type "
                      "'q'"),
            std::string::npos)
      << dump(type.errors);
  const LoadResult plan = load_as_small(
      base + kLight +
      "protocol_plan:\n  - {year: 2021, variant: lite, schools: [Cajamarca/eib/1]}\n");
  EXPECT_TRUE(only_error(plan.errors, "small.yaml", lines_of(base + kLight) + 2, 27,
                         "protocol_plan[0].variant", {"unknown protocol variant 'lite'"}));
}

}  // namespace protocol_variants_load_test
}  // namespace coachsim::scenario
