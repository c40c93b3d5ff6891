// The page of `coachsim optimise --html` (optimise_html.hpp), in the frame every coachsim page
// shares (html_page.hpp). Every figure comes from the optimiser's solution or from a simulation
// of a plan; the tables under the charts give the same numbers exactly.
#include "coachsim/report/optimise_html.hpp"

#include <algorithm>
#include <cmath>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/html_report.hpp"
#include "html_page.hpp"

namespace coachsim::report {
namespace {

using namespace html;

std::string plan_label(std::size_t kind) {
  switch (static_cast<OptimisePlanKind>(kind)) {
    case OptimisePlanKind::kDefault:
      return tr("Default, every caseload");
    case OptimisePlanKind::kProRataCut:
      return tr("(a) Pro-rata cut");
    case OptimisePlanKind::kProtectTeachers:
      return tr("(b) protect_teachers");
    case OptimisePlanKind::kOptimised:
      return tr("(c) Optimised plan");
  }
  return {};
}

// What the objective counts, in words: "the most {0}".
std::string objective_words(const std::string& objective) {
  if (objective == "learning") return tr("expected learning gain");
  if (objective == "equity") return tr("equity-weighted teachers");
  return tr("full-protocol teachers");
}

// A share of the default's figure, "—" when the default has none.
std::string share_of(double value, double of) {
  return of > 0 ? pct(100.0 * value / of) : "\u2014";
}

class OptimisePageWriter {
 public:
  explicit OptimisePageWriter(const OptimisePage& p) : p_(p) {}
  std::string page();

 private:
  std::string account();
  std::string plans();
  std::string regions();
  std::string frontier();
  ordered_json plan_order() const {
    ordered_json order = ordered_json::array();
    for (std::size_t k = 0; k < kOptimisePlans; ++k) order.push_back(plan_label(k));
    return order;
  }

  // A chart's or section's id: the year added when the page has several.
  std::string id(const std::string& base) const {
    return p_.years.size() > 1 ? base + "-" + std::to_string(y_->year) : base;
  }

  const OptimisePage& p_;
  const OptimisePageYear* y_ = nullptr;  // the year being written
  Page page_;
};

// How the plan was found: the solver's figures and the estimate against the simulation.
std::string OptimisePageWriter::account() {
  std::string html =
      "<section id=\"" + id("section-account") + "\">\n<h2>" +
      (p_.years.size() > 1 ? trf("How the plan was found, {0}", {std::to_string(y_->year)})
                           : tr("How the plan was found")) +
      "</h2>\n<p class=\"caption\">" +
      tr("The optimiser chooses which caseload groups to coach, costing each as "
         "the run posts it, and solves the program with COIN-OR CBC. The plan is "
         "then simulated: the simulated figures are the ones reported.") +
      (p_.years.size() > 1 ? " " + tr("The years are solved together, with continuity: the LP "
                                      "bound, best bound, gap and re-solves are the program's.")
                           : std::string()) +
      "</p>\n";
  Table t({txt(tr("Figure")), num(tr("Value"))});
  t.row({txt(tr("Budget")), num(money(y_->budget) + " " + esc(p_.currency))});
  t.row({txt(tr("Share of the year's plan with every caseload")),
         num(share_of(static_cast<double>(y_->budget), static_cast<double>(y_->plan_cost)))});
  t.row({txt(tr("Regional floor (share of each region's teachers kept)")),
         num(fixed(p_.floor_pct, 1) + "%")});
  t.row({txt(tr("Caseload groups")), num(integer(y_->groups))});
  t.row({txt(tr("Groups coached")), num(integer(y_->groups_coached))});
  t.row({txt(tr("Teachers coached (estimate)")), num(integer(y_->teachers_estimate))});
  t.row({txt(tr("Objective (estimate)")), num(fixed(y_->objective_value, 1))});
  t.row({txt(tr("LP bound (no plan can do better)")), num(fixed(p_.lp_bound, 1))});
  t.row({txt(tr("CBC's best bound")), num(fixed(p_.best_bound, 1))});
  t.row({txt(tr("Gap")), num(fixed(p_.gap * 100, 3) + "%" +
                             (p_.proven_optimal ? " " + esc(tr("(optimal)")) : ""))});
  t.row({txt(tr("Estimated cost")), num(money(y_->estimated_cost))});
  const std::int64_t simulated =
      y_->plans[static_cast<std::size_t>(OptimisePlanKind::kOptimised)].cost;
  t.row({txt(tr("Simulated cost")), num(money(simulated))});
  t.row({txt(tr("Simulated minus estimated")), num(money(simulated - y_->estimated_cost))});
  t.row({txt(tr("Re-solved after the simulation overshot")), num(std::to_string(p_.resolved))});
  html +=
      t.html(trf("The optimisation, {0} (money in {1})", {std::to_string(y_->year), p_.currency}));
  html += "</section>\n";
  return html;
}

// The plan against the pro-rata cut and protect_teachers: full-protocol teachers and the
// learning gain, each as a share of the default's.
std::string OptimisePageWriter::plans() {
  const OptimisePlanFigures& all = y_->plans[0];
  const std::string fp = tr("Full-protocol teachers"), gain = tr("Learning gain");
  ordered_json values = ordered_json::array();
  Table t({txt(tr("Plan")), num(tr("Coaches")), num(fp),
           num(tr("Full protocol, % of the default's")), num(tr("Learning gain (student-SD)")),
           num(tr("Learning gain, % of the default's")), num(trf("Cost ({0})", {p_.currency}))});
  for (std::size_t k = 0; k < kOptimisePlans; ++k) {
    const OptimisePlanFigures& f = y_->plans[k];
    const double fp_pct = all.full_protocol > 0 ? 100.0 * static_cast<double>(f.full_protocol) /
                                                      static_cast<double>(all.full_protocol)
                                                : 0.0;
    const double gain_pct = all.learning_sd > 0 ? 100.0 * f.learning_sd / all.learning_sd : 0.0;
    values.push_back({{"plan", plan_label(k)},
                      {"measure", fp},
                      {"pct", fp_pct},
                      {"value", static_cast<double>(f.full_protocol)}});
    values.push_back(
        {{"plan", plan_label(k)}, {"measure", gain}, {"pct", gain_pct}, {"value", f.learning_sd}});
    t.row({txt(plan_label(k)), num(integer(f.coaches)), num(integer(f.full_protocol)),
           num(share_of(static_cast<double>(f.full_protocol),
                        static_cast<double>(all.full_protocol))),
           num(integer(std::llround(f.learning_sd))), num(share_of(f.learning_sd, all.learning_sd)),
           num(money(f.cost))});
  }
  const std::string x_title = tr("% of the default's");
  ordered_json spec = base_spec(values);
  spec["height"] = kOptimisePlans * 2 * 16 + kOptimisePlans * 10;
  spec["mark"] = {{"type", "bar"}};
  ordered_json measures = ordered_json::array({fp, gain});
  spec["encoding"] = {
      {"y", {{"field", "plan"}, {"type", "nominal"}, {"sort", plan_order()}, {"title", nullptr}}},
      {"yOffset", {{"field", "measure"}, {"type", "nominal"}, {"sort", measures}}},
      {"x",
       {{"field", "pct"},
        {"type", "quantitative"},
        {"title", x_title},
        {"scale", {{"domain", {0, 100}}}}}},
      {"color",
       {{"field", "measure"},
        {"type", "nominal"},
        {"title", nullptr},
        {"sort", measures},
        {"scale", {{"domain", measures}, {"scheme", "tableau10"}}},
        {"legend", {{"orient", "top"}}}}},
      {"tooltip", ordered_json::array({tip("plan", "nominal", tr("Plan")),
                                       tip("measure", "nominal", tr("Measure")),
                                       tip("value", "quantitative", tr("Value"), ",.0f"),
                                       tip("pct", "quantitative", x_title, ".1f")})}};
  std::string html;
  const std::string year = std::to_string(y_->year);
  page_.chart(html, id("optimise-plans"),
              trf("The optimised plan against the pro-rata cut, {0}", {year}),
              trf("The same budget ({0} {1}) spent three ways and simulated: (a) every region's "
                  "year cut pro rata (shortfall: drop, missed activities spread over everyone), "
                  "(b) whole caseloads dropped, most expensive per teacher first "
                  "(shortfall: protect_teachers), (c) the caseloads the optimiser chose. Bars "
                  "are each plan's full-protocol teachers and learning gain as a share of the "
                  "default's, which coaches every caseload with the whole year's plan.",
                  {money(y_->budget), esc(p_.currency)}),
              spec, t.html(trf("Plans compared, {0} (money in {1})", {year, p_.currency}), true));
  return html;
}

// Full-protocol teachers by region under each plan, as a shaded grid: regions by plans.
std::string OptimisePageWriter::regions() {
  ordered_json values = ordered_json::array();
  ordered_json region_order = ordered_json::array();
  const bool budgets = std::any_of(y_->regions.begin(), y_->regions.end(),
                                   [](const OptimiseRegionRow& r) { return r.budget >= 0; });
  std::vector<Cell> header{txt(tr("Region")), num(tr("Teachers")),
                           num(tr("Coached by the plan (estimate)")), num(tr("% coached"))};
  for (std::size_t k = 0; k < kOptimisePlans; ++k)
    header.push_back(num(trf("Full protocol: {0}", {esc(plan_label(k))})));
  header.push_back(num(trf("Plan's cost ({0})", {p_.currency})));
  if (budgets) header.push_back(num(trf("Regional budget ({0})", {p_.currency})));
  Table t(std::move(header));
  OptimiseRegionRow total;
  for (const OptimiseRegionRow& r : y_->regions) {
    region_order.push_back(r.region);
    std::vector<Cell> cells{
        txt(r.region), num(integer(r.teachers)), num(integer(r.teachers_coached)),
        num(share_of(static_cast<double>(r.teachers_coached), static_cast<double>(r.teachers)))};
    for (std::size_t k = 0; k < kOptimisePlans; ++k) {
      const double share = r.teachers > 0 ? 100.0 * static_cast<double>(r.full_protocol[k]) /
                                                static_cast<double>(r.teachers)
                                          : 0.0;
      values.push_back({{"region", r.region},
                        {"plan", plan_label(k)},
                        {"pct", share},
                        {"teachers", r.full_protocol[k]}});
      cells.push_back(
          num(integer(r.full_protocol[k]) + " (" +
              share_of(static_cast<double>(r.full_protocol[k]), static_cast<double>(r.teachers)) +
              ")"));
      total.full_protocol[k] += r.full_protocol[k];
    }
    cells.push_back(num(money(r.plan_cost)));
    if (budgets) cells.push_back(num(r.budget >= 0 ? money(r.budget) : "\u2014"));
    t.row(std::move(cells));
    total.teachers += r.teachers;
    total.teachers_coached += r.teachers_coached;
    total.plan_cost += r.plan_cost;
  }
  std::vector<Cell> cells{txt(tr("All regions")), num(integer(total.teachers)),
                          num(integer(total.teachers_coached)),
                          num(share_of(static_cast<double>(total.teachers_coached),
                                       static_cast<double>(total.teachers)))};
  for (std::size_t k = 0; k < kOptimisePlans; ++k)
    cells.push_back(num(
        integer(total.full_protocol[k]) + " (" +
        share_of(static_cast<double>(total.full_protocol[k]), static_cast<double>(total.teachers)) +
        ")"));
  cells.push_back(num(money(total.plan_cost)));
  if (budgets) cells.push_back(num(""));
  t.row(std::move(cells), true);

  const std::string what = tr("Full-protocol teachers (%)");
  ordered_json cells_layer;
  cells_layer["mark"] = {{"type", "rect"}, {"stroke", "#fff"}};
  cells_layer["encoding"]["color"] = {{"field", "pct"},
                                      {"type", "quantitative"},
                                      {"title", what},
                                      {"scale", {{"domain", {0, 100}}, {"scheme", "blues"}}},
                                      {"legend", {{"orient", "top"}}}};
  cells_layer["encoding"]["tooltip"] = ordered_json::array(
      {tip("region", "nominal", tr("Region")), tip("plan", "nominal", tr("Plan")),
       tip("teachers", "quantitative", tr("Full-protocol teachers"), ",.0f"),
       tip("pct", "quantitative", what, ".1f")});
  ordered_json labels;
  labels["mark"] = {{"type", "text"}, {"fontSize", 11}};
  labels["encoding"]["text"] = {{"field", "pct"}, {"type", "quantitative"}, {"format", ".0f"}};
  // Dark text on light cells, white on dark ones.
  labels["encoding"]["color"] = {{"condition", {{"test", "datum.pct > 60"}, {"value", "#fff"}}},
                                 {"value", "#222"}};
  ordered_json spec = base_spec(values);
  spec["height"] = 22 * std::max<std::size_t>(1, y_->regions.size());
  spec["encoding"] = {
      {"x",
       {{"field", "plan"},
        {"type", "nominal"},
        {"sort", plan_order()},
        {"title", nullptr},
        {"axis", {{"orient", "top"}, {"labelAngle", 0}}}}},
      {"y",
       {{"field", "region"}, {"type", "nominal"}, {"sort", region_order}, {"title", nullptr}}}};
  spec["layer"] = ordered_json::array({cells_layer, labels});
  std::string html;
  const std::string year = std::to_string(y_->year);
  page_.chart(
      html, id("optimise-regions"), trf("Full protocol by region and plan, {0}", {year}),
      trf("Each cell is the share of a region's teachers who received every visit of "
          "their protocol in {0} under a plan (darker: more). The table adds the "
          "teachers the optimised plan coaches (the optimiser's estimate) and its "
          "simulated cost in each region.",
          {year}),
      spec, t.html(trf("Full protocol by region, {0} (money in {1})", {year, p_.currency}), true));
  return html;
}

// What each extra million buys: simulated full-protocol teachers (and the optimiser's estimate
// of teachers coached) against the budget, the default plan and the pro-rata cut marked.
std::string OptimisePageWriter::frontier() {
  const std::string x_title = trf("Budget ({0})", {p_.currency});
  const std::string simulated = tr("Full-protocol teachers (simulated)");
  const std::string estimate = tr("Teachers coached (estimate)");
  ordered_json values = ordered_json::array();
  ordered_json marks = ordered_json::array();
  Table t({num(tr("Budget % of plan")), num(trf("Budget ({0})", {p_.currency})),
           num(tr("Teachers coached (estimate)")), num(trf("Simulated cost ({0})", {p_.currency})),
           num(tr("Full-protocol teachers")), num(tr("Learning gain (student-SD)")),
           num(trf("Extra full-protocol teachers per extra million {0}", {p_.currency})),
           txt(tr("Marker"))});
  const OptimiseFrontierRow* previous = nullptr;
  for (const OptimiseFrontierRow& r : y_->frontier) {
    std::string marker;
    if (r.marker == "default")
      marker = tr("default plan");
    else if (r.marker == "pro_rata_cut")
      marker = tr("pro-rata cut");
    else if (r.marker == "infeasible")
      marker = tr("infeasible");
    if (!r.feasible) {
      t.row({num(fixed(r.budget_pct, 1) + "%"), num(money(r.budget)), num("\u2014"), num("\u2014"),
             num("\u2014"), num("\u2014"), num("\u2014"), txt(marker)});
      continue;
    }
    const double budget = currency_units(r.budget);
    std::string per_million = "\u2014";
    if (r.marker.empty()) {
      values.push_back({{"budget", budget},
                        {"pct", r.budget_pct},
                        {"series", simulated},
                        {"teachers", r.full_protocol}});
      values.push_back({{"budget", budget},
                        {"pct", r.budget_pct},
                        {"series", estimate},
                        {"teachers", r.teachers_estimate}});
      if (previous != nullptr && r.budget > previous->budget)
        per_million = fixed(static_cast<double>(r.full_protocol - previous->full_protocol) /
                                (budget - currency_units(previous->budget)) * 1e6,
                            1);
      previous = &r;
    } else {
      marks.push_back({{"budget", budget},
                       {"teachers", r.full_protocol},
                       {"label", marker},
                       {"below", r.marker == "pro_rata_cut"}});
    }
    t.row({num(fixed(r.budget_pct, 1) + "%"), num(money(r.budget)),
           num(r.teachers_estimate >= 0 ? integer(r.teachers_estimate) : "\u2014"),
           num(money(r.simulated_cost)), num(integer(r.full_protocol)),
           num(integer(std::llround(r.learning_sd))), num(per_million), txt(marker)});
  }
  const OptimisePlanFigures& opt =
      y_->plans[static_cast<std::size_t>(OptimisePlanKind::kOptimised)];
  marks.push_back({{"budget", currency_units(y_->budget)},
                   {"teachers", opt.full_protocol},
                   {"label", tr("this plan")},
                   {"below", false}});

  const std::string y_title = tr("Teachers");
  ordered_json lines;
  lines["mark"] = {{"type", "line"}, {"point", true}};
  lines["encoding"] = {
      {"x", money_axis_field("budget", x_title)},
      {"y", field("teachers", "quantitative", y_title)},
      {"color",
       {{"field", "series"},
        {"type", "nominal"},
        {"title", nullptr},
        {"scale", {{"domain", {simulated, estimate}}, {"range", {"#1f77b4", "#aaaaaa"}}}},
        {"legend", {{"orient", "top"}, {"labelLimit", 400}}}}},
      {"strokeDash",
       {{"field", "series"},
        {"type", "nominal"},
        {"title", nullptr},
        {"scale", {{"domain", {simulated, estimate}}, {"range", {{1, 0}, {4, 3}}}}}}},
      {"tooltip", ordered_json::array({tip("series", "nominal", tr("Series")),
                                       tip("pct", "quantitative", tr("Budget % of plan"), ".1f"),
                                       tip("budget", "quantitative", x_title, ",.2f"),
                                       tip("teachers", "quantitative", y_title, ",.0f")})}};
  ordered_json points;
  points["data"] = {{"values", marks}};
  points["mark"] = {{"type", "point"},
                    {"shape", "diamond"},
                    {"size", 140},
                    {"filled", true},
                    {"color", "#c0392b"}};
  points["encoding"] = {
      {"x", money_axis_field("budget", x_title)},
      {"y", field("teachers", "quantitative", y_title)},
      {"tooltip", ordered_json::array({tip("label", "nominal", tr("Marker")),
                                       tip("budget", "quantitative", x_title, ",.2f"),
                                       tip("teachers", "quantitative", y_title, ",.0f")})}};
  // The pro-rata cut's label goes under its diamond, the others' above, so that this plan's
  // and the cut's (at the same budget) do not overlap.
  auto labels = [&](bool below) {
    ordered_json layer;
    layer["data"] = {{"values", marks}};
    layer["transform"] =
        ordered_json::array({{{"filter", below ? "datum.below" : "!datum.below"}}});
    layer["mark"] = {
        {"type", "text"}, {"dy", below ? 16 : -12}, {"align", "center"}, {"color", "#c0392b"}};
    layer["encoding"] = {{"x", money_axis_field("budget", x_title)},
                         {"y", field("teachers", "quantitative", y_title)},
                         {"text", {{"field", "label"}}}};
    return layer;
  };
  ordered_json spec = base_spec(values);
  spec["height"] = 320;
  spec["layer"] = ordered_json::array({lines, points, labels(false), labels(true)});
  std::string html;
  page_.chart(
      html, id("optimise-frontier"),
      p_.years.size() > 1 ? trf("What each extra million buys, {0}", {std::to_string(y_->year)})
                          : tr("What each extra million buys"),
      trf("Each budget solved and its plan simulated: full-protocol teachers (blue) and the "
          "teachers the optimiser counts as coached (grey, its estimate), against the budget for "
          "{0}. Red diamonds mark the default plan (every caseload, the whole year's plan), the "
          "pro-rata cut at the budget given (shortfall: drop) and this plan. The table's last "
          "column is the extra full-protocol teachers per extra million over the budget above.",
          {std::to_string(y_->year)}),
      spec,
      t.html(trf("The frontier, {0} (money in {1})", {std::to_string(y_->year), p_.currency}),
             true));
  return html;
}

std::string OptimisePageWriter::page() {
  std::string sections;
  Frame frame;
  for (const OptimisePageYear& y : p_.years) {
    y_ = &y;
    sections += account();
    sections += plans();
    sections += regions();
    if (!y.frontier.empty()) sections += frontier();
    frame.contents +=
        "<li><a href=\"#" + id("section-account") + "\">" +
        (p_.years.size() > 1 ? trf("How the plan was found, {0}", {std::to_string(y.year)})
                             : tr("How the plan was found")) +
        "</a></li>";
  }
  const std::string words = objective_words(p_.objective);
  frame.meta = "<span>" + esc(p_.scenario_name) + "</span>";
  for (const OptimisePageYear& y : p_.years)
    frame.meta += "<span>" + (p_.years.size() > 1 ? std::to_string(y.year) + ": " : std::string()) +
                  trf("budget {0} {1}", {money(y.budget), esc(p_.currency)}) + "</span>";
  frame.meta += "<span>" + trf("objective: the most {0}", {esc(words)}) + "</span>";
  const OptimisePageYear& first = p_.years.front();
  if (p_.years.size() == 1) {
    const std::string year = std::to_string(first.year);
    frame.title = trf("coachsim optimise: {0}, {1}", {p_.scenario_name, year});
    frame.heading =
        trf("The most {0} for {1} {2} in {3}", {words, money(first.budget), p_.currency, year});
  } else {
    const std::string span =
        std::to_string(first.year) + "-" + std::to_string(p_.years.back().year);
    frame.title = trf("coachsim optimise: {0}, {1}", {p_.scenario_name, span});
    frame.heading =
        trf("The most {0} within each year's budget, {1}, with continuity", {words, span});
  }
  frame.footer_note = " " + tr("(coachsim optimise). Every simulated figure is a run of the "
                               "plan; estimates are the optimiser's.");
  return page_.render(frame, sections);
}

}  // namespace

std::string optimise_html(const OptimisePage& p) {
  require_available();
  return OptimisePageWriter(p).page();
}

void write_optimise_html(const OptimisePage& p, const std::string& path) {
  require_available(path);
  write_file_atomically(path, optimise_html(p));
}

}  // namespace coachsim::report
