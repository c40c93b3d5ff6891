// The audit's HTML view: charts and tables for the last audited year, then the findings, in the
// page frame of html_page.hpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/report/audit_html.hpp"
#include "html_page.hpp"

namespace coachsim::report {
namespace {

using namespace html;
using audit::RegionAudit;
using audit::YearAudit;

const char* const kWithin = "within 2 SD";
const char* const kFlagged = "flagged (2 SD or more)";
const char* const kLeftOut = "left out of the statistics";

std::string signed_fixed(double x, int places) {
  return (x >= 0 ? "+" : "\u2212") + fixed(std::abs(x), places);
}

class AuditPage {
 public:
  AuditPage(const std::vector<YearAudit>& audit, std::string title)
      : audit_(audit), title_(std::move(title)) {}
  std::string page();

 private:
  std::string cost_per_teacher(const YearAudit& ya);
  std::string gaps(const YearAudit& ya);
  std::string regression(const YearAudit& ya);
  std::string findings(const YearAudit& ya);

  const std::vector<YearAudit>& audit_;
  std::string title_;
  Page page_;
};

std::string AuditPage::cost_per_teacher(const YearAudit& ya) {
  const audit::RatioSpread* s = nullptr;
  for (const audit::RatioSpread& r : ya.ratios)
    if (r.metric == "cost_per_teacher") s = &r;
  const std::string year = std::to_string(ya.year);
  const std::string x_title = "Cost per teacher";

  ordered_json values = ordered_json::array();
  Table t({txt("Region"), num(esc(x_title)), num("Distance from the mean (SD)"), num("Flag")});
  bool any_flagged = false, any_left_out = false;
  for (const RegionAudit& r : ya.regions) {
    if (r.cost_per_teacher <= 0) continue;
    std::string group = kLeftOut;
    std::string z = "\u2014", flag;
    if (s != nullptr) {
      for (std::size_t i = 0; i < s->regions.size(); ++i) {
        if (s->regions[i] != r.region) continue;
        group = s->flag[i] >= 2 ? kFlagged : kWithin;
        if (s->sd > 0) z = signed_fixed(s->z[i], 2);
        if (s->flag[i] >= 2) flag = std::to_string(s->flag[i]) + " SD";
      }
    }
    any_flagged = any_flagged || group == kFlagged;
    any_left_out = any_left_out || group == kLeftOut;
    values.push_back({{"region", r.region},
                      {"cost_per_teacher", r.cost_per_teacher},
                      {"group", group},
                      {"z", z}});
    t.row({txt(r.region + (group == kLeftOut ? " *" : "")), num(money_units(r.cost_per_teacher)),
           num(z), num(flag)});
  }

  ordered_json domain = ordered_json::array({kWithin});
  ordered_json range = ordered_json::array({"#4c78a8"});
  if (any_flagged) {
    domain.push_back(kFlagged);
    range.push_back("#e45756");
  }
  if (any_left_out) {
    domain.push_back(kLeftOut);
    range.push_back("#bab0ac");
  }
  ordered_json bars = region_bars("cost_per_teacher", x_title);
  bars["encoding"]["color"] = {{"field", "group"},
                               {"type", "nominal"},
                               {"title", nullptr},
                               {"scale", {{"domain", domain}, {"range", range}}},
                               {"legend", {{"orient", "bottom"}}}};
  bars["encoding"]["tooltip"] = ordered_json::array(
      {tip("region", "nominal", "Region"), tip("cost_per_teacher", "quantitative", x_title, ",.2f"),
       tip("z", "nominal", "Distance from the mean (SD)"), tip("group", "nominal", "Status")});
  const MeanSd spread{s != nullptr ? s->mean : 0.0, s != nullptr ? s->sd : 0.0,
                      s != nullptr ? s->n : 0};
  ordered_json spec =
      mean_sd_chart(std::move(values), s != nullptr ? &spread : nullptr, std::move(bars), x_title);

  std::string caption =
      "Each region's reported spending divided by its reported teachers, "
      "school year " +
      year + ".";
  if (s != nullptr) {
    t.row({txt("Mean (" + std::to_string(s->n) + " regions)"), num(money_units(s->mean)), num(""),
           num("")},
          true);
    t.row({txt("Standard deviation"), num(money_units(s->sd)), num(""), num("")}, true);
    caption += mean_sd_caption(spread);
    caption += ". Regions 2 SD or more from the mean are flagged in red.";
  }
  if (any_left_out) caption += " * left out of the mean and SD (--exclude).";
  std::string out;
  page_.chart(out, "audit-cost-per-teacher", "Cost per teacher by region, " + year, caption, spec,
              t.html("Cost per teacher by region, " + year));
  return out;
}

std::string AuditPage::gaps(const YearAudit& ya) {
  const std::string year = std::to_string(ya.year);
  ordered_json values = ordered_json::array();
  ordered_json order = ordered_json::array();
  Table t({txt("Region"), num("Actual"), num("Expected"), num("Gap"), num("Price"), num("Quantity"),
           num("Rest")});
  audit::CategoryGap sum;
  double lowest = 0, highest = 0;  // the ends of the stacked bars, in currency units
  for (const RegionAudit& r : ya.regions) {
    if (!r.simulated) continue;
    const audit::CategoryGap& g = r.total;
    const std::int64_t gap = g.actual - g.expected;
    double below = 0, above = 0;
    for (std::int64_t v : {g.price, g.quantity, g.rest})
      (v < 0 ? below : above) += currency_units(v);
    lowest = std::min(lowest, below);
    highest = std::max(highest, above);
    order.push_back(r.region);
    const std::pair<const char*, std::int64_t> parts[] = {
        {"Price", g.price}, {"Quantity", g.quantity}, {"Rest", g.rest}};
    for (const auto& [part, v] : parts)
      values.push_back({{"region", r.region},
                        {"part", part},
                        {"amount", currency_units(v)},
                        {"gap", currency_units(gap)}});
    t.row({txt(r.region), num(money(g.actual)), num(money(g.expected)), num(money(gap)),
           num(money(g.price)), num(money(g.quantity)), num(money(g.rest))});
    sum.actual += g.actual;
    sum.expected += g.expected;
    sum.price += g.price;
    sum.quantity += g.quantity;
    sum.rest += g.rest;
  }
  t.row({txt("All regions"), num(money(sum.actual)), num(money(sum.expected)),
         num(money(sum.actual - sum.expected)), num(money(sum.price)), num(money(sum.quantity)),
         num(money(sum.rest))},
        true);
  const std::string x_title = "Gap: actual \u2212 expected";
  const ordered_json parts = ordered_json::array({"Price", "Quantity", "Rest"});
  // Round ticks that always include 0, the line between spending above and below the
  // structure's cost: a step of 1, 2 or 5 times a power of ten, about six steps in all.
  ordered_json gap_axis = money_axis_field("amount", x_title);
  {
    const double span = std::max(highest - lowest, 1.0);
    const double power = std::pow(10.0, std::floor(std::log10(span / 6)));
    double step = power;
    for (double m : {1.0, 2.0, 5.0, 10.0})
      if (span / (m * power) <= 7) {
        step = m * power;
        break;
      }
    ordered_json ticks = ordered_json::array();
    const double from = std::floor(lowest / step) * step, to = std::ceil(highest / step) * step;
    for (double v = from; v <= to + step / 2; v += step)
      ticks.push_back(std::abs(v) < step / 2 ? 0.0 : v);
    gap_axis["scale"] = {{"domain", {from, to}}, {"nice", false}};
    gap_axis["axis"]["values"] = ticks;
  }
  ordered_json bars;
  bars["mark"] = {{"type", "bar"}, {"height", {{"band", 0.75}}}};
  bars["encoding"] = {
      {"y", {{"field", "region"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
      {"x", gap_axis},
      {"color",
       {{"field", "part"},
        {"type", "nominal"},
        {"title", nullptr},
        {"scale", {{"domain", parts}, {"range", {"#f58518", "#4c78a8", "#bab0ac"}}}},
        {"legend", {{"orient", "bottom"}}}}},
      {"order", {{"field", "part"}, {"type", "nominal"}, {"sort", "ascending"}}},
      {"tooltip",
       ordered_json::array({tip("region", "nominal", "Region"), tip("part", "nominal", "Part"),
                            tip("amount", "quantitative", "Amount", ",.2f"),
                            tip("gap", "quantitative", x_title, ",.2f")})}};
  ordered_json zero;
  zero["data"] = {{"values", ordered_json::array({{{"x", 0}}})}};
  zero["mark"] = {{"type", "rule"}, {"color", "#555"}};
  zero["encoding"] = {{"x", {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}}}};
  ordered_json spec = base_spec(values);
  spec["height"] = 24 * std::max<std::size_t>(1, order.size());
  spec["layer"] = {bars, zero};
  const std::string caption =
      "School year " + year +
      ", regions in the scenario: what each reported spending above (or below) what its own "
      "structure costs at the standard unit costs, split into <em>price</em> (fees and salaries "
      "above the standard), <em>quantity</em> (more or fewer coaches, supervisors, staff or "
      "teachers than its structure needs, at the expected cost of each) and <em>rest</em> "
      "(travel, workshops or materials per teacher that the structure does not explain). "
      "Price + quantity + rest = the gap, to the cent.";
  std::string out;
  page_.chart(out, "audit-gap", "Gap by region: price, quantity and rest, " + year, caption, spec,
              t.html("Gap by region, " + year));
  return out;
}

std::string AuditPage::regression(const YearAudit& ya) {
  const audit::Regression& g = ya.regression;
  const std::string year = std::to_string(ya.year);
  if (!g.ok) {
    return "<section id=\"section-audit-regression\">\n<h2>Regression, " + year +
           "</h2>\n<p class=\"note\">The regression of cost per teacher on its drivers was not "
           "estimated: " +
           esc(g.problem) + ".</p>\n</section>\n";
  }
  ordered_json values = ordered_json::array();
  Table t({txt("Region"), num("Actual"), num("Fitted"), num("Residual"),
           num("Residual (residual SD)")});
  // The regions furthest from the prediction are named first, where the name fits.
  std::vector<ScatterPoint> placed;
  for (std::size_t i = 0; i < g.labels.size(); ++i)
    placed.push_back({g.fitted[i], g.fitted[i] + g.residuals[i],
                      g.residual_sd > 0 ? std::abs(g.residuals[i]) / g.residual_sd : 0.0,
                      g.labels[i]});
  const std::vector<std::string> sides = place_scatter_labels(placed);
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < g.labels.size(); ++i) {
    const double fitted = g.fitted[i], actual = g.fitted[i] + g.residuals[i];
    if (i == 0) lo = hi = actual;
    lo = std::min({lo, fitted, actual});
    hi = std::max({hi, fitted, actual});
    values.push_back({{"region", g.labels[i]},
                      {"fitted", fitted},
                      {"actual", actual},
                      {"residual", g.residuals[i]},
                      {"label_side", sides[i]}});
    t.row({txt(g.labels[i]), num(money_units(actual)), num(money_units(fitted)),
           num(money_units(g.residuals[i])),
           num(g.residual_sd > 0 ? signed_fixed(g.residuals[i] / g.residual_sd, 2) : "\u2014")});
  }
  ordered_json x = money_axis_field("fitted", "Fitted cost per teacher (from the drivers)");
  x["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json y = money_axis_field("actual", "Actual cost per teacher");
  y["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json diagonal;
  diagonal["data"] = {{"values", ordered_json::array({{{"fitted", lo}, {"actual", lo}},
                                                      {{"fitted", hi}, {"actual", hi}}})}};
  diagonal["mark"] = {{"type", "line"}, {"color", "#888"}, {"strokeDash", {6, 4}}};
  diagonal["encoding"] = {{"x", x}, {"y", y}};
  ordered_json points;
  points["mark"] = {{"type", "point"}, {"filled", true}, {"size", 70}, {"color", "#4c78a8"}};
  points["encoding"] = {
      {"x", x},
      {"y", y},
      {"tooltip", ordered_json::array({tip("region", "nominal", "Region"),
                                       tip("actual", "quantitative", "Actual", ",.2f"),
                                       tip("fitted", "quantitative", "Fitted", ",.2f"),
                                       tip("residual", "quantitative", "Residual", ",.2f")})}};
  ordered_json layers = ordered_json::array({diagonal, points});
  add_scatter_labels(layers, x, y);
  ordered_json spec = base_spec(values);
  spec["height"] = 380;
  spec["layer"] = layers;

  std::string drivers;
  for (std::size_t i = 1; i < g.terms.size(); ++i) drivers += (i > 1 ? ", " : "") + g.terms[i];
  std::string caption =
      "School year " + year +
      ", one point per region: cost per teacher as reported against what "
      "the regression predicts from the region's structure (" +
      esc(drivers) + "); n = " + std::to_string(g.n) + ", R\u00b2 = " + fixed(g.r2, 3) +
      " (adjusted " + fixed(g.adjusted_r2, 3) +
      "). Points above the dashed 45\u00b0 line cost more than predicted. The regions furthest "
      "from the prediction are named where the name fits; the table has every "
      "region.";
  if (!ya.dropped_drivers.empty()) {
    std::string dropped;
    for (const std::string& d : ya.dropped_drivers) dropped += (dropped.empty() ? "" : ", ") + d;
    caption += " Left out (the same in every region): " + esc(dropped) + ".";
  }
  std::string out;
  page_.chart(out, "audit-regression", "Fitted against actual cost per teacher, " + year, caption,
              spec, t.html("Fitted and actual cost per teacher, " + year));
  return out;
}

std::string AuditPage::findings(const YearAudit& ya) {
  std::string out =
      "<section id=\"section-findings\">\n<h2>Findings, " + std::to_string(ya.year) + "</h2>\n";
  for (const std::string& warning : ya.warnings)
    out += "<p class=\"note\">Warning: " + esc(warning) + "</p>\n";
  if (ya.findings.empty()) return out + "<p class=\"caption\">No findings.</p>\n</section>\n";
  out += "<p class=\"caption\">Largest gap in money first.</p>\n<ol class=\"findings\">\n";
  for (const audit::Finding& f : ya.findings) out += "<li>" + esc(f.text) + "</li>\n";
  return out + "</ol>\n</section>\n";
}

std::string AuditPage::page() {
  Frame frame;
  frame.title = title_;
  frame.heading = title_;
  std::string sections;
  if (audit_.empty()) {
    sections = "<p class=\"note\">The actuals held no region to audit.</p>\n";
  } else {
    const YearAudit& ya = audit_.back();
    sections += cost_per_teacher(ya);
    sections += gaps(ya);
    sections += regression(ya);
    sections += findings(ya);
    std::string years;
    for (const YearAudit& y : audit_) years += (years.empty() ? "" : ", ") + std::to_string(y.year);
    frame.meta = "<span>School year <strong>" + std::to_string(ya.year) + "</strong></span>";
    frame.meta += "<span>" + std::to_string(ya.regions.size()) + " regions</span>";
    frame.meta += "<span>years audited " + years + "</span>";
    if (!ya.regression.ok)
      frame.contents_after =
          "<li><a href=\"#section-audit-regression\">Regression (not estimated)</a></li>";
    frame.contents_after += "<li><a href=\"#section-findings\">Findings</a></li>";
  }
  frame.footer_note =
      " (coachsim audit). Money figures are in the scenario's currency; the CSV files written "
      "with this page hold the same numbers.";
  return page_.render(frame, sections);
}

}  // namespace

std::string audit_html(const std::vector<audit::YearAudit>& audit, const std::string& title) {
  require_available();
  return AuditPage(audit, title).page();
}

void write_audit_html(const std::vector<audit::YearAudit>& audit, const std::string& path,
                      const std::string& title) {
  require_available(path);
  write_file_atomically(path, audit_html(audit, title));
}

}  // namespace coachsim::report
