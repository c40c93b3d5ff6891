// The audit of regional costs: expected cost from the simulation of each region's own
// structure, the gap to reported spending split by category, ratio spreads with z-scores, a
// regression of cost per teacher on its drivers, and findings ranked by severity.
#include "coachsim/audit/audit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/units/parse.hpp"
#include "gaps.hpp"

namespace coachsim::audit {
namespace {

double ratio(double num, double den) { return den > 0 ? num / den : 0.0; }

std::string money_text(std::int64_t centimos) { return units::format_centimos_grouped(centimos); }

std::string pct_text(double share) {
  char buf[32];
  const double pct = std::round(100.0 * share);
  std::snprintf(buf, sizeof buf, "%.0f%%", pct == 0.0 ? 0.0 : pct);  // never "-0%"
  return buf;
}

std::string num_text(double v, int places) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

// Structure of each region from the simulated population (teacher-weighted).
struct Structure {
  double mean_distance_km = 0, border_share = 0;
};

std::vector<Structure> structure_of(const programme::Population& pop) {
  std::vector<Structure> out(pop.regions.size());
  std::vector<double> teachers(pop.regions.size(), 0.0);
  for (const programme::School& s : pop.schools) {
    out[s.region].mean_distance_km += s.distance_km * s.teachers;
    out[s.region].border_share += s.border ? s.teachers : 0;
    teachers[s.region] += s.teachers;
  }
  for (std::size_t r = 0; r < out.size(); ++r) {
    out[r].mean_distance_km = ratio(out[r].mean_distance_km, teachers[r]);
    out[r].border_share = ratio(out[r].border_share, teachers[r]);
  }
  return out;
}

RegionAudit audit_region(const scenario::Scenario& s, const results::Simulation& sim,
                         const std::vector<Structure>& structure, const RegionActuals& a) {
  RegionAudit ra;
  ra.region = a.region;
  ra.year = a.year;
  const double teachers = static_cast<double>(a.count(Count::kTeachers));
  const double coaches = static_cast<double>(a.count(Count::kCoaches));
  const double total = static_cast<double>(a.spending_total()) / 100.0;
  ra.cost_per_teacher = ratio(total, teachers);
  ra.cost_per_student = ratio(total, static_cast<double>(a.count(Count::kStudents)));
  ra.cost_per_coach = ratio(total, coaches);
  ra.teachers_per_coach = ratio(teachers, coaches);
  ra.students_per_coach = ratio(static_cast<double>(a.count(Count::kStudents)), coaches);
  ra.coaches_per_staff = ratio(coaches, static_cast<double>(a.count(Count::kStaff)));
  ra.students_per_school = ratio(static_cast<double>(a.count(Count::kStudents)),
                                 static_cast<double>(a.count(Count::kSchools)));

  const auto region =
      std::find_if(sim.population.regions.begin(), sim.population.regions.end(),
                   [&](const programme::RegionInfo& r) { return r.id == a.region; });
  const auto year = std::find_if(s.years.begin(), s.years.end(),
                                 [&](const scenario::SchoolYear& y) { return y.year == a.year; });
  if (region == sim.population.regions.end() || year == s.years.end()) return ra;
  ra.simulated = true;
  const auto r = static_cast<std::size_t>(region - sim.population.regions.begin());
  const auto y = static_cast<std::size_t>(year - s.years.begin());
  ra.mean_distance_km = structure[r].mean_distance_km;
  ra.border_share = structure[r].border_share;
  ra.amazon = s.geographies[region->geography].id == "amazon" ? 1.0 : 0.0;
  const programme::RegionYearTally& t = sim.tally.at(y, r);
  const std::int64_t expected_counts[kCountKinds] = {t.coaches,  t.supervisors, t.staff,
                                                     t.teachers, t.schools,     t.students};
  const costs::CostTable& costs = sim.ledger.costs();
  ra.gaps.assign(costs.category_count(), CategoryGap{});
  for (std::size_t c = 0; c < costs.category_count(); ++c) {
    const auto cat = static_cast<costs::Category>(c);
    const auto driver = static_cast<std::size_t>(detail::driver_of(costs.category(cat)));
    const CategoryGap g =
        detail::decompose(costs.category(cat), a.spent(c), sim.ledger.total(y, r, cat),
                          a.has_count[driver] ? a.counts[driver] : -1, expected_counts[driver]);
    ra.gaps[c] = g;
    ra.total.actual += g.actual;
    ra.total.expected += g.expected;
    ra.total.price += g.price;
    ra.total.quantity += g.quantity;
    ra.total.rest += g.rest;
  }
  return ra;
}

void add_ratio(YearAudit& ya, const std::vector<const RegionAudit*>& rows, const char* metric,
               double RegionAudit::*field) {
  std::vector<std::string> names;
  std::vector<double> values;
  for (const RegionAudit* r : rows) {
    if (r->*field <= 0) continue;  // a count was missing or zero
    names.push_back(r->region);
    values.push_back(r->*field);
  }
  if (!values.empty()) ya.ratios.push_back(spread_with_z(metric, names, values));
}

const RatioSpread* find_ratio(const YearAudit& ya, const std::string& metric) {
  for (const RatioSpread& s : ya.ratios)
    if (s.metric == metric) return &s;
  return nullptr;
}

double z_of(const RatioSpread* s, const std::string& region) {
  if (s == nullptr) return 0;
  for (std::size_t i = 0; i < s->regions.size(); ++i)
    if (s->regions[i] == region) return s->z[i];
  return 0;
}

void add_findings(YearAudit& ya) {
  const RatioSpread* cpt = find_ratio(ya, "cost_per_teacher");
  const RatioSpread* tpc = find_ratio(ya, "teachers_per_coach");
  const RatioSpread* cpc = find_ratio(ya, "cost_per_coach");
  for (const RegionAudit& r : ya.regions) {
    const double z = z_of(cpt, r.region);
    const double zc = z_of(cpc, r.region);
    if (std::fabs(z) < 2 && std::fabs(zc) < 2) continue;
    const bool by_teacher = std::fabs(z) >= std::fabs(zc);
    // The finding's text in the language chosen by --lang (findings.txt, the terminal, the
    // workbook and the page all show it); whole sentences, so a translator can reorder them.
    const std::string where = r.region + " " + std::to_string(r.year);
    std::string text =
        by_teacher
            ? fill(tr(z > 0 ? N_("{0}: cost per teacher {1} is {2} SD above the mean ({3})")
                            : N_("{0}: cost per teacher {1} is {2} SD below the mean ({3})")),
                   {where, num_text(r.cost_per_teacher, 2), num_text(std::fabs(z), 1),
                    num_text(cpt->mean, 2)})
            : fill(tr(zc > 0 ? N_("{0}: cost per coach {1} is {2} SD above the mean ({3})")
                             : N_("{0}: cost per coach {1} is {2} SD below the mean ({3})")),
                   {where, num_text(r.cost_per_coach, 2), num_text(std::fabs(zc), 1),
                    num_text(cpc->mean, 2)});
    if (r.simulated) {
      const std::int64_t gap = r.total.actual - r.total.expected;
      text += trf("; it spent {0} against {1} expected for its structure",
                  {money_text(r.total.actual), money_text(r.total.expected)});
      if (gap != 0) {
        const double g = static_cast<double>(gap);
        // The price effect named by its largest category: coach fees, supervisor fees, salaries.
        int biggest = 0;
        for (int c = 1; c < static_cast<int>(r.gaps.size()); ++c)
          if (std::llabs(r.gaps[static_cast<std::size_t>(c)].price) >
              std::llabs(r.gaps[static_cast<std::size_t>(biggest)].price))
            biggest = c;
        const char* price_name =
            biggest == static_cast<int>(costs::Category::kSupervision)     ? N_("supervisor fees")
            : biggest == static_cast<int>(costs::Category::kRegionalStaff) ? N_("staff salaries")
                                                                           : N_("coach fees");
        text += fill(
            tr(r.total.price >= 0
                   ? N_("; of the gap of {0}, {1} is {2} above the standard, {3} more or fewer "
                        "coaches, teachers or staff than its structure needs, and {4} "
                        "unexplained (travel, workshops, materials per teacher)")
                   : N_("; of the gap of {0}, {1} is {2} below the standard, {3} more or fewer "
                        "coaches, teachers or staff than its structure needs, and {4} "
                        "unexplained (travel, workshops, materials per teacher)")),
            {money_text(gap), pct_text(r.total.price / g), tr(price_name),
             pct_text(r.total.quantity / g), pct_text(r.total.rest / g)});
      }
    } else {
      text += tr("; the region is not in the scenario, so no expected cost");
    }
    const double zt = z_of(tpc, r.region);
    text +=
        fill(tr(std::fabs(zt) < 1 ? N_("; caseload is normal (teachers per coach {0}, z {1}).")
                                  : N_("; caseload is unusual (teachers per coach {0}, z {1}).")),
             {num_text(r.teachers_per_coach, 2), num_text(zt, 1)});
    ya.findings.push_back({r.simulated ? r.total.actual - r.total.expected : 0,
                           std::max(std::fabs(z), std::fabs(zc)), r.region, r.year, text});
  }
  // Regions that cost more (or less) per teacher than their drivers predict.
  const Regression& g = ya.regression;
  if (g.ok && g.residual_sd > 0) {
    for (std::size_t i = 0; i < g.labels.size(); ++i) {
      const double z_res = g.residuals[i] / g.residual_sd;
      if (std::fabs(z_res) < 2) continue;
      std::int64_t gap = 0;
      for (const RegionAudit& r : ya.regions)
        if (r.region == g.labels[i] && r.simulated) gap = r.total.actual - r.total.expected;
      ya.findings.push_back(
          {gap, std::fabs(z_res), g.labels[i], ya.year,
           fill(tr(g.residuals[i] > 0 ? N_("{0} {1}: cost per teacher {2} is {3} more than its "
                                           "structure predicts ({4} from the drivers in "
                                           "audit_regression.csv; {5} residual SD).")
                                      : N_("{0} {1}: cost per teacher {2} is {3} less than its "
                                           "structure predicts ({4} from the drivers in "
                                           "audit_regression.csv; {5} residual SD).")),
                {g.labels[i], std::to_string(ya.year), num_text(g.fitted[i] + g.residuals[i], 2),
                 num_text(std::fabs(g.residuals[i]), 2), num_text(g.fitted[i], 2),
                 num_text(std::fabs(z_res), 1)})});
    }
  }
  // An auditor follows the money: the largest gap first, whatever its z; ties (regions with no
  // expected cost) by how far they stand out.
  std::stable_sort(ya.findings.begin(), ya.findings.end(), [](const Finding& a, const Finding& b) {
    if (std::llabs(a.gap) != std::llabs(b.gap)) return std::llabs(a.gap) > std::llabs(b.gap);
    return a.severity > b.severity;
  });
}

// With n values and the sample SD, no z-score can exceed (n - 1) / sqrt(n): 1.15 for n = 3,
// 1.79 for n = 5, 2.04 for n = 6. Below 2 "no findings" says nothing.
void warn_small_sample(YearAudit& ya, std::size_t n) {
  if (n < 2) return;
  const double max_z = static_cast<double>(n - 1) / std::sqrt(static_cast<double>(n));
  if (max_z >= 2) return;
  ya.warnings.push_back(
      trf("only {0} regions in the statistics of {1}: no z-score can reach 2 "
          "(the largest possible is {2}), so no region can be flagged by its "
          "z; at least 6 regions are needed. Read the gaps in money instead.",
          {std::to_string(n), std::to_string(ya.year), num_text(max_z, 2)}));
}

// Counts the actuals did not give: the ratios they feed are blank and out of the spreads.
void warn_missing_counts(YearAudit& ya, const std::vector<RegionActuals>& actuals) {
  const char* feeds[kCountKinds] = {
      N_("cost per coach, teachers per coach, students per coach, coaches per staff"),
      N_("no ratio"),
      N_("coaches per staff"),
      N_("cost per teacher, teachers per coach and the regression"),
      N_("students per school"),
      N_("cost per student, students per coach, students per school")};
  for (int c = 0; c < kCountKinds; ++c) {
    std::string regions;
    int n = 0;
    for (const RegionActuals& a : actuals) {
      if (a.year != ya.year || a.has_count[static_cast<std::size_t>(c)]) continue;
      regions += (n++ ? ", " : "") + a.region;
    }
    if (n == 0) continue;
    const auto count = static_cast<unsigned long>(n);
    const std::string id = "count." + std::string(count_id(static_cast<Count>(c)));
    // Supervisors feed no ratio, so nothing is left blank for them.
    const std::string pattern =
        c == static_cast<int>(Count::kSupervisors)
            ? trn("{0} is not in the actuals for {1} region ({2}): {3}; the gap of the "
                  "categories it drives has no quantity part (all of it is price or "
                  "unexplained).",
                  "{0} is not in the actuals for {1} regions ({2}): {3}; the gap of the "
                  "categories it drives has no quantity part (all of it is price or "
                  "unexplained).",
                  count)
            : trn("{0} is not in the actuals for {1} region ({2}): {3} left blank for it and "
                  "out of the spreads; the gap of the categories it drives has no quantity part "
                  "(all of it is price or unexplained).",
                  "{0} is not in the actuals for {1} regions ({2}): {3} left blank for them and "
                  "out of the spreads; the gap of the categories it drives has no quantity part "
                  "(all of it is price or unexplained).",
                  count);
    ya.warnings.push_back(fill(pattern, {id, std::to_string(n), regions, tr(feeds[c])}));
  }
}

}  // namespace

std::vector<YearAudit> run_audit(const scenario::Scenario& scenario, const results::Simulation& sim,
                                 const std::vector<RegionActuals>& actuals,
                                 const AuditOptions& options) {
  const std::vector<Structure> structure = structure_of(sim.population);
  std::map<int, YearAudit> years;
  for (const RegionActuals& a : actuals) {
    YearAudit& ya = years[a.year];
    ya.year = a.year;
    ya.costs = sim.ledger.costs_ptr();
    ya.regions.push_back(audit_region(scenario, sim, structure, a));
  }
  std::vector<YearAudit> out;
  for (auto& [year, ya] : years) {
    std::vector<const RegionAudit*> rows;
    for (const RegionAudit& r : ya.regions)
      if (std::find(options.exclude.begin(), options.exclude.end(), r.region) ==
          options.exclude.end())
        rows.push_back(&r);
    add_ratio(ya, rows, "teachers_per_coach", &RegionAudit::teachers_per_coach);
    add_ratio(ya, rows, "students_per_coach", &RegionAudit::students_per_coach);
    add_ratio(ya, rows, "coaches_per_staff", &RegionAudit::coaches_per_staff);
    add_ratio(ya, rows, "cost_per_teacher", &RegionAudit::cost_per_teacher);
    add_ratio(ya, rows, "cost_per_student", &RegionAudit::cost_per_student);
    add_ratio(ya, rows, "cost_per_coach", &RegionAudit::cost_per_coach);

    // Cost per teacher on its drivers, over the regions with every driver known.
    const std::vector<std::string> drivers = {"teachers_per_coach", "students_per_school",
                                              "mean_distance_km",   "staff_per_coach",
                                              "border_share",       "amazon"};
    std::vector<std::vector<double>> x;
    std::vector<double> y;
    std::vector<std::string> labels;
    for (const RegionAudit* r : rows) {
      if (!r->simulated || r->cost_per_teacher <= 0 || r->teachers_per_coach <= 0) continue;
      x.push_back({r->teachers_per_coach, r->students_per_school, r->mean_distance_km,
                   r->coaches_per_staff > 0 ? 1.0 / r->coaches_per_staff : 0.0, r->border_share,
                   r->amazon});
      y.push_back(r->cost_per_teacher);
      labels.push_back(r->region);
    }
    // A driver that is the same in every region (e.g. no border schools anywhere) says
    // nothing: leave it out rather than give up on the regression.
    std::vector<std::string> used;
    std::vector<std::vector<double>> xu(x.size());
    for (std::size_t d = 0; d < drivers.size(); ++d) {
      bool varies = false;
      for (std::size_t i = 1; i < x.size(); ++i) varies |= x[i][d] != x[0][d];
      if (!varies) {
        ya.dropped_drivers.push_back(drivers[d]);
        continue;
      }
      used.push_back(drivers[d]);
      for (std::size_t i = 0; i < x.size(); ++i) xu[i].push_back(x[i][d]);
    }
    ya.regression = ols(used, xu, y, labels);
    add_findings(ya);
    warn_small_sample(ya, rows.size());
    warn_missing_counts(ya, actuals);
    out.push_back(std::move(ya));
  }
  return out;
}

}  // namespace coachsim::audit
