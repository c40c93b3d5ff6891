// The HTML report of one run: one self-contained page (see html_page.hpp for the frame). Each
// chart is a Vega-Lite spec built from the results with its data inlined, rendered in the
// browser by Vega (inlined from report-assets/, see cmake/html_assets.cmake); under each chart a
// table gives the same numbers, formatted here from the exact céntimo sums, so the page reads and
// prints without scripts too.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/report/html_report.hpp"
#include "html_page.hpp"
#include "labels.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

using namespace html;

// "Mar 2021": the month's short name (translated with the context "month") and the year.
std::string month_year(unsigned month, int year) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month_name(kMonths[month - 1]) + " " + std::to_string(year);
}

// "Coach contracts": the category's id in words, capitalised; in another language its
// translation (labels.hpp), capitalised when it starts with an ASCII letter.
// A scenario's own category shows its declared label.
std::string category_label(const costs::CostTable& costs, std::size_t c) {
  const auto category = static_cast<costs::Category>(c);
  if (!costs::CostTable::is_builtin(category)) return costs.category(category).label;
  std::string s = i18n::language() == "en" ? std::string(costs.category_id(category))
                                           : report::category_label(costs, category);
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

class Report {
 public:
  explicit Report(const RunReport& r) : r_(r), cur_(r.scenario.currency) {
    const auto& national = r_.results.national;
    if (!national.empty()) {
      last_year_ = national.back().year;
      last_index_ = national.back().year_index;
    }
    std::size_t i = 0;
    for (const results::Row& row : r_.results.regions) {
      if (row.year_index != last_index_) continue;
      const std::size_t region = i++;
      last_rows_.push_back(&row);
      excluded_.push_back(region < r_.scenario.regions.size() &&
                          r_.scenario.regions[region].exclude_from_statistics);
    }
    for (const results::Spread& s : r_.results.variance)
      if (s.year == last_year_ && s.metric == "cost_per_teacher") cpt_spread_ = &s;
  }

  std::string page();

 private:
  static bool active(const results::Row& row) {
    return row.tally.teachers > 0 && row.tally.coaches > 0;
  }
  std::string with_cur(std::string_view what) const {
    return std::string(what) + " (" + cur_ + ")";
  }
  std::string inactive_note() const;
  void chart(std::string& html, std::string_view id, const std::string& title,
             const std::string& caption, ordered_json spec, const std::string& table,
             bool wide = false) {
    page_.chart(html, id, title, caption, std::move(spec), table, wide);
  }

  std::string summary();
  std::string cost_per_teacher();
  std::string caseload();
  std::string categories();
  std::string monthly();
  std::string execution();
  std::string coverage();
  std::string cost_over_years();
  std::string growth();
  std::string region_year_chart(std::string_view id, const std::string& title,
                                const std::string& caption, const std::string& x_title,
                                std::int64_t (*value)(const results::Row&));

  const RunReport& r_;
  std::string cur_;
  int last_year_ = 0;
  std::size_t last_index_ = 0;
  std::vector<const results::Row*> last_rows_;  // the last year's rows, scenario order
  std::vector<bool> excluded_;                  // excluded from the spread, same order
  const results::Spread* cpt_spread_ = nullptr;
  Page page_;
};

// The x axis of the charts by month: one tick a month, "Mar 2021".
ordered_json month_axis() {
  ordered_json x = field("date", "temporal", "");
  x["timeUnit"] = "utcyearmonth";
  x["title"] = nullptr;
  x["axis"] = {{"format", "%b %Y"}, {"labelAngle", -45}, {"labelOverlap", true}};
  return x;
}

std::string Report::inactive_note() const {
  std::string names;
  for (const results::Row* row : last_rows_) {
    if (active(*row)) continue;
    names += (names.empty() ? "" : ", ") + row->region;
  }
  if (names.empty()) return "";
  return "<p class=\"note\">" +
         trf("Not shown: regions without teachers or coaches in {0} ({1}).",
             {std::to_string(last_year_), esc(names)}) +
         "</p>\n";
}

std::string Report::summary() {
  Table t({txt(tr("School year")), num(tr("Schools")), num(tr("Teachers")), num(tr("Coaches")),
           num(tr("Teachers per coach")), num(esc(with_cur(tr("Cost")))),
           num(esc(with_cur(tr("Cost per teacher")))), num(tr("Compliance")), num(tr("Coverage")),
           num(tr("Full protocol"))});
  bool outside = false;
  for (const results::Row& n : r_.results.national) {
    t.row({txt(std::to_string(n.year)), num(integer(n.tally.schools)),
           num(integer(n.tally.teachers)), num(integer(n.tally.coaches)),
           num(fixed(n.teachers_per_coach, 1)), num(money(n.cost_total)),
           num(money(n.cost_per_teacher)), num(pct(n.compliance_pct)), num(pct(n.coverage_pct)),
           num(pct(n.full_protocol_pct))});
    outside = outside || n.cost_outside_regions != 0;
  }
  std::string html = "<section id=\"section-summary\">\n<h2>" + tr("National summary") + "</h2>\n";
  html += "<p class=\"caption\">" +
          trf("Total cost of the run, all school years: <strong>{0}</strong>.",
              {esc(cur_) + " " + money(r_.results.grand_total)});
  if (outside)
    html += " " + tr("National costs include spending executed outside the regions "
                     "(the scenario's central costs).");
  html += " " +
          tr("<em>Compliance</em> = teacher-visits done / planned; <em>coverage</em> = teachers "
             "with at least one visit / teachers; <em>full protocol</em> = teachers who received "
             "every visit of their protocol / teachers.") +
          "</p>\n";
  html += t.html(tr("National figures by school year"));
  html += "</section>\n";
  return html;
}

std::string Report::cost_per_teacher() {
  const results::Spread* s = cpt_spread_;
  const double mean = s != nullptr ? s->mean : 0.0;
  const double sd = s != nullptr ? s->sd : 0.0;
  bool any_excluded = false, any_beyond = false;
  ordered_json values = ordered_json::array();
  const std::string in_mean = tr("in the mean and SD");
  const std::string left_out = tr("left out of the mean and SD");
  const std::string beyond = tr("2 SD or more from the mean");
  for (std::size_t i = 0; i < last_rows_.size(); ++i) {
    const results::Row& row = *last_rows_[i];
    if (!active(row)) continue;
    const double v = currency_units(row.cost_per_teacher);
    const bool far = !excluded_[i] && sd > 0 && std::abs(v - mean) >= 2 * sd;
    any_excluded = any_excluded || excluded_[i];
    any_beyond = any_beyond || far;
    values.push_back({{"region", row.region},
                      {"cost_per_teacher", v},
                      {"teachers", row.tally.teachers},
                      {"group", excluded_[i] ? left_out
                                : far        ? beyond
                                             : in_mean}});
  }
  const std::string x_title = with_cur(tr("Cost per teacher"));

  ordered_json bars = region_bars("cost_per_teacher", x_title);
  bars["encoding"]["tooltip"] =
      ordered_json::array({tip("region", "nominal", tr("Region")),
                           tip("cost_per_teacher", "quantitative", x_title, ",.2f"),
                           tip("teachers", "quantitative", tr("Teachers"), ",")});
  // Regions 2 SD or more from the mean in red, those left out of the statistics in grey.
  if (any_excluded || any_beyond) {
    ordered_json domain = ordered_json::array({in_mean}), range = ordered_json::array({"#4c78a8"});
    if (any_beyond) domain.push_back(beyond), range.push_back("#c0392b");
    if (any_excluded) domain.push_back(left_out), range.push_back("#bab0ac");
    bars["encoding"]["color"] = {{"field", "group"},
                                 {"type", "nominal"},
                                 {"title", nullptr},
                                 {"scale", {{"domain", domain}, {"range", range}}},
                                 {"legend", {{"orient", "bottom"}}}};
  } else {
    bars["mark"]["color"] = "#4c78a8";
  }
  const MeanSd spread{mean, sd, s != nullptr ? s->n : 0};
  ordered_json spec =
      mean_sd_chart(std::move(values), s != nullptr ? &spread : nullptr, std::move(bars), x_title);

  Table t({txt(tr("Region")), num(tr("Teachers")), num(tr("Coaches")),
           num(esc(with_cur(tr("Cost")))), num(esc(x_title)),
           num(tr("Distance from the mean (SD)"))});
  for (std::size_t i = 0; i < last_rows_.size(); ++i) {
    const results::Row& row = *last_rows_[i];
    if (!active(row)) continue;
    const double v = currency_units(row.cost_per_teacher);
    std::string z = "\u2014";
    if (s != nullptr && sd > 0) {
      const double d = (v - mean) / sd;
      z = (d >= 0 ? "+" : "\u2212") + fixed(std::abs(d), 2);
    }
    t.row({txt(row.region + (excluded_[i] ? " *" : "")), num(integer(row.tally.teachers)),
           num(integer(row.tally.coaches)), num(money(row.cost_total)),
           num(money(row.cost_per_teacher)), num(z)});
  }
  std::string caption = trf("Each region's total cost divided by its teachers, school year {0}.",
                            {std::to_string(last_year_)});
  if (s != nullptr) {
    t.row({txt(trf("Mean ({0} regions)", {std::to_string(s->n)})), num(""), num(""), num(""),
           num(money_units(mean)), num("")},
          true);
    t.row({txt(tr("Standard deviation")), num(""), num(""), num(""), num(money_units(sd)), num("")},
          true);
    t.row(
        {txt(tr("Mean \u2212 2 SD to mean + 2 SD")), num(""), num(""), num(""),
         num(trf("{0} to {1}", {money_units(mean - 2 * sd), money_units(mean + 2 * sd)})), num("")},
        true);
    caption += mean_sd_caption(spread);
    caption +=
        trf(". Range: min {0} ({1}), max {2} ({3}).",
            {money_units(s->min), esc(s->min_region), money_units(s->max), esc(s->max_region)});
  }
  if (any_beyond) caption += " " + tr("Red bars: regions 2 SD or more from the mean.");
  if (any_excluded) caption += " " + tr("* left out of the mean and SD by the scenario.");
  std::string html;
  const std::string title = trf("Cost per teacher by region, {0}", {std::to_string(last_year_)});
  chart(html, "cost-per-teacher", title, caption + inactive_note(), spec, t.html(title));
  return html;
}

std::string Report::caseload() {
  ordered_json values = ordered_json::array();
  std::vector<double> xs;
  std::vector<ScatterPoint> placed;
  Table t({txt(tr("Region")), num(tr("Teachers")), num(tr("Coaches")),
           num(tr("Teachers per coach")), num(esc(with_cur(tr("Cost per teacher"))))});
  // How far each region stands from the others on either axis, in SDs of the regions shown:
  // the most unusual get their names first.
  std::vector<const results::Row*> shown;
  for (const results::Row* row : last_rows_)
    if (active(*row)) shown.push_back(row);
  auto z_of = [&](auto get) {
    double mean = 0, ss = 0;
    for (const results::Row* row : shown) mean += get(*row);
    mean /= std::max<std::size_t>(1, shown.size());
    for (const results::Row* row : shown) ss += (get(*row) - mean) * (get(*row) - mean);
    const double sd = shown.size() > 1 ? std::sqrt(ss / static_cast<double>(shown.size() - 1)) : 0;
    std::vector<double> z;
    for (const results::Row* row : shown) z.push_back(sd > 0 ? (get(*row) - mean) / sd : 0.0);
    return z;
  };
  const std::vector<double> zx = z_of([](const results::Row& r) { return r.teachers_per_coach; });
  const std::vector<double> zy =
      z_of([](const results::Row& r) { return currency_units(r.cost_per_teacher); });
  for (std::size_t i = 0; i < shown.size(); ++i)
    placed.push_back({shown[i]->teachers_per_coach, currency_units(shown[i]->cost_per_teacher),
                      std::max(std::abs(zx[i]), std::abs(zy[i])), shown[i]->region});
  const std::vector<std::string> sides = place_scatter_labels(placed);
  const std::string beyond = tr("beyond \u00b12 SD"), within = tr("within \u00b12 SD");
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const results::Row* row = shown[i];
    const bool out = std::abs(zy[i]) >= 2.0 || std::abs(zx[i]) >= 2.0;
    values.push_back({{"region", row->region},
                      {"teachers_per_coach", row->teachers_per_coach},
                      {"cost_per_teacher", currency_units(row->cost_per_teacher)},
                      {"teachers", row->tally.teachers},
                      {"coaches", row->tally.coaches},
                      {"spread", out ? beyond : within},
                      {"label_side", sides[i]}});
    xs.push_back(row->teachers_per_coach);
    t.row({txt(row->region + (out ? " \u2020" : "")), num(integer(row->tally.teachers)),
           num(integer(row->tally.coaches)), num(fixed(row->teachers_per_coach, 2)),
           num(money(row->cost_per_teacher))});
  }
  const std::string y_title = with_cur(tr("Cost per teacher"));
  ordered_json x = field("teachers_per_coach", "quantitative", tr("Teachers per coach"));
  x["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json y = money_axis_field("cost_per_teacher", y_title);
  y["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json layers = ordered_json::array();
  ordered_json points;
  points["mark"] = {{"type", "point"}, {"filled", true}, {"size", 70}, {"opacity", 0.9}};
  points["encoding"] = {
      {"x", x},
      {"y", y},
      {"color",
       {{"field", "spread"},
        {"type", "nominal"},
        {"title", nullptr},
        {"scale", {{"domain", {within, beyond}}, {"range", {"#4c78a8", "#c0392b"}}}},
        {"legend", {{"orient", "top"}}}}},
      {"tooltip", ordered_json::array(
                      {tip("region", "nominal", tr("Region")),
                       tip("teachers_per_coach", "quantitative", tr("Teachers per coach"), ".2f"),
                       tip("cost_per_teacher", "quantitative", y_title, ",.2f"),
                       tip("teachers", "quantitative", tr("Teachers"), ","),
                       tip("coaches", "quantitative", tr("Coaches"), ",")})}};
  layers.push_back(points);
  add_scatter_labels(layers, x, y);
  // A least-squares line, only where it means something: three points, two distinct x.
  bool spread_x = false;
  for (double v : xs) spread_x = spread_x || v != xs.front();
  const bool fit = xs.size() >= 3 && spread_x;
  if (fit) {
    ordered_json line;
    line["transform"] = {{{"regression", "cost_per_teacher"}, {"on", "teachers_per_coach"}}};
    line["mark"] = {{"type", "line"}, {"color", "#888"}, {"strokeDash", {6, 4}}};
    ordered_json x_mid = x;
    x_mid["bandPosition"] = 0.5;  // the middle of the month, over its bar
    line["encoding"] = {{"x", x_mid}, {"y", y}};
    layers.push_back(line);
  }
  ordered_json spec = base_spec(values);
  spec["height"] = 380;
  spec["layer"] = layers;
  const std::string year = std::to_string(last_year_);
  std::string caption =
      trf("One point per region, school year {0}: what a teacher costs against how many "
          "teachers each coach serves (the layout of Semp\u00e9 2015, figure 6).",
          {year});
  if (fit) caption += " " + tr("The dashed line is a least-squares fit across the points.");
  caption += " " + tr("Red points († in the table) lie 2 SD or more from the regions' mean on "
                      "either axis. The most unusual regions are named where the name fits; "
                      "hover over a point for the others, or read the table.");
  std::string html;
  chart(html, "cost-vs-caseload", trf("Cost per teacher against teachers per coach, {0}", {year}),
        caption + inactive_note(), spec,
        t.html(trf("Cost per teacher and teachers per coach by region, {0}", {year})));
  return html;
}

std::string Report::categories() {
  const costs::CostTable& costs = *r_.results.costs;
  const std::size_t kCats = costs.category_count();
  std::vector<std::string> cat_labels;
  for (std::size_t c = 0; c < kCats; ++c) cat_labels.push_back(category_label(costs, c));
  std::vector<Cell> header{txt(tr("Region"))};
  for (const std::string& l : cat_labels) header.push_back(num(esc(l)));
  header.push_back(num(tr("Total")));
  Table t(header);

  ordered_json values = ordered_json::array();
  ordered_json region_order = ordered_json::array();
  std::vector<std::int64_t> outside(kCats, 0);
  const results::Row* nation = nullptr;
  for (const results::Row& n : r_.results.national)
    if (n.year_index == last_index_) nation = &n;
  if (nation != nullptr) outside = nation->cost_by_category;

  auto add = [&](const std::string& region, const std::vector<std::int64_t>& by_category,
                 std::int64_t total) {
    std::vector<Cell> cells{txt(region)};
    bool any = false;
    for (std::size_t c = 0; c < kCats; ++c) {
      const std::int64_t v = by_category[c];
      cells.push_back(num(money(v)));
      if (v == 0) continue;
      any = true;
      values.push_back({{"region", region},
                        {"category_index", c},
                        {"category", cat_labels[c]},
                        {"cost", currency_units(v)}});
    }
    cells.push_back(num(money(total)));
    t.row(cells);
    if (any) region_order.push_back(region);
  };
  for (const results::Row* row : last_rows_) {
    add(row->region, row->cost_by_category, row->cost_total);
    for (std::size_t c = 0; c < kCats; ++c) outside[c] -= row->cost_by_category[c];
  }
  std::int64_t outside_total = 0;
  for (std::int64_t v : outside) outside_total += v;
  if (nation != nullptr && nation->cost_outside_regions != 0)
    add(region_label(kOutsideRegions), outside, outside_total);
  if (nation != nullptr) {
    std::vector<Cell> cells{txt(tr("National"))};
    for (std::int64_t v : nation->cost_by_category) cells.push_back(num(money(v)));
    cells.push_back(num(money(nation->cost_total)));
    t.row(cells, true);
  }

  // One bar per region, split by category: the nine built-in ledger categories take nine colours
  // of one categorical palette (at most ten), the same in every run; a scenario's own categories
  // (cost_categories:) follow them, and past the tenth the palette's colours repeat.
  const std::size_t n = region_order.size();
  ordered_json color = field("category", "nominal", tr("Category"));
  color["sort"] = cat_labels;
  color["scale"] = {{"domain", cat_labels}, {"scheme", "tableau10"}};
  // A fixed number of legend columns that fits the printed page too: a legend that changed
  // height when the page is printed could be cut off.
  color["legend"] = {
      {"orient", "top"}, {"columns", 3}, {"symbolLimit", 0}, {"labelLimit", 0}, {"title", nullptr}};
  ordered_json spec = base_spec(values);
  spec["height"] = 20 * std::max<std::size_t>(1, n);
  spec["mark"] = {{"type", "bar"}, {"height", {{"band", 0.8}}}};
  const std::string x_title = with_cur(tr("Cost"));
  spec["encoding"] = {
      {"y", {{"field", "region"}, {"type", "nominal"}, {"sort", region_order}, {"title", nullptr}}},
      {"x", money_axis_field("cost", x_title)},
      {"color", color},
      {"order", {{"field", "category_index"}, {"type", "quantitative"}}},
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("category", "nominal", tr("Category")),
                                       tip("cost", "quantitative", x_title, ",.2f")})}};
  const std::string year = std::to_string(last_year_);
  std::string caption =
      trf("What the programme spent on, school year {0}: a bar per region (in scenario order), "
          "split by cost category. Every figure is a sum of ledger entries; the table lists the "
          "same sums.",
          {year});
  const std::string title = trf("Cost by region and category, {0}", {year});
  std::string html;
  chart(html, "cost-by-category", title, caption, spec, t.html(with_cur(title), true), true);
  return html;
}

std::string Report::monthly() {
  ordered_json values = ordered_json::array();
  std::vector<std::pair<int, std::int64_t>> year_totals;
  for (const results::MonthCost& m : r_.results.monthly)
    if (m.region == "national" && m.month == 12) year_totals.push_back({m.year, m.cumulative});
  auto year_total = [&](int year) -> std::int64_t {
    for (const auto& [y, total] : year_totals)
      if (y == year) return total;
    return 0;
  };
  const std::string spent = with_cur(tr("Spent in the month"));
  const std::string accrued = with_cur(tr("Accrued in the school year"));
  Table t(
      {txt(tr("Month")), num(esc(spent)), num(esc(accrued)), num(tr("Share of the year's total"))});
  for (const results::MonthCost& m : r_.results.monthly) {
    if (m.region != "national") continue;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-01", m.year, m.month);
    const std::string label = month_year(m.month, m.year);
    const std::int64_t total = year_total(m.year);
    const double share =
        total == 0 ? 0.0 : 100.0 * static_cast<double>(m.cumulative) / static_cast<double>(total);
    values.push_back({{"date", date},
                      {"month", label},
                      {"year", m.year},
                      {"cost", currency_units(m.cost)},
                      {"cumulative", currency_units(m.cumulative)},
                      {"share", share}});
    t.row({txt(label), num(money(m.cost)), num(money(m.cumulative)), num(pct(share))});
  }
  ordered_json x = month_axis();
  const ordered_json tooltip = ordered_json::array(
      {tip("month", "nominal", tr("Month")), tip("cost", "quantitative", spent, ",.2f"),
       tip("cumulative", "quantitative", accrued, ",.2f"),
       tip("share", "quantitative", tr("Share of the year's total (%)"), ".1f")});
  ordered_json bars;
  bars["mark"] = {{"type", "bar"}, {"color", "#4c78a8"}, {"width", {{"band", 0.85}}}};
  ordered_json y_bar = money_axis_field("cost", spent);
  y_bar["axis"]["titleColor"] = "#4c78a8";
  bars["encoding"] = {{"x", x}, {"y", y_bar}, {"tooltip", tooltip}};
  ordered_json line;
  line["mark"] = {{"type", "line"}, {"color", "#e45756"}, {"point", {{"color", "#e45756"}}}};
  ordered_json y_line = money_axis_field("cumulative", accrued);
  y_line["axis"]["titleColor"] = "#e45756";
  y_line["axis"]["orient"] = "right";
  ordered_json x_mid = x;
  x_mid["bandPosition"] = 0.5;  // the middle of the month, over its bar
  line["encoding"] = {{"x", x_mid},
                      {"y", y_line},
                      {"detail", {{"field", "year"}, {"type", "nominal"}}},
                      {"tooltip", tooltip}};
  ordered_json spec = base_spec(values);
  spec["height"] = 320;
  spec["layer"] = {bars, line};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  std::string caption =
      tr("National spending by the month it accrued (all regions and outside them): bars, left "
         "axis, are each month's spending; the line, right axis, is the total accrued since the "
         "start of the school year (the execution curve of the budget).");
  std::string html;
  chart(html, "spending-by-month", tr("Spending accrued by month"), caption, spec,
        t.html(tr("National spending by month")));
  return html;
}

// With a budget: the PpR execution curve, national, month by month: the modified budget (PIM),
// the money released to the regions and the spending accrued, cumulative within each year.
std::string Report::execution() {
  const results::Execution& ex = r_.results.execution;
  if (!ex.enabled) return "";
  const std::string pim = with_cur(tr("PIM")), released = with_cur(tr("Released")),
                    accrued = with_cur(tr("Accrued"));
  Table t({txt(tr("Month")), num(esc(pim)), num(esc(released)), num(esc(accrued)),
           num(tr("Execution (accrued / PIM)")), num(tr("Teachers reached")),
           num(tr("Physical target"))});
  ordered_json values = ordered_json::array();
  for (const results::ExecutionRow& e : ex.rows) {
    if (e.region != "national") continue;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-01", e.year, e.month);
    const std::string label = month_year(e.month, e.year);
    for (const auto& [series, amount] :
         {std::pair{pim, e.pim}, std::pair{released, e.released}, std::pair{accrued, e.accrued}})
      values.push_back({{"date", date},
                        {"month", label},
                        {"year", e.year},
                        {"series", series},
                        {"amount", currency_units(amount)}});
    t.row({txt(label), num(money(e.pim)), num(money(e.released)), num(money(e.accrued)),
           num(pct(e.execution_pct)), num(integer(e.teachers_reached)),
           num(integer(e.physical_target))});
  }
  ordered_json x = month_axis();
  ordered_json color = field("series", "nominal", "");
  color["title"] = nullptr;
  color["scale"] = {{"domain", {pim, released, accrued}},
                    {"range", {"#54a24b", "#4c78a8", "#e45756"}}};
  // The PIM is drawn last, dashed and thicker, so that it stays visible where the money released
  // equals it (a quarter's release up to the PIM lies on the same line).
  ordered_json spec = base_spec(values);
  spec["height"] = 320;
  ordered_json encoding = {
      {"x", x},
      {"y", money_axis_field("amount", with_cur(tr("Cumulative in the school year")))},
      {"color", color},
      {"detail", {{"field", "year"}, {"type", "nominal"}}},
      {"tooltip", ordered_json::array({tip("month", "nominal", tr("Month")),
                                       tip("series", "nominal", tr("Series")),
                                       tip("amount", "quantitative", cur_, ",.2f")})}};
  ordered_json flows;
  flows["transform"] = {{{"filter", {{"field", "series"}, {"oneOf", {released, accrued}}}}}};
  flows["mark"] = {{"type", "line"}, {"point", true}};
  flows["encoding"] = encoding;
  ordered_json ceiling;
  ceiling["transform"] = {{{"filter", {{"field", "series"}, {"equal", pim}}}}};
  ceiling["mark"] = {{"type", "line"}, {"strokeDash", {7, 4}}, {"strokeWidth", 2.5}};
  ceiling["encoding"] = encoding;
  spec["layer"] = {flows, ceiling};
  const std::string caption =
      tr("Budget execution as a PpR programme reports it, national: the modified budget (PIM, "
         "dashed, after cuts and top-ups), the money released to the regions (tranches and "
         "results-based "
         "releases) and the spending accrued (the ledger), each cumulative within its school "
         "year. The table adds the physical side: teachers reached so far against the teachers "
         "planned.");
  std::string html;
  chart(html, "budget-execution", tr("Budget execution: PIM, released and accrued"), caption, spec,
        t.html(tr("National budget execution by month")));
  return html;
}

std::string Report::coverage() {
  const results::Row* nation = nullptr;
  for (const results::Row& n : r_.results.national)
    if (n.year_index == last_index_) nation = &n;
  ordered_json values = ordered_json::array();
  ordered_json order = ordered_json::array();
  Table t({txt(tr("Region")), num(tr("Teacher-visits planned")), num(tr("Done")),
           num(tr("Compliance")), num(tr("Teachers")), num(tr("Reached")), num(tr("Coverage")),
           num(tr("Full protocol"))});
  const std::string compliance = tr("Compliance"), coverage = tr("Coverage");
  auto add = [&](const results::Row& row, const std::string& name, bool total) {
    order.push_back(name);
    values.push_back({{"region", name}, {"measure", compliance}, {"pct", row.compliance_pct}});
    values.push_back({{"region", name}, {"measure", coverage}, {"pct", row.coverage_pct}});
    t.row({txt(name), num(integer(row.tally.visits_planned)), num(integer(row.tally.visits_done)),
           num(pct(row.compliance_pct)), num(integer(row.tally.teachers)),
           num(integer(row.tally.teachers_reached)), num(pct(row.coverage_pct)),
           num(pct(row.full_protocol_pct))},
          total);
  };
  for (const results::Row* row : last_rows_)
    if (active(*row)) add(*row, row->region, false);
  if (nation != nullptr) add(*nation, tr("National"), true);

  // A dot per measure and region, with a faint line for the shortfall from the target. Dots,
  // not bars: the values cluster near 100%, so the axis starts at the tens below the lowest.
  double lowest = 100.0;
  for (const auto& v : values) lowest = std::min(lowest, v["pct"].get<double>());
  const double axis_from = std::min(90.0, std::max(0.0, std::floor(lowest / 10.0) * 10.0));
  const ordered_json y = {
      {"field", "region"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  ordered_json ticks = ordered_json::array();  // ten steps, whole percents
  for (int k = 0; k <= 10; ++k) ticks.push_back(axis_from + (100.0 - axis_from) * k / 10.0);
  const ordered_json y_offset = {{"field", "measure"}, {"type", "nominal"}};
  const ordered_json x = {
      {"field", "pct"},
      {"type", "quantitative"},
      {"title", tr("Percent")},
      {"scale", {{"domain", {axis_from, 100}}, {"nice", false}, {"padding", 8}}},
      {"axis", {{"format", ".0f"}, {"values", ticks}}}};
  const ordered_json color = {
      {"field", "measure"},
      {"type", "nominal"},
      {"title", nullptr},
      {"scale", {{"domain", {compliance, coverage}}, {"range", {"#4c78a8", "#f58518"}}}},
      {"legend", {{"orient", "top"}, {"symbolOpacity", 1}}}};
  ordered_json gap_color = color;
  gap_color["legend"] = nullptr;  // the dots' legend says it
  ordered_json gap;
  gap["mark"] = {{"type", "rule"}, {"strokeWidth", 2}, {"opacity", 0.35}};
  gap["encoding"] = {
      {"y", y}, {"yOffset", y_offset}, {"x", x}, {"x2", {{"datum", 100}}}, {"color", color}};
  ordered_json dots;
  dots["mark"] = {{"type", "point"}, {"filled", true}, {"size", 60}, {"opacity", 1}};
  dots["encoding"] = {
      {"y", y},
      {"yOffset", y_offset},
      {"x", x},
      {"color", color},
      {"shape",
       {{"field", "measure"},
        {"type", "nominal"},
        {"title", nullptr},
        {"scale", {{"domain", {compliance, coverage}}, {"range", {"circle", "diamond"}}}},
        {"legend", {{"orient", "top"}, {"symbolOpacity", 1}}}}},
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("measure", "nominal", tr("Measure")),
                                       tip("pct", "quantitative", tr("Percent"), ".1f")})}};
  ordered_json target;
  target["data"] = {{"values", ordered_json::array({{{"x", 100}, {"label", tr("target 100%")}}})}};
  target["mark"] = {
      {"type", "rule"}, {"color", "#c0392b"}, {"strokeDash", {4, 3}}, {"strokeWidth", 1.5}};
  target["encoding"] = {
      {"x", {{"field", "x"}, {"type", "quantitative"}, {"title", tr("Percent")}}}};
  ordered_json target_label = target;
  target_label["mark"] = {{"type", "text"},   {"y", -4},        {"baseline", "bottom"},
                          {"align", "right"}, {"fontSize", 11}, {"color", "#c0392b"}};
  target_label["encoding"]["text"] = {{"field", "label"}};
  ordered_json spec = base_spec(values);
  spec["height"] = 24 * std::max<std::size_t>(1, order.size());
  spec["layer"] = {gap, dots, target, target_label};
  const std::string year = std::to_string(last_year_);
  std::string caption =
      trf("School year {0}, against the protocol's target of 100%: <em>compliance</em> is "
          "teacher-visits done / planned, <em>coverage</em> teachers with at least one visit / "
          "teachers. Each dot is a value and the faint line its shortfall from 100%; the axis "
          "starts at {1}%. The table adds <em>full protocol</em>, teachers who received every "
          "visit of their protocol.",
          {year, fixed(axis_from, 0)});
  const std::string title = trf("Compliance and coverage by region, {0}", {year});
  std::string html;
  chart(html, "compliance-coverage", title, caption + inactive_note(), spec, t.html(title));
  return html;
}

// Cost per teacher by school year: a thin grey line per region and the national figure in red on
// top, so the reader sees the national trend and how far the regions stray from it. Nothing with
// a single school year.
std::string Report::cost_over_years() {
  const auto& national = r_.results.national;
  if (national.size() < 2) return "";
  const std::string region_series = tr("A region"), national_series = tr("National");
  const std::string y_title = with_cur(tr("Cost per teacher"));
  ordered_json values = ordered_json::array();
  std::vector<Cell> header{txt(tr("Region"))};
  for (const results::Row& n : national) header.push_back(num(std::to_string(n.year)));
  Table t(header);
  const std::size_t years = national.size();
  const std::size_t regions = years == 0 ? 0 : r_.results.regions.size() / years;
  for (std::size_t g = 0; g < regions; ++g) {
    std::vector<Cell> cells;
    for (std::size_t y = 0; y < years; ++y) {
      const results::Row& row = r_.results.regions[y * regions + g];
      if (cells.empty()) cells.push_back(txt(row.region));
      if (!active(row)) {
        cells.push_back(num("\u2014"));
        continue;
      }
      cells.push_back(num(money(row.cost_per_teacher)));
      values.push_back({{"region", row.region},
                        {"series", region_series},
                        {"year", std::to_string(row.year)},
                        {"cost_per_teacher", currency_units(row.cost_per_teacher)}});
    }
    t.row(cells);
  }
  std::vector<Cell> total{txt(national_series)};
  for (const results::Row& n : national) {
    total.push_back(num(money(n.cost_per_teacher)));
    values.push_back({{"region", national_series},
                      {"series", national_series},
                      {"year", std::to_string(n.year)},
                      {"cost_per_teacher", currency_units(n.cost_per_teacher)}});
  }
  t.row(total, true);
  ordered_json x = field("year", "ordinal", tr("School year"));
  x["axis"] = {{"labelAngle", 0}};
  ordered_json y = money_axis_field("cost_per_teacher", y_title);
  y["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json color = {
      {"field", "series"},
      {"type", "nominal"},
      {"title", nullptr},
      {"scale", {{"domain", {region_series, national_series}}, {"range", {"#b8b8b8", "#c0392b"}}}},
      {"legend", {{"orient", "top"}}}};
  const ordered_json tooltip = ordered_json::array(
      {tip("region", "nominal", tr("Region")), tip("year", "nominal", tr("School year")),
       tip("cost_per_teacher", "quantitative", y_title, ",.2f")});
  ordered_json lines;
  lines["transform"] = {{{"filter", {{"field", "series"}, {"equal", region_series}}}}};
  lines["mark"] = {{"type", "line"}, {"strokeWidth", 1}, {"point", {{"size", 12}}}};
  lines["encoding"] = {{"x", x},
                       {"y", y},
                       {"color", color},
                       {"detail", {{"field", "region"}, {"type", "nominal"}}},
                       {"tooltip", tooltip}};
  ordered_json nation = lines;
  nation["transform"] = {{{"filter", {{"field", "series"}, {"equal", national_series}}}}};
  nation["mark"] = {{"type", "line"}, {"strokeWidth", 3}, {"point", {{"size", 60}}}};
  ordered_json spec = base_spec(values);
  spec["height"] = 300;
  spec["layer"] = {lines, nation};
  const std::string caption =
      tr("Each region's cost per teacher by school year (grey, one line per region; hover over a "
         "line for its name and figure) and the national figure (red): total cost divided by "
         "teachers in the programme that year. The table gives every value; a dash is a year "
         "without teachers or coaches.");
  std::string html;
  const std::string title = tr("Cost per teacher by school year, national and by region");
  chart(html, "cost-over-years", title, caption, spec, t.html(with_cur(title), years > 4));
  return html;
}

// One value per region and school year as bars, the years side by side within a region (one
// categorical colour a year), regions in scenario order. Only regions
// with a value in some year; "" when every value is 0.
std::string Report::region_year_chart(std::string_view id, const std::string& title,
                                      const std::string& caption, const std::string& x_title,
                                      std::int64_t (*value)(const results::Row&)) {
  const std::size_t years = r_.results.national.size();
  if (years == 0) return "";
  const std::size_t regions = r_.results.regions.size() / years;
  ordered_json values = ordered_json::array();
  ordered_json order = ordered_json::array();
  for (std::size_t g = 0; g < regions; ++g) {
    bool any = false;
    for (std::size_t y = 0; y < years; ++y)
      any = any || value(r_.results.regions[y * regions + g]) != 0;
    if (!any) continue;
    order.push_back(r_.results.regions[g].region);
    for (std::size_t y = 0; y < years; ++y) {
      const results::Row& row = r_.results.regions[y * regions + g];
      values.push_back(
          {{"region", row.region}, {"year", std::to_string(row.year)}, {"value", value(row)}});
    }
  }
  if (order.empty()) return "";
  ordered_json spec = base_spec(values);
  spec["height"] = static_cast<int>(order.size() * (7 * years + 6));
  spec["mark"] = {{"type", "bar"}};
  spec["encoding"] = {
      {"y", {{"field", "region"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
      {"yOffset", {{"field", "year"}, {"type", "ordinal"}}},
      {"x",
       {{"field", "value"},
        {"type", "quantitative"},
        {"title", x_title},
        {"axis", {{"format", ",.0f"}}}}},
      {"color",
       {{"field", "year"},
        {"type", "nominal"},
        {"title", tr("School year")},
        {"scale", {{"scheme", "tableau10"}}},
        {"legend", {{"orient", "top"}}}}},
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("year", "nominal", tr("School year")),
                                       tip("value", "quantitative", x_title, ",")})}};
  std::string html;
  chart(html, id, title, caption, spec, "");
  return html;
}

// With scale_up: or coach_supply:, how the programme grows: teachers by region and year, the
// coaches hired and the teacher-visits lost while a coach's post was vacant, with one table.
std::string Report::growth() {
  const scenario::Scenario& sc = r_.scenario;
  if (!sc.scale_up.enabled && !sc.coach_supply.enabled) return "";
  Table t({txt(tr("Region")), txt(tr("School year")), num(tr("Teachers")), num(tr("Coaches")),
           num(tr("Coaches hired")), num(tr("Coaches who left")), num(tr("Replacements")),
           num(tr("Teacher-visits missed: post vacant"))});
  auto vacancy = [](const results::Row& r) {
    return r.tally.missed[static_cast<int>(programme::MissReason::kVacancy)];
  };
  for (const results::Row& row : r_.results.regions)
    t.row({txt(row.region), txt(std::to_string(row.year)), num(integer(row.tally.teachers)),
           num(integer(row.tally.coaches)), num(integer(row.tally.coaches_hired)),
           num(integer(row.tally.coaches_left)), num(integer(row.tally.coaches_replaced)),
           num(integer(vacancy(row)))});
  for (const results::Row& n : r_.results.national)
    t.row({txt(tr("National")), txt(std::to_string(n.year)), num(integer(n.tally.teachers)),
           num(integer(n.tally.coaches)), num(integer(n.tally.coaches_hired)),
           num(integer(n.tally.coaches_left)), num(integer(n.tally.coaches_replaced)),
           num(integer(vacancy(n)))},
          true);
  std::string html;
  if (sc.scale_up.enabled)
    html += region_year_chart(
        "growth-teachers", tr("Teachers in the programme by region and school year"),
        tr("The scale-up: teachers in the programme's caseloads, each school year a bar of "
           "its own colour."),
        tr("Teachers"), [](const results::Row& r) { return r.tally.teachers; });
  html += region_year_chart(
      "growth-hires", tr("Coaches hired by region and school year"),
      tr("Coach posts filled by a new hire in each school year, replacements of coaches who "
         "left included (coach_supply: limits how many a region can hire a month)."),
      tr("Coaches hired"), [](const results::Row& r) { return r.tally.coaches_hired; });
  html += region_year_chart(
      "growth-vacancies", tr("Teacher-visits missed while a coach's post was vacant"),
      tr("Teacher-visits that did not happen because the coach had left and the post was "
         "vacant, or its replacement was still in training, by region and school year."),
      tr("Teacher-visits missed"), [](const results::Row& r) {
        return r.tally.missed[static_cast<int>(programme::MissReason::kVacancy)];
      });
  if (html.empty()) return "";
  // The table once, under the last chart of the group.
  const std::size_t end = html.rfind("</section>");
  html.insert(end, t.html(tr("Growth by region and school year"), true));
  return html;
}

std::string Report::page() {
  std::string sections = summary();
  sections += cost_per_teacher();
  sections += caseload();
  sections += cost_over_years();
  sections += growth();
  sections += categories();
  sections += monthly();
  sections += execution();
  sections += coverage();

  const scenario::Scenario& sc = r_.scenario;
  std::string years;
  if (!sc.years.empty()) {
    years = std::to_string(sc.years.front().year);
    if (sc.years.size() > 1) years += "\u2013" + std::to_string(sc.years.back().year);
  }
  Frame frame;
  frame.title = trf("coachsim report: {0} (seed {1})", {sc.name, std::to_string(sc.seed)});
  frame.heading = tr("Teacher coaching: cost and reach");
  frame.meta = "<span>" + trf("Scenario <strong>{0}</strong>", {esc(sc.name)}) + "</span>";
  frame.meta += "<span>" + trf("file {0}", {esc(r_.scenario_file)}) + "</span>";
  frame.meta += "<span>" + trf("seed {0}", {std::to_string(sc.seed)}) + "</span>";
  frame.meta += "<span>" + trf("school years {0}", {years}) + "</span>";
  frame.meta += "<span>" + trf("money in {0}", {esc(sc.currency)}) + "</span>";
  frame.meta += "<span>" +
                trf("{0} simulation events", {integer(static_cast<std::int64_t>(r_.events))}) +
                "</span>";
  frame.contents = "<li><a href=\"#section-summary\">" + tr("National summary") + "</a></li>";
  frame.footer_note =
      trf(". Every money figure is a sum of ledger entries in {0}; per-unit "
          "costs are rounded once to the cent.",
          {esc(sc.currency)});
  return page_.render(frame, sections);
}

}  // namespace

std::string html_report(const RunReport& report) {
  require_available();
  return Report(report).page();
}

void write_html(const RunReport& report, const std::string& path) {
  require_available(path);
  write_file_atomically(path, html_report(report));
}

}  // namespace coachsim::report
