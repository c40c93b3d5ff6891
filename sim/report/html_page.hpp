// Private to the report module: what every HTML page of coachsim shares. Text formatting and
// escaping, the tables under the charts, Vega-Lite spec helpers, and the page itself: the frame
// (head, style and print CSS, inlined chart libraries, the error-capture script), the numbered
// chart sections with their contents list, and the script that renders the charts and counts
// them on <body data-charts-rendered>.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coachsim::report::html {

using nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// Text formatting

std::string esc(std::string_view s);
std::string money(std::int64_t centimos);
// A money figure held as a double in currency units (the spread statistics).
std::string money_units(double amount);
double currency_units(std::int64_t centimos);
std::string integer(std::int64_t n);
std::string fixed(double x, int places);
std::string pct(double x);
// JSON placed inside a <script> element: '<' only occurs inside strings, where \u003c means the
// same, so no "</script>" or "<!--" in a region name can end the element early.
std::string script_safe(const std::string& json);

// ---------------------------------------------------------------------------------------------
// Tables

struct Cell {
  std::string text;  // already escaped HTML
  bool number = true;
};
inline Cell txt(std::string_view s) { return {esc(s), false}; }
inline Cell num(std::string s) { return {std::move(s), true}; }

class Table {
 public:
  explicit Table(std::vector<Cell> header) : header_(std::move(header)) {}
  void row(std::vector<Cell> cells, bool total = false) {
    rows_.push_back({std::move(cells), total});
  }
  // `wide`: a table of many columns, given more than the text's width on screen.
  std::string html(std::string_view caption, bool wide = false) const;

 private:
  std::vector<Cell> header_;
  std::vector<std::pair<std::vector<Cell>, bool>> rows_;
};

// ---------------------------------------------------------------------------------------------
// Vega-Lite specs

// Vega-Lite settings shared by every chart.
ordered_json base_spec(ordered_json values);
ordered_json field(std::string_view name, std::string_view type, std::string_view title);
ordered_json money_axis_field(std::string_view name, const std::string& title);
ordered_json tip(std::string_view name, std::string_view type, std::string_view title,
                 std::string_view format = {});
// Adds the mean line (the first of `marks`, each {x, label}) and a text label per mark (mean,
// ±1 SD, ±2 SD) to a horizontal bar chart's layers; nothing when `marks` is empty.
void add_reference_marks(ordered_json& layers, const ordered_json& marks,
                         const std::string& x_title);

// A bar chart of regions over the spread of their values: the mean ± 1 and ± 2 SD bands (from
// 0 when they would be negative), the bars, and reference lines at the mean and ±1, ±2 SD
// (lines below 0 left out; no bands or SD lines when sd is 0). The run's and the audit's cost
// per teacher charts.
struct MeanSd {
  double mean = 0, sd = 0;
  int n = 0;  // regions in the mean
};
// The bars, one per region longest first, on `x_field`; the caller adds colour and tooltip.
ordered_json region_bars(std::string_view x_field, const std::string& x_title);
// The chart: `spread` null draws the bars alone. One 20-px row per region (a fixed height per
// bar: Vega-Lite's height step cannot combine with a width that follows the page).
ordered_json mean_sd_chart(ordered_json values, const MeanSd* spread, ordered_json bars,
                           const std::string& x_title);
// The caption's sentence on the lines and bands, with its leading space and no full stop.
std::string mean_sd_caption(const MeanSd& spread);

// Scatter labels that never collide. Each point carries its name only when the name fits: the
// most unusual points first (highest `priority`), at most `max_labels`, to the right of the point
// or else to its left, never over another name and never past the plot's edge. The layout is
// reckoned on a plot narrower and lower than any the page draws (640 x 260 px, names at 7 px a
// character), so it holds on the screen and on paper; the points left unnamed keep their tooltip
// and their row in the table. Returns "right", "left" or "" per point, in order.
struct ScatterPoint {
  double x = 0, y = 0;
  double priority = 0;
  std::string text;
};
std::vector<std::string> place_scatter_labels(const std::vector<ScatterPoint>& points,
                                              std::size_t max_labels = 10);
// The text layers that draw the names placed by place_scatter_labels, read from each datum's
// "label_side" and "region" fields.
void add_scatter_labels(ordered_json& layers, const ordered_json& x, const ordered_json& y);

// ---------------------------------------------------------------------------------------------
// The page

// What frames a page's sections.
struct Frame {
  std::string title;           // <title>, plain text
  std::string heading;         // <h1>, plain text
  std::string meta;            // the line under the heading: <span> elements, HTML
  std::string contents;        // contents entries before the charts': <li> elements, HTML
  std::string contents_after;  // and after them
  // The footer's own text (HTML), between "Written by coachsim VERSION" and the sentence on
  // the chart libraries, which every page ends with.
  std::string footer_note;
};

class Page {
 public:
  // Adds a numbered section with the chart `id` (drawn from `spec`), its caption (HTML) and the
  // table under it (HTML), to `html`; the chart is listed in the contents.
  void chart(std::string& html, std::string_view id, const std::string& title,
             const std::string& caption, ordered_json spec, const std::string& table,
             bool wide = false);
  int charts() const { return charts_; }
  // The whole page: `sections` (HTML, the chart sections among them) in the frame.
  std::string render(const Frame& frame, const std::string& sections) const;

 private:
  ordered_json specs_ = ordered_json::object();
  int charts_ = 0;
  std::string contents_;
};

// Throws std::runtime_error when the build has no chart libraries; `path`, when given, is named.
void require_available(const std::string& path = {});

// Writes `text` to `path` through a temporary file in the same folder, renamed into place at
// the end. Throws std::runtime_error naming the file on any failure (then `path` is left as it
// was).
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace coachsim::report::html
