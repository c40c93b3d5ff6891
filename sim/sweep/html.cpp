// The sweep as a self-contained HTML page (coachsim sweep --html): a fan chart of the national
// cost and of the share of teachers at the full protocol per school year (P5-P95 band, median
// line, mean points), the tornado of the one-at-a-time swings when it was run, and the
// standardised regression coefficients. The page frame, tables and chart helpers are the run
// report's (report/html_page.hpp), so it looks and prints the same and renders offline.
#include <algorithm>
#include <cmath>

#include "../report/html_page.hpp"
#include "coachsim/sweep/outputs.hpp"

namespace coachsim::sweep {
namespace {

using namespace report::html;  // NOLINT: the page helpers are this file's vocabulary

// The national per-year summaries of metric `name`, in school-year order.
std::vector<std::pair<int, const Summary*>> by_year(const SweepReport& r, const std::string& name) {
  std::vector<std::pair<int, const Summary*>> out;
  for (std::size_t i = 0; i < r.data.layout.size(); ++i) {
    const results::Metric& m = r.data.layout[i];
    if (m.scope == "national" && m.year != 0 && m.name == name)
      out.push_back({m.year, &r.summaries[i]});
  }
  return out;
}

std::string input_label(const SweepReport& r, std::size_t i) {
  return i < r.inputs.size() ? r.inputs[i].field : "input " + std::to_string(i);
}

class SweepPage {
 public:
  explicit SweepPage(const SweepReport& r) : r_(r) {}

  std::string page() {
    std::string sections = fan("cost_total", "fan-cost", "National cost by school year", true);
    sections += fan("full_protocol_pct", "fan-full-protocol",
                    "Teachers at the full protocol by school year", false);
    sections += tornado();
    sections += regression();
    Frame frame;
    frame.title = "coachsim sweep: " + r_.scenario_name;
    frame.heading = "Teacher coaching under uncertainty";
    frame.meta = "<span>Scenario <strong>" + esc(r_.scenario_name) + "</strong></span>";
    frame.meta += "<span>file " + esc(r_.scenario_file) + "</span>";
    frame.meta += "<span>seed " + std::to_string(r_.config.seed) + "</span>";
    frame.meta += "<span>" + integer(static_cast<std::int64_t>(r_.config.replications)) +
                  " replications</span>";
    frame.meta += "<span>" + std::to_string(r_.inputs.size()) + " uncertain inputs</span>";
    frame.footer_note =
        " (coachsim sweep). Bands are the 5th to 95th percentiles of the replications (type 7); "
        "every figure is also in sweep.csv.";
    return page_.render(frame, sections);
  }

 private:
  std::string fan(const std::string& name, std::string_view id, const std::string& title,
                  bool money_metric) {
    const auto years = by_year(r_, name);
    if (years.empty()) return "";
    const double scale = money_metric ? 100.0 : 1.0;  // money is held in céntimos
    const std::string unit = money_metric ? r_.currency : "%";
    ordered_json values = ordered_json::array();
    Table t({txt("School year"), num("P5"), num("P50"), num("Mean"), num("P95"), num("SD")});
    auto show = [&](double v) {
      return money_metric ? money(static_cast<std::int64_t>(std::llround(v))) : fixed(v, 2);
    };
    for (const auto& [year, s] : years) {
      values.push_back({{"year", std::to_string(year)},
                        {"p5", s->p5 / scale},
                        {"p50", s->p50 / scale},
                        {"p95", s->p95 / scale},
                        {"mean", s->mean / scale}});
      t.row({txt(std::to_string(year)), num(show(s->p5)), num(show(s->p50)), num(show(s->mean)),
             num(show(s->p95)), num(show(s->sd))});
    }
    const std::string y_title = title + " (" + unit + ")";
    ordered_json x = field("year", "ordinal", "School year");
    ordered_json band;
    band["mark"] = {{"type", "area"}, {"opacity", 0.3}, {"color", "#4c78a8"}};
    band["encoding"] = {{"x", x},
                        {"y",
                         {{"field", "p5"},
                          {"type", "quantitative"},
                          {"title", y_title},
                          {"scale", {{"zero", false}}}}},
                        {"y2", {{"field", "p95"}}}};
    ordered_json median;
    median["mark"] = {{"type", "line"}, {"color", "#4c78a8"}, {"point", true}};
    median["encoding"] = {
        {"x", x},
        {"y", {{"field", "p50"}, {"type", "quantitative"}}},
        {"tooltip",
         ordered_json::array(
             {tip("year", "nominal", "School year"), tip("p5", "quantitative", "P5", ",.2f"),
              tip("p50", "quantitative", "P50", ",.2f"), tip("p95", "quantitative", "P95", ",.2f"),
              tip("mean", "quantitative", "Mean", ",.2f")})}};
    ordered_json mean;
    mean["mark"] = {{"type", "point"}, {"shape", "diamond"}, {"color", "#e45756"}, {"size", 60}};
    mean["encoding"] = {{"x", x}, {"y", {{"field", "mean"}, {"type", "quantitative"}}}};
    ordered_json spec = base_spec(values);
    spec["height"] = 260;
    spec["layer"] = {band, median, mean};
    const std::string caption =
        "National " + esc(name) +
        " per school year over the replications: the band runs from the 5th to the 95th "
        "percentile, the line is the median and the red diamonds the mean.";
    std::string html;
    page_.chart(html, id, title, caption, spec, t.html(title));
    return html;
  }

  std::string tornado() {
    std::vector<const TornadoRow*> rows;
    for (const TornadoRow& row : r_.tornado)
      if (row.output == "cost_total") rows.push_back(&row);
    if (rows.empty()) return "";
    ordered_json values = ordered_json::array();
    Table t({txt("Input"), num("Input low"), num("Input high"), num(esc("Cost at low")),
             num(esc("Cost at high")), num("Swing")});
    for (const TornadoRow* row : rows) {
      const std::string label = input_label(r_, row->input);
      values.push_back({{"input", label},
                        {"low", std::min(row->at_low, row->at_high) / 100.0},
                        {"high", std::max(row->at_low, row->at_high) / 100.0},
                        {"swing", row->swing / 100.0}});
      t.row({txt(label), num(fixed(row->input_low, 4)), num(fixed(row->input_high, 4)),
             num(money(static_cast<std::int64_t>(std::llround(row->at_low)))),
             num(money(static_cast<std::int64_t>(std::llround(row->at_high)))),
             num(money(static_cast<std::int64_t>(std::llround(row->swing))))});
    }
    ordered_json spec = base_spec(values);
    spec["height"] = 26 * static_cast<int>(rows.size());
    spec["mark"] = {{"type", "bar"}, {"color", "#f58518"}};
    ordered_json cost_axis =
        money_axis_field("low", "National cost, all school years (" + r_.currency + ")");
    cost_axis["scale"] = {{"zero", false}};
    spec["encoding"] = {
        {"y", {{"field", "input"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
        {"x", cost_axis},
        {"x2", {{"field", "high"}}},
        {"tooltip", ordered_json::array({tip("input", "nominal", "Input"),
                                         tip("swing", "quantitative", "Swing", ",.2f")})}};
    const std::string caption =
        "One at a time: each uncertain input moved alone to its 5th and its 95th percentile, the "
        "others at their nominal values, same seed. The bar spans the national cost over all "
        "school years between the two runs; inputs are sorted by swing, largest first.";
    std::string html;
    page_.chart(html, "tornado", "Tornado: what moves the national cost", caption, spec,
                t.html("Tornado of the national cost"));
    return html;
  }

  std::string regression() {
    std::vector<const SensitivityRow*> rows;
    for (const SensitivityRow& row : r_.sensitivity)
      if (row.included && (row.output == "cost_total" || row.output == "full_protocol_pct"))
        rows.push_back(&row);
    if (rows.empty()) return "";
    ordered_json values = ordered_json::array();
    Table t({txt("Output"), txt("Input"), num("SRC"), num("R\u00b2")});
    for (const SensitivityRow* row : rows) {
      const std::string label = input_label(r_, row->input);
      values.push_back({{"output", row->output}, {"input", label}, {"src", row->src}});
      t.row({txt(row->output), txt(label), num(fixed(row->src, 3)), num(fixed(row->r2, 3))});
    }
    ordered_json spec = base_spec(values);
    spec["height"] = 28 * static_cast<int>(rows.size() / 2 + 1);
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {
        {"y", {{"field", "input"}, {"type", "nominal"}, {"title", nullptr}}},
        {"yOffset", {{"field", "output"}}},
        {"x", {{"field", "src"}, {"type", "quantitative"}, {"title", "Standardised coefficient"}}},
        {"color", {{"field", "output"}, {"type", "nominal"}, {"title", "Output"}}},
        {"tooltip",
         ordered_json::array({tip("output", "nominal", "Output"), tip("input", "nominal", "Input"),
                              tip("src", "quantitative", "SRC", ".3f")})}};
    const std::string caption =
        "Global sensitivity: standardised regression coefficients of the national cost and of "
        "the full-protocol share over all school years on the inputs drawn in the "
        "replications. A coefficient is the change in the output, in standard deviations, for "
        "one standard deviation of the input; the table gives R\u00b2 (when it is low, a linear "
        "measure does not explain the output and the coefficients say little).";
    std::string html;
    page_.chart(html, "sensitivity", "Which inputs drive the results", caption, spec,
                t.html("Standardised regression coefficients"));
    return html;
  }

  const SweepReport& r_;
  Page page_;
};

}  // namespace

std::string sweep_html(const SweepReport& report) {
  require_available();
  return SweepPage(report).page();
}

void write_sweep_html(const SweepReport& report, const std::string& path) {
  require_available(path);
  write_file_atomically(path, sweep_html(report));
}

}  // namespace coachsim::sweep
