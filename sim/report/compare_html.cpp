// The side-by-side HTML page of `coachsim compare --html`, in the frame every coachsim page
// shares (html_page.hpp): the national table with differences, cost by category per scenario
// (grouped bars), and coverage and full-protocol % by region per scenario for the last school
// year. Under each chart a table gives the same numbers, formatted from the exact figures.
#include <algorithm>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/compare_report.hpp"
#include "coachsim/report/html_report.hpp"
#include "compare_format.hpp"
#include "html_page.hpp"
#include "labels.hpp"

namespace coachsim::report {
namespace {

using namespace html;
using compare::Comparison;
using compare::Row;
using results::MetricUnit;

std::string show(const Row& row, const std::optional<double>& v, bool diff) {
  if (!v) return "\u2014";
  std::string s;
  switch (row.unit) {
    case MetricUnit::kCentimos:
      s = money(cmp::cents(*v));
      break;
    case MetricUnit::kCount:
      s = integer(static_cast<std::int64_t>(std::llround(*v)));
      break;
    case MetricUnit::kPercent:
      s = fixed(*v, 1) + (diff ? " pp" : "%");
      break;
    case MetricUnit::kRatio:
      s = fixed(*v, 2);
      break;
  }
  return diff && *v > 0 ? "+" + s : s;
}

std::string show_pct(const std::optional<double>& p) {
  if (!p) return "\u2014";
  return (*p > 0 ? "+" : "") + fixed(*p, 2) + "%";
}

// "Coach contracts"; in another language the category's translation (labels.hpp),
// capitalised when it starts with an ASCII letter.
// A scenario's own category (not in the built-in table) shows its id.
std::string category_label(const std::string& id) {
  std::string s = i18n::language() == "en" ? id : report::category_label_of_id(id);
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A headline metric as the page names it: its label in English, its translation otherwise.
std::string headline_label(const results::MetricDef& m) {
  return i18n::language() == "en" ? std::string(m.label) : metric_label(m.id);
}

class ComparePage {
 public:
  explicit ComparePage(const Comparison& c) : c_(c) {
    for (const compare::Entry& e : c.scenarios) labels_.push_back(e.label);
    // The per-region charts show the year that changed (a 2021 cut, not the last year).
    region_year_ = c.changed_year();
  }
  std::string page();

 private:
  // The header of a table of rows by `what`: a column per scenario, then a diff and a diff %
  // column per scenario after the first.
  std::vector<Cell> header(const std::string& what) const {
    std::vector<Cell> h{txt(what)};
    for (std::size_t s = 0; s < labels_.size(); ++s) {
      h.push_back(num(esc(labels_[s])));
      if (s > 0) {
        h.push_back(num(trf("Diff {0}", {esc(labels_[s])})));
        h.push_back(num(trf("Diff % {0}", {esc(labels_[s])})));
      }
    }
    return h;
  }
  std::vector<Cell> cells(const std::string& label, const Row& row) const {
    std::vector<Cell> out{txt(label)};
    for (std::size_t s = 0; s < labels_.size(); ++s) {
      out.push_back(num(show(row, row.values[s], false)));
      if (s > 0) {
        out.push_back(num(show(row, row.diffs[s], true)));
        out.push_back(num(show_pct(row.diff_pcts[s])));
      }
    }
    return out;
  }
  ordered_json scenario_color() const {
    ordered_json color = field("scenario", "nominal", tr("Scenario"));
    ordered_json domain = ordered_json::array();
    for (const std::string& l : labels_) domain.push_back(l);
    color["sort"] = domain;
    color["scale"] = {{"domain", domain}, {"scheme", "tableau10"}};
    color["legend"] = {{"orient", "top"}};
    return color;
  }

  std::string summary();
  std::string categories();
  std::string by_region(std::string_view id, const std::string& metric, const std::string& what);

  const Comparison& c_;
  std::vector<std::string> labels_;
  int region_year_ = 0;
  Page page_;
};

std::string ComparePage::summary() {
  std::string html =
      "<section id=\"section-summary\">\n<h2>" + tr("National figures side by side") + "</h2>\n";
  html += "<p class=\"caption\">" +
          trf("Differences are each scenario's value minus the first's (<strong>{0}</strong>); "
              "<em>diff %</em> is that difference over the first's value, and the differences "
              "of percentages are in percentage points (pp). Over all school years, teachers "
              "and coaches are counted once per year (teacher-years).",
              {esc(labels_.front())}) +
          "</p>\n";
  Table scen({txt(tr("Scenario")), txt(tr("File")), txt(tr("Name")), num(tr("Seed"))});
  for (const compare::Entry& e : c_.scenarios)
    scen.row({txt(e.label), txt(e.file), txt(e.scenario_name), num(std::to_string(e.seed))});
  html += scen.html(tr("Scenarios compared"));
  std::vector<int> years{0};
  for (const Row& row : c_.rows)
    if (row.scope == "national" && row.year != 0 &&
        std::find(years.begin(), years.end(), row.year) == years.end())
      years.push_back(row.year);
  std::sort(years.begin() + 1, years.end());
  // The year that changed leads (a 2021 cut is the first table), then all years, then the rest.
  if (const auto it = std::find(years.begin(), years.end(), region_year_);
      region_year_ != 0 && it != years.end()) {
    years.erase(it);
    years.insert(years.begin(), region_year_);
  }
  for (int y : years) {
    Table t(header(tr("Metric")));
    for (const results::MetricDef* h : cmp::kHeadlines) {
      const Row* row = c_.find("national/" + cmp::year_label(y) + "/" + std::string(h->id));
      if (row != nullptr) t.row(cells(headline_label(*h), *row));
    }
    const std::string caption =
        y == 0 ? trf("National, all school years (money in {0})", {c_.currency})
               : trf("National, {0} (money in {1})", {std::to_string(y), c_.currency});
    html += t.html(caption, labels_.size() > 2);
  }
  html += "</section>\n";
  return html;
}

std::string ComparePage::categories() {
  ordered_json values = ordered_json::array();
  std::vector<std::string> cats;
  Table t(header(tr("Category")));
  const std::vector<std::string> ids = c_.category_ids();
  for (std::size_t k = 0; k <= ids.size(); ++k) {
    const bool outside = k == ids.size();
    const std::string name = outside ? "cost_outside_regions" : "cost_" + ids[k];
    const Row* row = c_.find("national/all/" + name);
    if (row == nullptr) continue;
    // Spending outside the regions only when a scenario has central costs.
    if (outside && std::all_of(row->values.begin(), row->values.end(),
                               [](const std::optional<double>& v) { return !v || *v == 0; }))
      continue;
    const std::string label = outside ? tr("of which outside the regions") : category_label(ids[k]);
    t.row(cells(label, *row), outside);
    if (outside) continue;  // already inside the categories' bars
    bool any = false;
    for (std::size_t s = 0; s < labels_.size(); ++s) {
      if (!row->values[s]) continue;
      any = any || *row->values[s] != 0.0;
      values.push_back({{"category", label},
                        {"scenario", labels_[s]},
                        {"cost", currency_units(cmp::cents(*row->values[s]))}});
    }
    if (any) cats.push_back(label);
  }
  if (const Row* total = c_.find("national/all/cost_total"))
    t.row(cells(tr("Total"), *total), true);
  const std::string x_title = trf("Cost ({0})", {c_.currency});
  ordered_json spec = base_spec(values);
  spec["height"] = std::max<std::size_t>(1, cats.size()) * (14 * labels_.size() + 10);
  spec["mark"] = {{"type", "bar"}};
  spec["encoding"] = {
      {"y", {{"field", "category"}, {"type", "nominal"}, {"sort", cats}, {"title", nullptr}}},
      {"yOffset", {{"field", "scenario"}, {"type", "nominal"}, {"sort", labels_}}},
      {"x", money_axis_field("cost", x_title)},
      {"color", scenario_color()},
      {"tooltip", ordered_json::array({tip("category", "nominal", tr("Category")),
                                       tip("scenario", "nominal", tr("Scenario")),
                                       tip("cost", "quantitative", x_title, ",.2f")})}};
  std::string html;
  page_.chart(html, "compare-cost-by-category", tr("Cost by category, all school years"),
              trf("National spending of each scenario over all its school years, one bar per "
                  "scenario in each category; the table gives the differences from "
                  "<strong>{0}</strong>.",
                  {esc(labels_.front())}),
              spec, t.html(trf("Cost by category, all school years ({0})", {c_.currency}), true));
  return html;
}

std::string ComparePage::by_region(std::string_view id, const std::string& metric,
                                   const std::string& what) {
  ordered_json values = ordered_json::array();
  std::vector<std::string> regions;
  Table t(header(tr("Region")));
  const std::string year = std::to_string(region_year_);
  for (const Row& row : c_.rows) {
    if (row.scope == "national" || row.year != region_year_ || row.name != metric) continue;
    regions.push_back(row.scope);
    t.row(cells(row.scope, row));
    for (std::size_t s = 0; s < labels_.size(); ++s)
      if (row.values[s])
        values.push_back(
            {{"region", row.scope}, {"scenario", labels_[s]}, {"pct", *row.values[s]}});
  }
  if (const Row* nation = c_.find("national/" + year + "/" + metric))
    t.row(cells(tr("National"), *nation), true);
  ordered_json spec = base_spec(values);
  spec["height"] = std::max<std::size_t>(1, regions.size()) * (14 * labels_.size() + 10);
  spec["mark"] = {{"type", "bar"}};
  spec["encoding"] = {
      {"y", {{"field", "region"}, {"type", "nominal"}, {"sort", regions}, {"title", nullptr}}},
      {"yOffset", {{"field", "scenario"}, {"type", "nominal"}, {"sort", labels_}}},
      {"x",
       {{"field", "pct"},
        {"type", "quantitative"},
        {"title", what + " (%)"},
        {"scale", {{"domain", {0, 100}}}}}},
      {"color", scenario_color()},
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("scenario", "nominal", tr("Scenario")),
                                       tip("pct", "quantitative", what + " (%)", ".1f")})}};
  std::string html;
  const bool coverage = metric == "coverage_pct";
  const std::string title = coverage ? trf("Coverage by region, {0}", {year})
                                     : trf("Full protocol by region, {0}", {year});
  const std::string caption =
      coverage ? trf("Teachers with at least one visit / teachers, school year {0}, one bar per "
                     "scenario. A region a scenario does not model has no bar (and \u2014 in the "
                     "table).",
                     {year})
               : trf("Teachers who received every visit of their protocol / teachers, school "
                     "year {0}, one bar per scenario.",
                     {year});
  page_.chart(html, id, title, caption, spec, t.html(title, labels_.size() > 2));
  return html;
}

std::string ComparePage::page() {
  std::string sections = summary();
  sections += categories();
  sections += by_region("compare-coverage", "coverage_pct", tr("Coverage"));
  sections += by_region("compare-full-protocol", "full_protocol_pct", tr("Full protocol"));
  std::string names;
  const std::string vs = tr(" vs ");
  for (const std::string& l : labels_) names += (names.empty() ? "" : vs) + l;
  Frame frame;
  frame.title = trf("coachsim comparison: {0}", {names});
  frame.heading = tr("Scenarios side by side");
  for (const compare::Entry& e : c_.scenarios)
    frame.meta += "<span>" +
                  trf("<strong>{0}</strong>: {1} (seed {2})",
                      {esc(e.label), esc(e.scenario_name), std::to_string(e.seed)}) +
                  "</span>";
  frame.meta += "<span>" + trf("money in {0}", {esc(c_.currency)}) + "</span>";
  frame.contents =
      "<li><a href=\"#section-summary\">" + tr("National figures side by side") + "</a></li>";
  frame.footer_note = " " + tr("(coachsim compare). Every money figure is a sum of ledger "
                               "entries; differences are exact to the cent.");
  return page_.render(frame, sections);
}

}  // namespace

std::string compare_html(const Comparison& c) {
  require_available();
  return ComparePage(c).page();
}

void write_compare_html(const Comparison& c, const std::string& path) {
  require_available(path);
  write_file_atomically(path, compare_html(c));
}

}  // namespace coachsim::report
