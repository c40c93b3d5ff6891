// Validation against published figures (VALIDATION.md): runs the coachsim binary on each
// validation scenario and compares every figure with the PUBLISHED value (seed file and table)
// within a stated tolerance. Nothing here holds today's output.
//
// A figure the model misses is an expected failure: a test of a suite named ExpectedFailure*
// (ctest label validation-expected-failure) that skips with the figure, the error and the
// reason, so ctest counts and lists it, and that FAILS if the figure comes within its tolerance
// (then it belongs among the checks). Figures that match by construction (the 2013
// reconstruction is built from Tables 1, 17, 22 and 23) are labelled "in-sample" in their
// message: they check the reconstruction and the costing, not the model's skill; the
// out-of-sample expenditure checks are the held-out years (scripts/heldout_peru.py).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/process.hpp"

namespace validation_test {

namespace fs = std::filesystem;

// ---- reading the output tables -----------------------------------------------------------------

// A CSV file as written by coachsim (header row; no field contains a comma or a quote in the
// files read here: region names and numbers).
class Table {
 public:
  explicit Table(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    if (std::getline(in, line)) header_ = split(line);
    while (std::getline(in, line))
      if (!line.empty()) rows_.push_back(split(line));
  }
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }
  const std::string& text(std::size_t row, const std::string& column) const {
    return rows_.at(row).at(index(column));
  }
  double number(std::size_t row, const std::string& column) const {
    return std::stod(text(row, column));
  }
  // The first row whose `key` column equals `value` (rows_.size() when none).
  std::size_t find(const std::string& key, const std::string& value) const {
    const std::size_t k = index(key);
    for (std::size_t i = 0; i < rows_.size(); ++i)
      if (rows_[i].at(k) == value) return i;
    return rows_.size();
  }

 private:
  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, ',')) out.push_back(field);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
  }
  std::size_t index(const std::string& column) const {
    const auto it = std::find(header_.begin(), header_.end(), column);
    if (it == header_.end()) throw std::out_of_range("no column " + column);
    return static_cast<std::size_t>(it - header_.begin());
  }
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

struct Output {
  Table national, regions, variance;
};

// Runs a scenario of scenarios/ once per test process (a run takes well under a second) into
// a folder of its own (ctest runs tests in parallel processes), read and then removed.
const Output& output_of(const std::string& scenario) {
  static std::map<std::string, Output> cache;
  const auto hit = cache.find(scenario);
  if (hit != cache.end()) return hit->second;
  const fs::path out = fs::temp_directory_path() /
                       ("coachsim-validation-" + scenario + "-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string file = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/" + scenario + ".yaml";
  const coachsim::testing::CommandResult r = coachsim::testing::run_shell(
      std::string(COACHSIM_BINARY) + " run " + file + " --out " + out.string() + " --no-ledger -q");
  EXPECT_EQ(r.exit_code, 0) << scenario << ": " << r.output;
  const Output& o =
      cache
          .emplace(scenario, Output{Table(out / "national.csv"), Table(out / "regions.csv"),
                                    Table(out / "variance.csv")})
          .first->second;
  fs::remove_all(out);
  return o;
}

// ---- statistics as Sempé reports them ------------------------------------------------------

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v) {  // sample SD, as SPSS and variance.csv
  const double m = mean_of(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

// Coaches per staff (Table 17 row 3, not a metric of variance.csv) from regions.csv over the
// regions of Tables 17 and 22 (all but Callao) that have staff.
std::vector<double> coaches_per_staff(const Table& regions) {
  std::vector<double> v;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions.text(i, "region") == "Callao") continue;
    if (regions.number(i, "staff") > 0)
      v.push_back(regions.number(i, "coaches") / regions.number(i, "staff"));
  }
  return v;
}

// One metric's row of variance.csv (regions with exclude_from_statistics left out).
struct SpreadRow {
  double n = 0, mean = 0, sd = 0, min = 0, max = 0;
  std::string min_region, max_region;
};

SpreadRow spread_row(const Table& variance, const std::string& metric) {
  const std::size_t k = variance.find("metric", metric);
  EXPECT_LT(k, variance.size()) << "variance.csv has no row for " << metric;
  if (k >= variance.size()) return {};
  return {variance.number(k, "n"),       variance.number(k, "mean"), variance.number(k, "sd"),
          variance.number(k, "min"),     variance.number(k, "max"),  variance.text(k, "min_region"),
          variance.text(k, "max_region")};
}

// ---- comparing with the published figure --------------------------------------------------

double error_pct(double model, double published) {
  return published == 0 ? (model == 0 ? 0.0 : 100.0) : (model - published) / published * 100.0;
}

// One figure against its published value: |error| <= tolerance_pct (exact when 0).
void check(const std::string& what, double model, double published, double tolerance_pct,
           const std::string& source) {
  const double e = error_pct(model, published);
  if (tolerance_pct == 0) {
    EXPECT_EQ(model, published) << what << " (" << source << ")";
  } else {
    EXPECT_LE(std::abs(e), tolerance_pct)
        << what << ": model " << model << " vs published " << published << " (" << source
        << "): error " << e << "% beyond the tolerance of " << tolerance_pct << "%";
  }
}

// A figure the model misses, with why. Skips (counted by ctest as not run, label
// validation-expected-failure) while it is missed; fails once it is met.
void expected_failure(const std::string& what, double model, double published, double tolerance_pct,
                      const std::string& source, const std::string& reason) {
  const double e = error_pct(model, published);
  if (std::abs(e) <= tolerance_pct) {
    ADD_FAILURE() << what << " is now within " << tolerance_pct << "% of the published "
                  << published << " (" << source << "; model " << model
                  << "): move it from the expected failures to the checks (VALIDATION.md)";
    return;
  }
  GTEST_SKIP() << "EXPECTED FAILURE " << what << ": published " << published << " (" << source
               << "), model " << model << ", error " << e << "%, tolerance " << tolerance_pct
               << "%. Why: " << reason;
}

// A spread as Sempé publishes it (N, mean, SD, min, max), checked statistic by statistic except
// the ones listed as expected failures (tested below, one test each).
struct Spread {
  double n, mean, sd, min, max;
};

void check_spread(const std::string& what, const SpreadRow& got, const Spread& published,
                  double tolerance_pct, const std::string& source,
                  const std::vector<std::string>& missed = {}) {
  const auto listed = [&](const char* stat) {
    return std::find(missed.begin(), missed.end(), stat) != missed.end();
  };
  check(what + " N", got.n, published.n, 0, source);
  if (!listed("mean")) check(what + " mean", got.mean, published.mean, tolerance_pct, source);
  if (!listed("SD")) check(what + " SD", got.sd, published.sd, tolerance_pct, source);
  if (!listed("min")) check(what + " min", got.min, published.min, tolerance_pct, source);
  if (!listed("max")) check(what + " max", got.max, published.max, tolerance_pct, source);
}

SpreadRow spread_of(const std::vector<double>& v) {
  if (v.empty()) return {};
  SpreadRow r;
  r.n = static_cast<double>(v.size());
  r.mean = mean_of(v);
  r.sd = sd_of(v);
  r.min = *std::min_element(v.begin(), v.end());
  r.max = *std::max_element(v.begin(), v.end());
  return r;
}

// Tolerances (VALIDATION.md, "Tolerances"): counts 2%; money 0.5%; spreads across regions 1%
// (the reconstruction's targets); figures published as "about" 5% (counts) or 10% (money).
constexpr double kExact = 0, kCount = 2.0, kMoney = 0.5, kSpread = 1.0, kAboutCount = 5.0,
                 kAboutMoney = 10.0;
const std::string kTable1 = "001_7e83e5b813894d20.txt Table 1";
const std::string kTable17 = "001_7e83e5b813894d20.txt Table 17";
const std::string kTable22 = "001_7e83e5b813894d20.txt Table 22";
const std::string kSection524 = "001_7e83e5b813894d20.txt 5.2.4";
const std::string kSpotlight = "000_85dbdb8474134b3b.txt (World Bank Coach spotlight)";

double regional_contract_share(const Output& o) {
  double contracts = 0, regional = 0;
  for (std::size_t i = 0; i < o.regions.size(); ++i) {
    contracts += o.regions.number(i, "cost_coach_contracts");
    regional += o.regions.number(i, "cost_total");
  }
  return contracts / regional * 100;
}

// ---- 2013 (in-sample: the reconstruction is built from these tables) --------------------------

TEST(Validation2013, NationalFiguresOfTable1) {
  const Output& o = output_of("peru-2013");
  ASSERT_EQ(o.national.size(), 1u);
  const Table& n = o.national;
  check("regions", static_cast<double>(o.regions.size()), 25, kExact, kTable1);
  check("coaches (in-sample)", n.number(0, "coaches"), 1640, kCount, kTable1);
  check("schools (in-sample)", n.number(0, "schools"), 7001, kCount, kTable1);
  check("students", n.number(0, "students"), 235731, kCount, kTable1);
  check("expenditure (in-sample: regional fees and central spending are solved from it)",
        n.number(0, "cost_total"), 94101514.00, kMoney, kTable1);
  check("cost per coach (in-sample)", n.number(0, "cost_per_coach"), 94101514.00 / 1640, kMoney,
        kTable1 + " (expenditure / coaches)");
  // 69.3% of the strategy budget, read as the regions' spending: the one 2013 figure the
  // reconstruction does not impose (a weak check: the unit costs were set with it in view).
  check("coach contracts, % of regional spending", regional_contract_share(o), 69.3, kCount,
        kSection524 + " (regional reading)");
  double regional = 0;
  for (std::size_t i = 0; i < o.regions.size(); ++i) regional += o.regions.number(i, "cost_total");
  check("regional spending + outside = national", regional + n.number(0, "cost_outside_regions"),
        n.number(0, "cost_total"), 1e-9, "accounting identity of the outputs");
}

const char* const kWholeHeadCountsTable23 =
    "the staff search keeps Table 23's role totals and Table 17's coaches per staff; whole head "
    "counts in 25 regions leave the SD of total staff slightly high";

TEST(ExpectedFailure2013, Teachers) {
  expected_failure("teachers", output_of("peru-2013").national.number(0, "teachers"), 14576, kCount,
                   kTable1,
                   "Table 1 (8.89 teachers per coach nationally) and Table 17 (regional mean 7.83, "
                   "max 9.71) cannot both hold; the reconstruction keeps Table 17 and reaches at "
                   "most 13,716 by giving the big regions the high ratios");
}

TEST(ExpectedFailure2013, CostPerTeacher) {
  expected_failure(
      "national cost per teacher", output_of("peru-2013").national.number(0, "cost_per_teacher"),
      94101514.00 / 14576, kMoney, kTable1 + " (expenditure / teachers)",
      "the expenditure matches, the teachers are 5.9% short (ExpectedFailure2013.Teachers)");
}

// Table 23: staff per region over all 25 regions (Callao included), from regions.csv.
std::vector<double> staff_per_region(const Table& regions) {
  std::vector<double> v;
  for (std::size_t i = 0; i < regions.size(); ++i) v.push_back(regions.number(i, "staff"));
  return v;
}

TEST(Validation2013, StaffOfTable23) {
  const SpreadRow s = spread_of(staff_per_region(output_of("peru-2013").regions));
  const std::string table23 = "001_7e83e5b813894d20.txt Table 23";
  check("staff per region, N", s.n, 25, kExact, table23);
  check("staff per region, mean", s.mean, 5.04, kSpread, table23);
  check("staff per region, max", s.max, 13, kExact, table23);
}

TEST(ExpectedFailure2013, StaffPerRegionSd) {
  expected_failure("staff per region, SD",
                   spread_of(staff_per_region(output_of("peru-2013").regions)).sd, 3.335, kSpread,
                   "001_7e83e5b813894d20.txt Table 23", kWholeHeadCountsTable23);
}

TEST(ExpectedFailure2013, Supervisors) {
  expected_failure("supervisors", output_of("peru-2013").national.number(0, "supervisors"), 183,
                   kCount, kTable1,
                   "supervisor groups are formed within each region: groups of 10 give 177, "
                   "groups of 9 give 195 (each region's last group is partial)");
}

TEST(ExpectedFailure2013, CoachContractShareOfNationalSpending) {
  const Output& o = output_of("peru-2013");
  double contracts = 0;
  for (std::size_t i = 0; i < o.regions.size(); ++i)
    contracts += o.regions.number(i, "cost_coach_contracts");
  expected_failure("coach contracts, % of national spending",
                   contracts / o.national.number(0, "cost_total") * 100, 69.3, kCount,
                   kSection524 + " (national reading)",
                   "the scenario takes the regional reading: 69.3% of the national 94.1 M over "
                   "1,640 coaches is 39,764 soles per coach, more than Table 22's mean WHOLE "
                   "regional cost per coach (35,648), so this reading contradicts Table 22");
}

// Table 17 and 22 rows come straight from variance.csv: peru-2013.yaml leaves Callao out of the
// statistics (exclude_from_statistics), as Sempé did.
TEST(Validation2013, RatiosOfTable17) {
  const Output& o = output_of("peru-2013");
  check_spread("teachers per coach", spread_row(o.variance, "teachers_per_coach"),
               {24, 7.83, 1.12, 6.00, 9.71}, kSpread, kTable17);
  check_spread("students per coach", spread_row(o.variance, "students_per_coach"),
               {24, 123.76, 36.50, 69.01, 197.04}, kSpread, kTable17);
  // Not a metric of variance.csv: from regions.csv (La Libertad has no staff, so N = 23).
  check_spread("coaches per staff", spread_of(coaches_per_staff(o.regions)),
               {23, 15.28, 12.08, 4.00, 50.33}, kSpread, kTable17, {"mean", "SD", "min", "max"});
}

const char* const kWholeHeadCounts =
    "whole staff head counts on small regions cannot reach Table 17's extremes (50.33 needs 151 "
    "coaches and 3 staff) while Table 23's role totals are kept exact";

TEST(ExpectedFailure2013, CoachesPerStaffMean) {
  expected_failure("coaches per staff, mean",
                   spread_of(coaches_per_staff(output_of("peru-2013").regions)).mean, 15.28,
                   kSpread, kTable17, kWholeHeadCounts);
}
TEST(ExpectedFailure2013, CoachesPerStaffSd) {
  expected_failure("coaches per staff, SD",
                   spread_of(coaches_per_staff(output_of("peru-2013").regions)).sd, 12.08, kSpread,
                   kTable17, kWholeHeadCounts);
}
TEST(ExpectedFailure2013, CoachesPerStaffMin) {
  expected_failure("coaches per staff, min",
                   spread_of(coaches_per_staff(output_of("peru-2013").regions)).min, 4.00, kSpread,
                   kTable17, kWholeHeadCounts);
}
TEST(ExpectedFailure2013, CoachesPerStaffMax) {
  expected_failure("coaches per staff, max",
                   spread_of(coaches_per_staff(output_of("peru-2013").regions)).max, 50.33, kSpread,
                   kTable17, kWholeHeadCounts);
}

TEST(Validation2013, UnitCostsOfTable22) {
  const Output& o = output_of("peru-2013");
  const SpreadRow cpt = spread_row(o.variance, "cost_per_teacher");
  check_spread("cost per teacher", cpt, {24, 4602.87, 974.78, 3007.28, 7431.05}, kSpread, kTable22,
               {"min"});
  check_spread("cost per student", spread_row(o.variance, "cost_per_student"),
               {24, 310.58, 100.37, 155.76, 503.06}, kSpread, kTable22);
  const SpreadRow cpc = spread_row(o.variance, "cost_per_coach");
  check_spread("cost per coach", cpc, {24, 35648.00, 6710.39, 20529.13, 48790.11}, kSpread,
               kTable22);
  // The regions Sempé names at the top (5.2.4); Callao is in the totals but not the spread.
  EXPECT_EQ(cpt.max_region, "Cajamarca");
  EXPECT_EQ(cpc.max_region, "Pasco");
  EXPECT_LT(o.regions.find("region", "Callao"), o.regions.size());
  for (const char* metric : {"cost_per_teacher", "cost_per_student", "cost_per_coach",
                             "teachers_per_coach", "students_per_coach"}) {
    const SpreadRow r = spread_row(o.variance, metric);
    EXPECT_NE(r.min_region, "Callao") << metric;
    EXPECT_NE(r.max_region, "Callao") << metric;
  }
}

TEST(ExpectedFailure2013, CostPerTeacherMin) {
  expected_failure("cost per teacher, min",
                   spread_row(output_of("peru-2013").variance, "cost_per_teacher").min, 3007.28,
                   kSpread, kTable22,
                   "cost per teacher follows from pairing each region's cost per coach with its "
                   "ratio; the pairing search trades the minimum against the mean and SD of cost "
                   "per teacher and per student");
}

TEST(Validation2013, NamedRegions) {
  const Table& r = output_of("peru-2013").regions;
  auto at = [&](const std::string& region, const std::string& column) {
    const std::size_t i = r.find("region", region);
    EXPECT_LT(i, r.size()) << region;
    return i < r.size() ? r.number(i, column) : 0.0;
  };
  const double cent = 0.01;  // the published figures are given to the cent
  check("Cajamarca cost per teacher", at("Cajamarca", "cost_per_teacher"), 7431.05, cent,
        kSection524);
  check("Cajamarca cost per coach", at("Cajamarca", "cost_per_coach"), 45101.34, cent, kSection524);
  check("Pasco cost per coach", at("Pasco", "cost_per_coach"), 48790.11, cent, kSection524);
  check("Pasco cost per teacher", at("Pasco", "cost_per_teacher"), 5635.33, cent, kSection524);
  check("Pasco teachers per coach", at("Pasco", "teachers_per_coach"), 8.66, kExact, kSection524);
  check("Madre de Dios cost per teacher", at("Madre de Dios", "cost_per_teacher"), 3897.88, cent,
        kSection524);
  check("Madre de Dios teachers per coach", at("Madre de Dios", "teachers_per_coach"), 7.09, kExact,
        kSection524);
  check("Madre de Dios students per school",
        at("Madre de Dios", "students") / at("Madre de Dios", "schools"), 22.08, 0.05, kSection524);
  check("La Libertad coaches", at("La Libertad", "coaches"), 75, kExact, kSection524);
  check("La Libertad staff", at("La Libertad", "staff"), 0, kExact, kSection524);
  check("Lima Provincias coaches", at("Lima Provincias", "coaches"), 77, kExact, kSection524);
  check("Lima Provincias staff", at("Lima Provincias", "staff"), 13, kExact, kSection524);
}

// ---- 2010-2012: the structure of Table 1 ------------------------------------------------------
// Expenditure is predicted blind from earlier years only (tests/validation/heldout.cmake); 2010
// is the first calibration year, so its expenditure matches by construction (checked here as
// the calibration's fit, not as evidence).

struct EarlyYear {
  const char* scenario;
  double coaches, teachers, schools, students;
};

// Test names in ctest show the scenario, not the bytes of the parameter.
void PrintTo(const EarlyYear& y, std::ostream* os) { *os << y.scenario; }

class ValidationEarlyYears : public ::testing::TestWithParam<EarlyYear> {};

TEST_P(ValidationEarlyYears, StructureOfTable1) {
  const EarlyYear& y = GetParam();
  const Output& o = output_of(y.scenario);
  ASSERT_EQ(o.national.size(), 1u);
  const Table& n = o.national;
  check("regions", static_cast<double>(o.regions.size()), 26, kExact, kTable1);
  check("coaches", n.number(0, "coaches"), y.coaches, kCount, kTable1);
  check("teachers", n.number(0, "teachers"), y.teachers, kCount, kTable1);
  check("schools", n.number(0, "schools"), y.schools, kCount, kTable1);
  if (y.students > 0)  // n.d. in 2010: nothing published to compare with
    check("students", n.number(0, "students"), y.students, kCount, kTable1);
  check("supervisors (none before 2013)", n.number(0, "supervisors"), 0, kExact, kTable1);
  check("supervision cost (none before 2013)", n.number(0, "cost_supervision"), 0, kExact, kTable1);
}

INSTANTIATE_TEST_SUITE_P(Peru, ValidationEarlyYears,
                         ::testing::Values(EarlyYear{"peru-2010", 1826, 19872, 13110, 0},
                                           EarlyYear{"peru-2011", 2212, 19569, 14296, 417113},
                                           EarlyYear{"peru-2012", 2370, 20510, 14132, 446244}),
                         [](const ::testing::TestParamInfo<EarlyYear>& info) {
                           std::string name = info.param.scenario;
                           name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                           return name;
                         });

TEST(ValidationEarlyYears, Expenditure2010IsTheCalibrationFit) {
  check("2010 expenditure (calibration year: the fee is fitted to it)",
        output_of("peru-2010").national.number(0, "cost_total"), 60398775.88, kMoney, kTable1);
}

// ---- APM 2016: the World Bank spotlight ------------------------------------------------------

constexpr double kSolesPerUsd2016 = 3.38;  // BCRP 2016 average (VALIDATION.md; outside the seeds)

TEST(ValidationApm, ScaleAndProtocol) {
  const Table& n = output_of("apm-multigrade").national;
  ASSERT_EQ(n.size(), 1u);
  check("schools", n.number(0, "schools"), 6400, kAboutCount, kSpotlight);
  check("teachers", n.number(0, "teachers"), 12000, kAboutCount, kSpotlight);
  check("coaches", n.number(0, "coaches"), 1400, kAboutCount, kSpotlight);
  check("visits per teacher", n.number(0, "visits_done") / n.number(0, "teachers"), 9, kCount,
        kSpotlight + ": 1 diagnostic + 7 feedback + 1 evaluation");
}

TEST(ExpectedFailureApm, CostPerTeacherUsd) {
  const Table& n = output_of("apm-multigrade").national;
  const double usd = n.number(0, "cost_per_teacher") / kSolesPerUsd2016;
  // Naive benchmarks on the spotlight's own structure (1,400 coaches, 12,000 teachers): 2013's
  // national cost per teacher and per coach (Table 1), nominal.
  const double naive_teacher = 94101514.00 / 14576 / kSolesPerUsd2016;
  const double naive_coach = 94101514.00 / 1640 * 1400 / 12000 / kSolesPerUsd2016;
  expected_failure("APM cost per teacher, US$", usd, 3000, kAboutMoney, kSpotlight,
                   "the scenario carries regional spending only (2013: a third was central) and "
                   "a coach fee with no 2016 source; naive benchmarks miss by " +
                       std::to_string(error_pct(naive_teacher, 3000)) +
                       "% (teachers x 2013 cost "
                       "per teacher) and " +
                       std::to_string(error_pct(naive_coach, 3000)) +
                       "% (coaches x 2013 cost "
                       "per coach)");
}

TEST(ExpectedFailureApm, TotalUsd) {
  const Table& n = output_of("apm-multigrade").national;
  expected_failure("APM total, US$", n.number(0, "cost_total") / kSolesPerUsd2016, 40e6,
                   kAboutMoney, "Castro et al. 2025 via DOMAIN.md (outside the seeds)",
                   "regional spending only (2013: a third was central) and a coach fee with no "
                   "2016 source");
}

TEST(ExpectedFailureApm, CostPerStudentUsd) {
  const Table& n = output_of("apm-multigrade").national;
  expected_failure("APM cost per student, US$", n.number(0, "cost_per_student") / kSolesPerUsd2016,
                   228, kAboutMoney, "Castro et al. 2025 via DOMAIN.md (outside the seeds)",
                   "regional spending only (as the cost per teacher)");
}

}  // namespace validation_test
