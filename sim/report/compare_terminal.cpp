// The side-by-side table `coachsim compare` prints: each scenario's value, then for every
// scenario after the first its difference from the first, absolute and in percent.
#include <algorithm>
#include <cstdio>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/compare_report.hpp"
#include "coachsim/units/parse.hpp"
#include "compare_format.hpp"
#include "labels.hpp"

namespace coachsim::report {
namespace {

using compare::Comparison;
using compare::Row;
using results::MetricUnit;

constexpr std::size_t kLabelWidth = 32;
// "n/a" in English; translated where shown.
constexpr const char* kAbsent = N_("n/a");

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}
std::string fixed(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

// A value in its unit; `signed_diff` adds "+" to positive differences and shows a percent's
// difference in percentage points.
std::string show(const Row& row, const std::optional<double>& v, bool signed_diff) {
  if (!v) return tr(kAbsent);
  std::string s;
  switch (row.unit) {
    case MetricUnit::kCentimos:
      s = units::format_centimos_grouped(cmp::cents(*v));
      break;
    case MetricUnit::kCount:
      s = grouped(static_cast<std::int64_t>(std::llround(*v)));
      break;
    case MetricUnit::kPercent:
      s = fixed(*v, 1) + (signed_diff ? " pp" : "%");
      break;
    case MetricUnit::kRatio:
      s = fixed(*v, 2);
      break;
  }
  return signed_diff && *v > 0 ? "+" + s : s;
}

std::string show_pct(const std::optional<double>& p) {
  if (!p) return tr(kAbsent);
  return (*p > 0 ? "+" : "") + fixed(*p, 2) + "%";
}

class Table {
 public:
  // Columns as wide as their widest national figure (every row printed is national) or their
  // heading, with two spaces between columns.
  explicit Table(const Comparison& c) : c_(c) {
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
      const std::string& l = c.scenarios[s].label;
      std::size_t value = std::max<std::size_t>(12, l.size());
      std::size_t diff = std::max<std::size_t>(10, l.size() + 5);
      std::size_t pct = std::max<std::size_t>(8, l.size() + 6);
      for (const Row& row : c.rows) {
        if (row.scope != "national") continue;
        value = std::max(value, show(row, row.values[s], false).size());
        diff = std::max(diff, show(row, row.diffs[s], true).size());
        pct = std::max(pct, show_pct(row.diff_pcts[s]).size());
      }
      value_w_.push_back(value + 2);
      diff_w_.push_back(diff + 2);
      pct_w_.push_back(pct + 2);
    }
  }
  // Widens the label column for a longer (translated) label, two spaces past it.
  void fit(const std::string& label) { label_w_ = std::max(label_w_, text_width(label) + 2); }
  std::string header(const std::string& title) const {
    std::string out = title + "\n" + pad_right("", label_w_);
    for (std::size_t s = 0; s < c_.scenarios.size(); ++s) {
      const std::string& l = c_.scenarios[s].label;
      out += pad_left(l, value_w_[s]);
      if (s > 0)
        out +=
            pad_left(trf("diff {0}", {l}), diff_w_[s]) + pad_left(trf("diff% {0}", {l}), pct_w_[s]);
    }
    return out + "\n";
  }
  std::string line(const std::string& label, const Row& row) const {
    std::string out = pad_right(label, label_w_);
    for (std::size_t s = 0; s < c_.scenarios.size(); ++s) {
      out += pad_left(show(row, row.values[s], false), value_w_[s]);
      if (s > 0)
        out += pad_left(show(row, row.diffs[s], true), diff_w_[s]) +
               pad_left(show_pct(row.diff_pcts[s]), pct_w_[s]);
    }
    return out + "\n";
  }

 private:
  const Comparison& c_;
  std::size_t label_w_ = kLabelWidth;
  std::vector<std::size_t> value_w_, diff_w_, pct_w_;
};

// A headline metric as the terminal names it: its label in English, its translation otherwise.
std::string headline_label(const results::MetricDef& m) {
  return i18n::language() == "en" ? std::string(m.label) : metric_label(m.id);
}

std::string headlines(const Comparison& c, const Table& t, int year, const std::string& title) {
  std::string out;
  for (const results::MetricDef* h : cmp::kHeadlines) {
    const Row* row = c.find("national/" + cmp::year_label(year) + "/" + std::string(h->id));
    if (row != nullptr) out += t.line(headline_label(*h), *row);
  }
  return out.empty() ? "" : "\n" + t.header(title) + out;
}

}  // namespace

std::string compare_terminal(const Comparison& c) {
  Table t(c);
  for (const results::MetricDef* h : cmp::kHeadlines) t.fit(headline_label(*h));
  for (const std::string& id : c.category_ids())
    if (i18n::language() != "en") t.fit("  " + category_label_of_id(id));
  std::string out = "coachsim " COACHSIM_VERSION ": " +
                    trf("{0} scenarios compared (money in {1}); differences are against {2}",
                        {std::to_string(c.scenarios.size()), c.currency,
                         c.scenarios.empty() ? std::string() : c.scenarios.front().label}) +
                    "\n";
  std::size_t label_w = 4;
  for (const compare::Entry& e : c.scenarios) label_w = std::max(label_w, e.label.size());
  for (const compare::Entry& e : c.scenarios)
    out += "  " + pad_right(e.label, label_w) + "  " + e.file + "  " +
           trf("\"{0}\", seed {1}", {e.scenario_name, std::to_string(e.seed)}) + "\n";

  out += headlines(c, t, 0, tr("National, all school years (counts are teacher-years)"));
  std::vector<int> years;
  for (const Row& row : c.rows)
    if (row.scope == "national" && row.year != 0 &&
        std::find(years.begin(), years.end(), row.year) == years.end())
      years.push_back(row.year);
  std::sort(years.begin(), years.end());
  for (int y : years) out += headlines(c, t, y, trf("National, {0}", {std::to_string(y)}));

  std::string cats;
  const std::vector<std::string> ids = c.category_ids();
  for (std::size_t k = 0; k <= ids.size(); ++k) {
    const std::string name = k < ids.size() ? "cost_" + ids[k] : "cost_outside_regions";
    const Row* row = c.find("national/all/" + name);
    if (row == nullptr) continue;
    // Spending outside the regions only when a scenario has central costs.
    const bool all_zero = std::all_of(row->values.begin(), row->values.end(),
                                      [](const std::optional<double>& v) { return !v || *v == 0; });
    if (k == ids.size() && all_zero) continue;
    // The category's id in English (as in ledger.csv), its translation otherwise.
    const std::string id = name.substr(5);
    const std::string label = i18n::language() == "en" ? id
                              : k == ids.size()        ? region_label("(outside regions)")
                                                       : category_label_of_id(id);
    cats += t.line("  " + label, *row);
  }
  if (!cats.empty())
    out += "\n" + t.header(trf("Cost by category, all school years ({0})", {c.currency})) + cats;
  return out;
}

}  // namespace coachsim::report
