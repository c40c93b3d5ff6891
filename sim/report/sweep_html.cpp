// The sweep as a self-contained HTML page (coachsim sweep --html). It leads with the answer: the
// probabilities against the limits and targets given on the command line (each with its count
// of replications) and the national cost over all years as a histogram with the total limits.
// Then a fan chart of the national cost and of the share of teachers at the full protocol per
// school year (P5-P95 band, median line, mean points, the per-year limits and the target), the
// two-sided tornado around the nominal cost when it was run, and the standardised regression
// coefficients. The page frame, tables and chart helpers are the run
// report's (report/html_page.hpp), so it looks and prints the same and renders offline.
#include <algorithm>
#include <cmath>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/sweep_outputs.hpp"
#include "html_page.hpp"
#include "labels.hpp"

namespace coachsim::report {

using namespace sweep;  // NOLINT: the sweep's results are what this file renders

namespace {

using namespace html;  // NOLINT: the page helpers are this file's vocabulary

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

// A chart label for an input's field path that a reader can take in at a glance: the field's
// own words first, then what it belongs to ("coach_supply.visit_cancellation" -> "visit
// cancellation (coach supply)", "geographies[andes].rainy_travel_factor" -> "rainy travel
// factor (andes)", "regions[*].contract_delay" -> "contract delay (each region)"). The tables
// keep the full path.
std::string readable_input(const std::string& path) {
  auto words = [](std::string w) {
    std::replace(w.begin(), w.end(), '_', ' ');
    return w;
  };
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos) return words(path);
  const std::string leaf = words(path.substr(dot + 1));
  std::string owner = path.substr(0, dot);
  const std::size_t open = owner.rfind('[');
  if (open != std::string::npos && owner.back() == ']') {
    const std::string selector = owner.substr(open + 1, owner.size() - open - 2);
    std::string collection = owner.substr(0, open);
    if (const std::size_t inner = collection.rfind('.'); inner != std::string::npos)
      collection = collection.substr(inner + 1);
    if (selector != "*") return leaf + " (" + selector + ")";
    // "geographies" -> "geography", "regions" -> "region": one of the collection's items.
    if (collection.size() > 3 && collection.compare(collection.size() - 3, 3, "ies") == 0)
      collection = collection.substr(0, collection.size() - 3) + "y";
    else if (!collection.empty() && collection.back() == 's')
      collection.pop_back();
    return leaf + " (each " + words(collection) + ")";
  }
  if (const std::size_t inner = owner.rfind('.'); inner != std::string::npos)
    owner = owner.substr(inner + 1);
  return leaf + " (" + words(owner) + ")";
}

// Chart labels of the inputs, one per input, unique (the full path where two would read alike).
std::vector<std::string> input_labels(const SweepReport& r) {
  std::vector<std::string> labels;
  for (const auto& input : r.inputs) labels.push_back(readable_input(input.field));
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = 0; j < labels.size(); ++j)
      if (i != j && labels[i] == labels[j]) labels[i] = r.inputs[i].field;
  return labels;
}

// A metric id as the CSV files write it (in English), its translation in another language.
std::string metric_shown(const std::string& id) {
  return i18n::language() == "en" ? id : metric_label(id);
}

std::string output_label(const std::string& output) {
  if (output == "cost_total") return tr("National cost");
  if (output == "full_protocol_pct") return tr("Full-protocol share");
  if (output == "coverage_pct") return tr("Coverage");
  return output;
}

// The metric column `index` of every replication, in replication order.
std::vector<double> column(const SweepReport& r, std::size_t index) {
  std::vector<double> v;
  const std::size_t w = r.data.width();
  for (std::size_t row = 0; row < r.data.indices.size(); ++row)
    v.push_back(r.data.rows[row * w + index]);
  return v;
}

std::string when_text(int year) {
  if (year == 0) return tr("all school years together");
  if (year < 0) return tr("any single school year");
  return trf("school year {0}", {std::to_string(year)});
}

// A horizontal axis whose labels are never cut short (Vega-Lite truncates at 180 px by default).
ordered_json full_labels(ordered_json axis = ordered_json::object()) {
  axis["labelLimit"] = 0;
  return axis;
}

class SweepPage {
 public:
  explicit SweepPage(const SweepReport& r) : r_(r), labels_(input_labels(r)) {}

  std::string page() {
    std::string sections = answer();
    sections += total_histogram();
    sections += fan("cost_total", "fan-cost", tr("National cost by school year"), true);
    sections += fan("full_protocol_pct", "fan-full-protocol",
                    tr("Teachers at the full protocol by school year"), false);
    sections += tornado();
    sections += regression();
    Frame frame;
    frame.title = trf("coachsim sweep: {0}", {r_.scenario_name});
    frame.heading = tr("Teacher coaching under uncertainty");
    frame.meta =
        "<span>" + trf("Scenario <strong>{0}</strong>", {esc(r_.scenario_name)}) + "</span>";
    frame.meta += "<span>" + trf("file {0}", {esc(r_.scenario_file)}) + "</span>";
    frame.meta += "<span>" + trf("seed {0}", {std::to_string(r_.config.seed)}) + "</span>";
    frame.meta +=
        "<span>" +
        trf("{0} replications", {integer(static_cast<std::int64_t>(r_.config.replications))}) +
        "</span>";
    frame.meta +=
        "<span>" + trf("{0} uncertain inputs", {std::to_string(r_.inputs.size())}) + "</span>";
    frame.contents = "<li><a href=\"#section-answer\">" +
                     tr("The answer: chances against the limits") + "</a></li>";
    frame.footer_note =
        " " + tr("(coachsim sweep). Bands are the 5th to 95th percentiles of the replications "
                 "(type 7); every figure is also in sweep.csv, the probabilities in "
                 "probabilities.csv.");
    return page_.render(frame, sections);
  }

 private:
  std::size_t replications() const { return r_.data.indices.size(); }

  std::string money_text(double centimos) const {
    return money(static_cast<std::int64_t>(std::llround(centimos))) + " " + r_.currency;
  }

  // The first section: what the reader came for. Each national probability as a sentence with
  // the count of replications behind it, then the spread of the headline figures.
  std::string answer() const {
    const auto n = static_cast<std::int64_t>(replications());
    Table t({txt(tr("Question")), num(tr("Probability")), num(tr("Replications"))});
    int given = 0;
    for (const Probability& p : r_.probabilities) {
      if (p.scope != "national") continue;
      ++given;
      std::string question;
      if (p.metric == "cost_total")
        question =
            trf("National cost, {0}, above {1}", {when_text(p.year), money_text(p.threshold)});
      else
        question =
            p.metric == "full_protocol_pct"
                ? trf("Teachers at the full protocol, {0}, below {1}",
                      {when_text(p.year), fixed(p.threshold, 1) + "%"})
                : trf("Coverage, {0}, below {1}", {when_text(p.year), fixed(p.threshold, 1) + "%"});
      const auto k =
          static_cast<std::int64_t>(std::llround(p.probability * static_cast<double>(n)));
      t.row({txt(question), num(pct(100.0 * p.probability)),
             num(trf("{0} of {1}", {integer(k), integer(n)}))});
    }
    std::string html = "<section id=\"section-answer\">\n<h2>" +
                       tr("The answer: chances against the limits") + "</h2>\n";
    if (given > 0) {
      html += "<p class=\"caption\">" +
              tr("Each probability is the share of the replications in which the event "
                 "happened (the count beside it). A limit given for one school year is tested "
                 "against that year's cost, a total limit against all years together, and a bare "
                 "limit against each year and the worst year. Per-region probabilities are in "
                 "probabilities.csv.") +
              "</p>\n";
      html += t.html(tr("Probabilities against the limits and targets"));
    } else {
      html += "<p class=\"caption\">" +
              tr("No limit or target was given. <code>--budget-limit YEAR=AMOUNT</code>, "
                 "<code>--budget-limit total=AMOUNT</code> (or a bare amount for every year) and "
                 "<code>--full-protocol-target PCT</code> put the chance of going over budget or "
                 "under the target here and on the charts below.") +
              "</p>\n";
    }
    Table spread({txt(tr("National figure, all school years")), num("P5"), num("P50"),
                  num(tr("Mean")), num("P95")});
    for (const char* name : {"cost_total", "full_protocol_pct", "cost_per_teacher"}) {
      const std::size_t i = headline_index(r_.data.layout, name);
      if (i == r_.data.layout.size()) continue;
      const Summary& s = r_.summaries[i];
      const bool is_money = r_.data.layout[i].unit == results::MetricUnit::kCentimos;
      auto show = [&](double v) { return is_money ? money_text(v) : pct(v); };
      const std::string label = std::string(name) == "cost_total" ? tr("National cost")
                                : std::string(name) == "cost_per_teacher"
                                    ? tr("Cost per teacher")
                                    : tr("Teachers at the full protocol");
      spread.row(
          {txt(label), num(show(s.p5)), num(show(s.p50)), num(show(s.mean)), num(show(s.p95))});
    }
    html += spread.html(tr("How far the headline figures spread over the replications"));
    html += "</section>\n";
    return html;
  }

  // The national cost of all years, one bar per bin of replications, with the total limits.
  std::string total_histogram() {
    const std::size_t i = headline_index(r_.data.layout, "cost_total");
    if (i == r_.data.layout.size() || replications() < 2) return "";
    ordered_json values = ordered_json::array();
    for (double v : column(r_, i)) values.push_back({{"cost", v / 100.0}});
    const std::string x_title = trf("National cost, all school years ({0})", {r_.currency});
    ordered_json bars;
    bars["mark"] = {{"type", "bar"}, {"color", "#4c78a8"}};
    bars["encoding"] = {
        {"x",
         {{"field", "cost"},
          {"type", "quantitative"},
          {"bin", {{"maxbins", 30}}},
          {"title", x_title},
          {"axis", {{"format", ",.0f"}, {"labelOverlap", true}}}}},
        {"y", {{"aggregate", "count"}, {"type", "quantitative"}, {"title", tr("Replications")}}}};
    ordered_json layers = ordered_json::array({bars});
    ordered_json limits = ordered_json::array();
    Table t({txt(tr("Total limit")), num(esc(tr("P(cost > limit)")))});
    for (const Probability& p : r_.probabilities)
      if (p.scope == "national" && p.metric == "cost_total" && p.year == 0) {
        limits.push_back({{"limit", p.threshold / 100.0}});
        t.row({num(money_text(p.threshold)), num(pct(100.0 * p.probability))});
      }
    if (!limits.empty()) {
      ordered_json rule;
      rule["data"] = {{"values", limits}};
      rule["mark"] = {{"type", "rule"}, {"color", "#c0392b"}, {"strokeWidth", 2}};
      rule["encoding"] = {{"x", {{"field", "limit"}, {"type", "quantitative"}}}};
      layers.push_back(rule);
    }
    ordered_json spec = base_spec(values);
    spec["height"] = 220;
    spec["layer"] = layers;
    const std::size_t s = i;
    const Summary& sum = r_.summaries[s];
    Table spread({txt(tr("Statistic")), num(tr("National cost, all school years"))});
    spread.row({txt("P5"), num(money_text(sum.p5))});
    spread.row({txt("P50"), num(money_text(sum.p50))});
    spread.row({txt("P95"), num(money_text(sum.p95))});
    std::string caption =
        trf("How often each national cost over all school years came out in the {0} "
            "replications.",
            {integer(static_cast<std::int64_t>(replications()))});
    if (!limits.empty())
      caption += " " + tr("The red line is the total limit: the replications to its right went "
                          "over.");
    std::string html;
    page_.chart(html, "total-cost", tr("National cost of all school years"), caption, spec,
                limits.empty() ? spread.html(tr("National cost, all school years"))
                               : t.html(tr("Total limits")) +
                                     spread.html(tr("National cost, all school years")));
    return html;
  }

  std::string fan(const std::string& name, std::string_view id, const std::string& title,
                  bool money_metric) {
    const auto years = by_year(r_, name);
    if (years.empty()) return "";
    const double scale = money_metric ? 100.0 : 1.0;  // money is held in céntimos
    const std::string unit = money_metric ? r_.currency : "%";
    ordered_json values = ordered_json::array();
    Table t({txt(tr("School year")), num("P5"), num("P50"), num(tr("Mean")), num("P95"),
             num(tr("SD"))});
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
    // The limits that apply to a single school year (as a short red line at that year) and the
    // full-protocol target (a line across every year), with their probabilities in a table.
    ordered_json limits = ordered_json::array();
    Table lt({txt(money_metric ? tr("Limit") : tr("Target")), txt(tr("School year")),
              num(esc(money_metric ? tr("P(cost > limit)") : tr("P(share < target)")))});
    for (const Probability& p : r_.probabilities) {
      if (p.scope != "national" || p.metric != name) continue;
      if (money_metric && p.year == 0) continue;  // the total is on the histogram
      if (p.year > 0)
        limits.push_back({{"year", std::to_string(p.year)}, {"limit", p.threshold / scale}});
      lt.row({num(money_metric ? money_text(p.threshold) : pct(p.threshold)),
              txt(p.year > 0   ? std::to_string(p.year)
                  : p.year < 0 ? tr("any single year")
                               : tr("all years")),
              num(pct(100.0 * p.probability))});
    }
    if (!money_metric && r_.config.full_protocol_target && name == "full_protocol_pct")
      for (const auto& [year, s] : years)
        limits.push_back(
            {{"year", std::to_string(year)}, {"limit", *r_.config.full_protocol_target}});
    const std::string y_title = title + " (" + unit + ")";
    ordered_json x = field("year", "ordinal", tr("School year"));
    x["axis"] = {{"labelAngle", 0}};
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
             {tip("year", "nominal", tr("School year")), tip("p5", "quantitative", "P5", ",.2f"),
              tip("p50", "quantitative", "P50", ",.2f"), tip("p95", "quantitative", "P95", ",.2f"),
              tip("mean", "quantitative", tr("Mean"), ",.2f")})}};
    ordered_json mean;
    mean["mark"] = {{"type", "point"}, {"shape", "diamond"}, {"color", "#e45756"}, {"size", 60}};
    mean["encoding"] = {{"x", x}, {"y", {{"field", "mean"}, {"type", "quantitative"}}}};
    ordered_json layers = ordered_json::array({band, median, mean});
    if (!limits.empty()) {
      ordered_json tick;
      tick["data"] = {{"values", limits}};
      tick["mark"] = {{"type", "tick"}, {"color", "#c0392b"}, {"thickness", 2.5}, {"size", 80}};
      tick["encoding"] = {{"x", x}, {"y", {{"field", "limit"}, {"type", "quantitative"}}}};
      layers.push_back(tick);
    }
    ordered_json spec = base_spec(values);
    spec["height"] = 260;
    spec["layer"] = layers;
    std::string caption =
        trf("National {0} per school year over the replications: the band runs from the 5th to "
            "the 95th percentile, the line is the median and the red diamonds the mean.",
            {esc(metric_shown(name))});
    if (!limits.empty())
      caption += " " + (money_metric ? tr("The short red lines are the limits for single school "
                                          "years.")
                                     : tr("The short red lines are the target."));
    std::string html;
    page_.chart(
        html, id, title, caption, spec,
        (limits.empty() ? std::string() : lt.html(money_metric ? tr("Limits") : tr("Target"))) +
            t.html(title));
    return html;
  }

  // Two-sided: from the nominal cost to the cost with the input at its P5 (one colour) and at
  // its P95 (the other), so a reader sees which end raises the cost and by how much.
  std::string tornado() {
    std::vector<const TornadoRow*> rows;
    for (const TornadoRow& row : r_.tornado)
      if (row.output == "cost_total") rows.push_back(&row);
    if (rows.empty()) return "";
    const std::vector<std::string> outputs = headline_outputs(r_.data.layout);
    const auto o = static_cast<std::size_t>(
        std::find(outputs.begin(), outputs.end(), "cost_total") - outputs.begin());
    const double nominal = o < r_.tornado_base.size() ? r_.tornado_base[o] : 0.0;
    const std::string low_end = tr("input at its P5"), high_end = tr("input at its P95");
    ordered_json values = ordered_json::array();
    ordered_json order = ordered_json::array();
    Table t({txt(tr("Input (field)")), txt(tr("Chart label")), num(tr("Input low")),
             num(tr("Input high")), num(esc(tr("Cost at low"))), num(esc(tr("Cost at high"))),
             num(tr("Swing"))});
    for (const TornadoRow* row : rows) {
      const std::string label =
          row->input < labels_.size() ? labels_[row->input] : input_label(r_, row->input);
      order.push_back(label);
      for (const auto& [end, at] : {std::pair{low_end, row->at_low}, {high_end, row->at_high}})
        values.push_back({{"input", label},
                          {"field", input_label(r_, row->input)},
                          {"end", end},
                          {"from", nominal / 100.0},
                          {"to", at / 100.0},
                          {"change", (at - nominal) / 100.0}});
      t.row({txt(input_label(r_, row->input)), txt(label), num(fixed(row->input_low, 4)),
             num(fixed(row->input_high, 4)),
             num(money(static_cast<std::int64_t>(std::llround(row->at_low)))),
             num(money(static_cast<std::int64_t>(std::llround(row->at_high)))),
             num(money(static_cast<std::int64_t>(std::llround(row->swing))))});
    }
    t.row({txt(tr("Nominal (every input at its nominal value)")), txt(""), num(""), num(""),
           num(money(static_cast<std::int64_t>(std::llround(nominal)))), num(""), num("")},
          true);
    ordered_json bars;
    bars["mark"] = {{"type", "bar"}, {"height", {{"band", 0.7}}}};
    ordered_json cost_axis =
        money_axis_field("from", trf("National cost, all school years ({0})", {r_.currency}));
    cost_axis["scale"] = {{"zero", false}};
    cost_axis["axis"]["labelOverlap"] = true;
    bars["encoding"] = {
        {"y",
         {{"field", "input"},
          {"type", "nominal"},
          {"sort", order},
          {"title", nullptr},
          {"axis", full_labels()}}},
        {"x", cost_axis},
        {"x2", {{"field", "to"}}},
        {"color",
         {{"field", "end"},
          {"type", "nominal"},
          {"title", nullptr},
          {"scale",
           {{"domain", ordered_json::array({low_end, high_end})},
            {"range", ordered_json::array({"#4c78a8", "#f58518"})}}},
          {"legend", {{"orient", "top"}, {"labelLimit", 0}}}}},
        {"tooltip", ordered_json::array({tip("field", "nominal", tr("Input")),
                                         tip("end", "nominal", tr("End")),
                                         tip("to", "quantitative", tr("Cost"), ",.2f"),
                                         tip("change", "quantitative", tr("Change"), "+,.2f")})}};
    ordered_json rule;
    rule["data"] = {{"values", ordered_json::array({{{"nominal", nominal / 100.0}}})}};
    rule["mark"] = {
        {"type", "rule"}, {"color", "#222"}, {"strokeWidth", 1.5}, {"strokeDash", {4, 3}}};
    rule["encoding"] = {{"x", {{"field", "nominal"}, {"type", "quantitative"}}}};
    ordered_json spec = base_spec(values);
    spec["height"] = 28 * static_cast<int>(rows.size());
    spec["layer"] = ordered_json::array({bars, rule});
    const std::string caption =
        trf("One at a time: each uncertain input moved alone to its 5th (blue) and its 95th "
            "(orange) percentile, the others at their nominal values, same seed. Each bar runs "
            "from the nominal national cost over all school years (the dashed line, {0}) to the "
            "cost at that end; inputs are sorted by swing, largest first. The table gives each "
            "input's full field path.",
            {esc(money_text(nominal))});
    std::string html;
    page_.chart(html, "tornado", tr("Tornado: what moves the national cost"), caption, spec,
                t.html(tr("Tornado of the national cost"), true));
    return html;
  }

  std::string regression() {
    std::vector<const SensitivityRow*> rows;
    for (const SensitivityRow& row : r_.sensitivity)
      if (row.included && (row.output == "cost_total" || row.output == "full_protocol_pct"))
        rows.push_back(&row);
    if (rows.empty()) return "";
    ordered_json values = ordered_json::array();
    Table t({txt(tr("Output")), txt(tr("Input (field)")), num("SRC"), num("R\u00b2")});
    for (const SensitivityRow* row : rows) {
      const std::string label =
          row->input < labels_.size() ? labels_[row->input] : input_label(r_, row->input);
      values.push_back({{"output", output_label(row->output)},
                        {"input", label},
                        {"field", input_label(r_, row->input)},
                        {"src", row->src}});
      t.row({txt(metric_shown(row->output)), txt(input_label(r_, row->input)),
             num(fixed(row->src, 3)), num(fixed(row->r2, 3))});
    }
    ordered_json spec = base_spec(values);
    spec["height"] = 28 * static_cast<int>(rows.size() / 2 + 1);
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {
        {"y",
         {{"field", "input"}, {"type", "nominal"}, {"title", nullptr}, {"axis", full_labels()}}},
        {"yOffset", {{"field", "output"}}},
        {"x",
         {{"field", "src"}, {"type", "quantitative"}, {"title", tr("Standardised coefficient")}}},
        {"color",
         {{"field", "output"},
          {"type", "nominal"},
          {"title", nullptr},
          {"legend", {{"orient", "top"}, {"labelLimit", 0}}}}},
        {"tooltip", ordered_json::array({tip("output", "nominal", tr("Output")),
                                         tip("field", "nominal", tr("Input")),
                                         tip("src", "quantitative", "SRC", ".3f")})}};
    const std::string caption =
        tr("Global sensitivity: standardised regression coefficients of the national cost and of "
           "the full-protocol share over all school years on the inputs drawn in the "
           "replications. A coefficient is the change in the output, in standard deviations, for "
           "one standard deviation of the input; the table gives R\u00b2 (when it is low, a "
           "linear measure does not explain the output and the coefficients say little).");
    std::string html;
    page_.chart(html, "sensitivity", tr("Which inputs drive the results"), caption, spec,
                t.html(tr("Standardised regression coefficients")));
    return html;
  }

  const SweepReport& r_;
  std::vector<std::string> labels_;
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

}  // namespace coachsim::report
