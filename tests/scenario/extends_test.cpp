// `extends:`: a variant overrides exactly the keys it gives, lists of maps with ids merge item
// by item, chains work, cycles are reported, CSV paths resolve against the file that wrote
// them, and every error names the file, line and column the value came from.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/document.hpp"
#include "coachsim/scenario/loader.hpp"
#include "scenario_dump.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace extends_test {

namespace fs = std::filesystem;
using testing::data_dir;
using testing::dump;
using testing::dump_scenario;
using testing::only_error;
using testing::read_text;

// A fresh folder per test under the system temp folder.
class Extends : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("coachsim_extends_" + std::string(info->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  // The small scenario and its CSV copied into `sub`.
  std::string copy_small(const std::string& sub) {
    write(sub + "/small-schools.csv", read_text(data_dir() + "/small-schools.csv"));
    return write(sub + "/small.yaml", read_text(data_dir() + "/small.yaml"));
  }

  fs::path dir_;
};

const std::string kSmall = "small.yaml";

TEST_F(Extends, VariantOverridesExactlyTheGivenKeys) {
  const std::string base_path = data_dir() + "/small.yaml";
  const std::string variant =
      write("cut.yaml",
            "coachsim: 1\n"
            "extends: " +
                base_path +
                "\n"
                "name: \"15% cut\"\n"
                "coach: {monthly_fee: \"2550 PEN/month\"}\n"
                "geographies:\n"
                "  - {id: andes, rainy_travel_factor: 2.0}\n"
                "  - {id: hills, speed: \"20 km/h\", fare: \"0.30 PEN/km\"}\n");
  auto base = load_scenario_file(base_path);
  ASSERT_TRUE(base.ok()) << dump(base.errors);
  auto loaded = load_scenario_file(variant);
  ASSERT_TRUE(loaded.ok()) << dump(loaded.errors);

  // The base with the same changes made by hand: every other field must be equal, including
  // the schools read from the CSV next to the base (not next to the variant).
  Scenario expected = base.scenario;
  expected.name = "15% cut";
  expected.coach.monthly_fee = units::per_month(255000);
  expected.geographies[0].rainy_travel_factor = 2.0;
  Geography hills;
  hills.id = "hills";
  hills.speed = units::km_per_hour(20);
  hills.fare = units::per_km(30);
  expected.geographies.push_back(hills);
  EXPECT_FALSE(expected.regions.back().schools.empty());
  EXPECT_EQ(dump_scenario(loaded.scenario), dump_scenario(expected));
  EXPECT_NE(dump_scenario(loaded.scenario), dump_scenario(base.scenario));
}

TEST_F(Extends, ChainsMergeInOrderAndCsvPathsFollowTheirFile) {
  copy_small("c");
  write("b/b.yaml",
        "extends: ../c/small.yaml\n"
        "supervision: {visits_per_coach: 3}\n"
        "coach: {monthly_fee: \"3100 PEN/month\"}\n");
  const std::string a = write("a.yaml",
                              "extends: b/b.yaml\n"
                              "coach: {monthly_fee: \"3200 PEN/month\"}\n");
  auto loaded = load_scenario_file(a);
  ASSERT_TRUE(loaded.ok()) << dump(loaded.errors);
  auto base = load_scenario_file(data_dir() + "/small.yaml");
  Scenario expected = base.scenario;
  expected.supervision.visits_per_coach = 3;
  expected.coach.monthly_fee = units::per_month(320000);  // the nearest file wins
  EXPECT_EQ(dump_scenario(loaded.scenario), dump_scenario(expected));
}

TEST_F(Extends, ListsWithoutIdsAreReplacedWhole) {
  const std::string variant = write("v.yaml", "extends: " + data_dir() +
                                                  "/small.yaml\n"
                                                  "calendar: {fixed_holidays: [\"07-28\"]}\n");
  auto loaded = load_scenario_file(variant);
  ASSERT_TRUE(loaded.ok()) << dump(loaded.errors);
  ASSERT_EQ(loaded.scenario.fixed_holidays.size(), 1u);
  EXPECT_EQ(loaded.scenario.fixed_holidays[0].month, 7u);
  EXPECT_EQ(loaded.scenario.weekend.size(), 2u);  // the sibling key stays
}

TEST_F(Extends, CyclesAreReportedWithTheFiles) {
  const std::string x = write("x.yaml", "extends: y.yaml\nname: x\n");
  write("y.yaml", "name: y\nextends: x.yaml\n");
  auto loaded = load_scenario_file(x);
  ASSERT_EQ(loaded.errors.size(), 1u) << dump(loaded.errors);
  const LoadError& e = loaded.errors.front();
  EXPECT_EQ(e.file, (dir_ / "y.yaml").string());
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 10);
  EXPECT_EQ(e.field, "extends");
  EXPECT_NE(e.message.find("cycle"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("x.yaml"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("y.yaml"), std::string::npos) << e.message;
}

TEST_F(Extends, MissingBaseIsReportedAtTheExtendsLine) {
  const std::string v = write("v.yaml", "coachsim: 1\nextends: nowhere.yaml\n");
  auto loaded = load_scenario_file(v);
  EXPECT_TRUE(only_error(loaded.errors, v, 2, 10, "extends", {"cannot read", "nowhere.yaml"}))
      << dump(loaded.errors);
}

TEST_F(Extends, ErrorsNameTheFileTheValueCameFrom) {
  // A bad value left in the base is reported in the base, at its own line; a bad value in the
  // variant, in the variant, after the base lines; a cross-field check on a merged item, at
  // the variant's value.
  std::string base_text = read_text(data_dir() + "/small.yaml");
  const auto at = base_text.find("speed: \"25 km/h\"");
  ASSERT_NE(at, std::string::npos);
  base_text.replace(at, 16, "speed: \"25 kmh\"");
  const int speed_line =
      1 + static_cast<int>(
              std::count(base_text.begin(), base_text.begin() + static_cast<long>(at), '\n'));
  write("base/small-schools.csv", read_text(data_dir() + "/small-schools.csv"));
  const std::string base = write("base/small.yaml", base_text);
  const std::string v = write("v.yaml",
                              "extends: base/small.yaml\n"
                              "coach:\n"
                              "  monthly_fee: \"3OOO PEN/month\"\n"
                              "geographies:\n"
                              "  - {id: andes, rainy_travel_factor: 0.5}\n");
  auto loaded = load_scenario_file(v);
  ASSERT_EQ(loaded.errors.size(), 3u) << dump(loaded.errors);
  // The variant's errors first (by position), then the base's.
  EXPECT_EQ(loaded.errors[0].file, v);
  EXPECT_EQ(loaded.errors[0].line, 3);
  EXPECT_EQ(loaded.errors[0].column, 16);
  EXPECT_EQ(loaded.errors[0].field, "coach.monthly_fee");
  EXPECT_EQ(loaded.errors[1].file, v);
  EXPECT_EQ(loaded.errors[1].line, 5);
  EXPECT_EQ(loaded.errors[1].field, "geographies[0].rainy_travel_factor");
  EXPECT_EQ(loaded.errors[2].file, base);
  EXPECT_EQ(loaded.errors[2].line, speed_line);
  EXPECT_EQ(loaded.errors[2].column, 12);
  EXPECT_EQ(loaded.errors[2].field, "geographies[0].speed");
}

TEST_F(Extends, BuiltinDefaultCanBeExtended) {
  const std::string v = write("v.yaml",
                              "extends: builtin:default\n"
                              "name: \"default, dearer coaches\"\n"
                              "coach: {monthly_fee: \"4800 PEN/month\"}\n");
  auto loaded = load_scenario_file(v);
  ASSERT_TRUE(loaded.ok()) << dump(loaded.errors);
  auto base = load_scenario_text(default_scenario_text(), "d", ".");
  Scenario expected = base.scenario;
  expected.name = "default, dearer coaches";
  expected.coach.monthly_fee = units::per_month(480000);
  EXPECT_EQ(dump_scenario(loaded.scenario), dump_scenario(expected));
}

TEST_F(Extends, DocumentsOfVariantsSampleFieldsOfTheBase) {
  const std::string v = write("v.yaml", "extends: " + data_dir() +
                                            "/small.yaml\n"
                                            "uncertainty:\n"
                                            "  - field: geographies[andes].speed\n"
                                            "    uniform: [\"20 km/h\", \"40 km/h\"]\n");
  auto doc = load_document_file(v);
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  EXPECT_NE(doc.document->text().find("uncertainty"), std::string::npos);
  auto at_25 = doc.document->with_value(0, 25.0);
  ASSERT_TRUE(at_25.ok()) << dump(at_25.errors);
  EXPECT_EQ(at_25.scenario.geographies[0].speed.value(), 25.0);
  EXPECT_FALSE(at_25.scenario.regions.back().schools.empty());
}

TEST_F(Extends, VariantsShareTheDrawsOfTheirBase) {
  // Common random numbers across a baseline and its variant: the variant changes another
  // field and adds an input; the base's inputs draw the same values.
  const std::string base =
      write("base.yaml", read_text(data_dir() + "/small.yaml") +
                             "uncertainty:\n"
                             "  - field: coach.monthly_fee\n"
                             "    uniform: [\"4000 PEN/month\", \"5000 PEN/month\"]\n"
                             "  - field: geographies[*].speed\n"
                             "    factor: {normal: [1, 0.1], min: 0.5}\n");
  write("small-schools.csv", read_text(data_dir() + "/small-schools.csv"));
  const std::string variant = write("variant.yaml",
                                    "extends: base.yaml\n"
                                    "supervision: {visits_per_coach: 3}\n"
                                    "uncertainty:\n"
                                    "  - field: costs.overhead_rate\n"
                                    "    uniform: [0, 0.05]\n"
                                    "  - field: geographies[*].speed\n"
                                    "    factor: {normal: [1, 0.1], min: 0.5}\n"
                                    "  - field: coach.monthly_fee\n"
                                    "    uniform: [\"4000 PEN/month\", \"5000 PEN/month\"]\n");
  auto b = load_document_file(base);
  auto v = load_document_file(variant);
  ASSERT_TRUE(b.ok() && v.ok()) << dump(b.errors) << dump(v.errors);
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    std::vector<double> db, dv;
    auto sb = b.document->sample(99, rep, &db);
    auto sv = v.document->sample(99, rep, &dv);
    ASSERT_TRUE(sb.ok() && sv.ok());
    EXPECT_EQ(db[0], dv[2]);
    EXPECT_EQ(db[1], dv[1]);
    EXPECT_EQ(sb.scenario.geographies[1].speed.value(), sv.scenario.geographies[1].speed.value());
    EXPECT_EQ(sv.scenario.supervision.visits_per_coach, 3);
  }
}

TEST_F(Extends, UncertaintyErrorsInTheBaseNameTheBase) {
  const std::string base =
      write("base.yaml", read_text(data_dir() + "/small.yaml") +
                             "uncertainty:\n"
                             "  - field: coach.monthly_fee\n"
                             "    uniform: [\"-5 PEN/month\", \"5000 PEN/month\"]\n");
  write("small-schools.csv", read_text(data_dir() + "/small-schools.csv"));
  const std::string variant = write("variant.yaml", "extends: base.yaml\nname: v\n");
  auto loaded = load_scenario_file(variant);
  ASSERT_EQ(loaded.errors.size(), 1u) << dump(loaded.errors);
  const std::string small = read_text(data_dir() + "/small.yaml");
  const int entry_line = 2 + static_cast<int>(std::count(small.begin(), small.end(), '\n'));
  EXPECT_EQ(loaded.errors[0].file, base);
  EXPECT_EQ(loaded.errors[0].line, entry_line);
  EXPECT_EQ(loaded.errors[0].field, "uncertainty[0]");
  EXPECT_NE(loaded.errors[0].message.find("at its low end -5 PEN/month"), std::string::npos)
      << loaded.errors[0].message;
}

}  // namespace extends_test
}  // namespace coachsim::scenario
