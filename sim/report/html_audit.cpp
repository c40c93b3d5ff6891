// The audit's HTML view: charts and tables for the last audited year, then the findings, in the
// page frame of html_page.hpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/audit_html.hpp"
#include "html_page.hpp"
#include "labels.hpp"

namespace coachsim::report {
namespace {

using namespace html;
using audit::RegionAudit;
using audit::YearAudit;

// A driver's id as the CSV files write it in English, its translation otherwise.
std::string driver_shown(const std::string& id) {
  return i18n::language() == "en" ? id : metric_label(id);
}

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
  // The chart's groups (its legend and the tooltip's status), in the chosen language.
  const std::string within_ = tr("within 2 SD");
  const std::string flagged_ = tr("flagged (2 SD or more)");
  const std::string left_out_ = tr("left out of the statistics");
};

std::string AuditPage::cost_per_teacher(const YearAudit& ya) {
  const audit::RatioSpread* s = nullptr;
  for (const audit::RatioSpread& r : ya.ratios)
    if (r.metric == "cost_per_teacher") s = &r;
  const std::string year = std::to_string(ya.year);
  const std::string x_title = tr("Cost per teacher");

  ordered_json values = ordered_json::array();
  Table t({txt(tr("Region")), num(esc(x_title)), num(esc(tr("Distance from the mean (SD)"))),
           num(esc(tr("Flag")))});
  bool any_flagged = false, any_left_out = false;
  for (const RegionAudit& r : ya.regions) {
    if (r.cost_per_teacher <= 0) continue;
    std::string group = left_out_;
    std::string z = "\u2014", flag;
    if (s != nullptr) {
      for (std::size_t i = 0; i < s->regions.size(); ++i) {
        if (s->regions[i] != r.region) continue;
        group = s->flag[i] >= 2 ? flagged_ : within_;
        if (s->sd > 0) z = signed_fixed(s->z[i], 2);
        if (s->flag[i] >= 2) flag = trf("{0} SD", {std::to_string(s->flag[i])});
      }
    }
    any_flagged = any_flagged || group == flagged_;
    any_left_out = any_left_out || group == left_out_;
    values.push_back({{"region", r.region},
                      {"cost_per_teacher", r.cost_per_teacher},
                      {"group", group},
                      {"z", z}});
    t.row({txt(r.region + (group == left_out_ ? " *" : "")), num(money_units(r.cost_per_teacher)),
           num(z), num(flag)});
  }

  ordered_json domain = ordered_json::array({within_});
  ordered_json range = ordered_json::array({"#4c78a8"});
  if (any_flagged) {
    domain.push_back(flagged_);
    range.push_back("#e45756");
  }
  if (any_left_out) {
    domain.push_back(left_out_);
    range.push_back("#bab0ac");
  }
  ordered_json bars = region_bars("cost_per_teacher", x_title);
  bars["encoding"]["color"] = {{"field", "group"},
                               {"type", "nominal"},
                               {"title", nullptr},
                               {"scale", {{"domain", domain}, {"range", range}}},
                               {"legend", {{"orient", "bottom"}}}};
  bars["encoding"]["tooltip"] =
      ordered_json::array({tip("region", "nominal", tr("Region")),
                           tip("cost_per_teacher", "quantitative", x_title, ",.2f"),
                           tip("z", "nominal", tr("Distance from the mean (SD)")),
                           tip("group", "nominal", tr("Status"))});
  const MeanSd spread{s != nullptr ? s->mean : 0.0, s != nullptr ? s->sd : 0.0,
                      s != nullptr ? s->n : 0};
  ordered_json spec =
      mean_sd_chart(std::move(values), s != nullptr ? &spread : nullptr, std::move(bars), x_title);

  std::string caption = trf(
      "Each region's reported spending divided by its reported teachers, school year {0}.", {year});
  if (s != nullptr) {
    t.row({txt(trf("Mean ({0} regions)", {std::to_string(s->n)})), num(money_units(s->mean)),
           num(""), num("")},
          true);
    t.row({txt(tr("Standard deviation")), num(money_units(s->sd)), num(""), num("")}, true);
    caption += mean_sd_caption(spread);
    caption += tr(". Regions 2 SD or more from the mean are flagged in red.");
  }
  if (any_left_out) caption += tr(" * left out of the mean and SD (--exclude).");
  std::string out;
  const std::string title = trf("Cost per teacher by region, {0}", {year});
  page_.chart(out, "audit-cost-per-teacher", title, caption, spec, t.html(title));
  return out;
}

std::string AuditPage::gaps(const YearAudit& ya) {
  const std::string year = std::to_string(ya.year);
  ordered_json values = ordered_json::array();
  ordered_json order = ordered_json::array();
  const std::string price = trc("gap part", "Price"), quantity = trc("gap part", "Quantity"),
                    rest = trc("gap part", "Rest");
  Table t({txt(tr("Region")), num(esc(tr("Actual"))), num(esc(tr("Expected"))), num(esc(tr("Gap"))),
           num(esc(price)), num(esc(quantity)), num(esc(rest))});
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
    const std::pair<const std::string&, std::int64_t> parts[] = {
        {price, g.price}, {quantity, g.quantity}, {rest, g.rest}};
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
  t.row({txt(tr("All regions")), num(money(sum.actual)), num(money(sum.expected)),
         num(money(sum.actual - sum.expected)), num(money(sum.price)), num(money(sum.quantity)),
         num(money(sum.rest))},
        true);
  const std::string x_title = tr("Gap: actual \u2212 expected");
  const ordered_json parts = ordered_json::array({price, quantity, rest});
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
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("part", "nominal", tr("Part")),
                                       tip("amount", "quantitative", tr("Amount"), ",.2f"),
                                       tip("gap", "quantitative", x_title, ",.2f")})}};
  ordered_json zero;
  zero["data"] = {{"values", ordered_json::array({{{"x", 0}}})}};
  zero["mark"] = {{"type", "rule"}, {"color", "#555"}};
  zero["encoding"] = {{"x", {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}}}};
  ordered_json spec = base_spec(values);
  spec["height"] = 24 * std::max<std::size_t>(1, order.size());
  spec["layer"] = {bars, zero};
  const std::string caption = trf(
      "School year {0}, regions in the scenario: what each reported spending above (or below) "
      "what its own structure costs at the standard unit costs, split into <em>price</em> (fees "
      "and salaries above the standard), <em>quantity</em> (more or fewer coaches, supervisors, "
      "staff or teachers than its structure needs, at the expected cost of each) and "
      "<em>rest</em> (travel, workshops or materials per teacher that the structure does not "
      "explain). Price + quantity + rest = the gap, to the cent.",
      {year});
  std::string out;
  page_.chart(out, "audit-gap", trf("Gap by region: price, quantity and rest, {0}", {year}),
              caption, spec, t.html(trf("Gap by region, {0}", {year})));
  return out;
}

std::string AuditPage::regression(const YearAudit& ya) {
  const audit::Regression& g = ya.regression;
  const std::string year = std::to_string(ya.year);
  if (!g.ok) {
    return "<section id=\"section-audit-regression\">\n<h2>" + trf("Regression, {0}", {year}) +
           "</h2>\n<p class=\"note\">" +
           trf("The regression of cost per teacher on its drivers was not estimated: {0}.",
               {esc(g.problem_shown)}) +
           "</p>\n</section>\n";
  }
  ordered_json values = ordered_json::array();
  Table t({txt(tr("Region")), num(esc(tr("Actual"))), num(esc(tr("Fitted"))),
           num(esc(tr("Residual"))), num(esc(tr("Residual (residual SD)")))});
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
  ordered_json x = money_axis_field("fitted", tr("Fitted cost per teacher (from the drivers)"));
  x["scale"] = {{"zero", false}, {"nice", true}};
  ordered_json y = money_axis_field("actual", tr("Actual cost per teacher"));
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
      {"tooltip", ordered_json::array({tip("region", "nominal", tr("Region")),
                                       tip("actual", "quantitative", tr("Actual"), ",.2f"),
                                       tip("fitted", "quantitative", tr("Fitted"), ",.2f"),
                                       tip("residual", "quantitative", tr("Residual"), ",.2f")})}};
  ordered_json layers = ordered_json::array({diagonal, points});
  add_scatter_labels(layers, x, y);
  ordered_json spec = base_spec(values);
  spec["height"] = 380;
  spec["layer"] = layers;

  std::string drivers;
  for (std::size_t i = 1; i < g.terms.size(); ++i)
    drivers += (i > 1 ? ", " : "") + driver_shown(g.terms[i]);
  std::string caption =
      trf("School year {0}, one point per region: cost per teacher as reported against what the "
          "regression predicts from the region's structure ({1}); n = {2}, R\u00b2 = {3} "
          "(adjusted {4}). Points above the dashed 45\u00b0 line cost more than predicted. The "
          "regions furthest from the prediction are named where the name fits; the table has "
          "every region.",
          {year, esc(drivers), std::to_string(g.n), fixed(g.r2, 3), fixed(g.adjusted_r2, 3)});
  if (!ya.dropped_drivers.empty()) {
    std::string dropped;
    for (const std::string& d : ya.dropped_drivers)
      dropped += (dropped.empty() ? "" : ", ") + driver_shown(d);
    caption += " " + trf("Left out (the same in every region): {0}.", {esc(dropped)});
  }
  std::string out;
  page_.chart(out, "audit-regression", trf("Fitted against actual cost per teacher, {0}", {year}),
              caption, spec, t.html(trf("Fitted and actual cost per teacher, {0}", {year})));
  return out;
}

std::string AuditPage::findings(const YearAudit& ya) {
  std::string out = "<section id=\"section-findings\">\n<h2>" +
                    trf("Findings, {0}", {std::to_string(ya.year)}) + "</h2>\n";
  for (const std::string& warning : ya.warnings)
    out += "<p class=\"note\">" + trf("Warning: {0}", {esc(warning)}) + "</p>\n";
  if (ya.findings.empty())
    return out + "<p class=\"caption\">" + tr("No findings.") + "</p>\n</section>\n";
  out += "<p class=\"caption\">" + tr("Largest gap in money first.") +
         "</p>\n<ol class=\"findings\">\n";
  for (const audit::Finding& f : ya.findings) out += "<li>" + esc(f.text) + "</li>\n";
  return out + "</ol>\n</section>\n";
}

std::string AuditPage::page() {
  Frame frame;
  frame.title = title_;
  frame.heading = title_;
  std::string sections;
  if (audit_.empty()) {
    sections = "<p class=\"note\">" + tr("The actuals held no region to audit.") + "</p>\n";
  } else {
    const YearAudit& ya = audit_.back();
    sections += cost_per_teacher(ya);
    sections += gaps(ya);
    sections += regression(ya);
    sections += findings(ya);
    std::string years;
    for (const YearAudit& y : audit_) years += (years.empty() ? "" : ", ") + std::to_string(y.year);
    frame.meta =
        "<span>" + trf("School year <strong>{0}</strong>", {std::to_string(ya.year)}) + "</span>";
    frame.meta += "<span>" +
                  fill(trn("{0} region", "{0} regions", ya.regions.size()),
                       {std::to_string(ya.regions.size())}) +
                  "</span>";
    frame.meta += "<span>" + trf("years audited {0}", {years}) + "</span>";
    if (!ya.regression.ok)
      frame.contents_after = "<li><a href=\"#section-audit-regression\">" +
                             tr("Regression (not estimated)") + "</a></li>";
    frame.contents_after += "<li><a href=\"#section-findings\">" + tr("Findings") + "</a></li>";
  }
  frame.footer_note =
      " " + tr("(coachsim audit). Money figures are in the scenario's currency; the CSV files "
               "written with this page hold the same numbers.");
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
