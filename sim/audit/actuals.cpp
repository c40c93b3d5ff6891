// Reading the actuals CSV (format in actuals.hpp), reporting every malformed row.
#include "coachsim/audit/actuals.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/csv.hpp"
#include "coachsim/scenario/input_file.hpp"
#include "coachsim/scenario/suggest.hpp"
#include "coachsim/units/checked.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::audit {
namespace {

// Largest sum of the file's values (céntimos and counts alike): 10^14 in the currency, far
// below int64's 9.2 * 10^18 so that sums the audit forms from them fit.
constexpr std::int64_t kMaxTotal = 10'000'000'000'000'000;

const std::vector<std::string> kColumns = {"region", "year",   "measure",
                                           "value",  "status", "source"};

bool count_from_id(std::string_view id, Count& out) {
  for (int c = 0; c < kCountKinds; ++c) {
    if (count_id(static_cast<Count>(c)) == id) {
      out = static_cast<Count>(c);
      return true;
    }
  }
  return false;
}

std::string measures_list(const costs::CostTable& costs) {
  std::string s;
  for (const costs::CategoryRow& row : costs.categories())
    s += std::string(s.empty() ? "" : ", ") + "spending." + row.id;
  for (int c = 0; c < kCountKinds; ++c)
    s += ", count." + std::string(count_id(static_cast<Count>(c)));
  return s;
}

}  // namespace

std::string_view count_id(Count c) {
  switch (c) {
    case Count::kCoaches:
      return "coaches";
    case Count::kSupervisors:
      return "supervisors";
    case Count::kStaff:
      return "staff";
    case Count::kTeachers:
      return "teachers";
    case Count::kSchools:
      return "schools";
    case Count::kStudents:
      return "students";
  }
  return "?";
}

std::int64_t RegionActuals::spending_total() const {
  std::int64_t sum = 0;
  for (std::int64_t v : spending) sum += v;
  return sum;
}

ActualsLoad load_actuals_text(const std::string& text, const std::string& file,
                              const costs::CostTable& costs) {
  ActualsLoad out;
  std::map<std::pair<std::string, int>, std::size_t> index;
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> fields;
  std::vector<int> column_of(kColumns.size(), -1);
  int line_no = 0;
  int header_count = 0;
  bool header = true;
  auto error = [&](int column, const std::string& field, const std::string& message) {
    out.errors.push_back({file, line_no, column, field, message});
  };
  if (const auto bad = scenario::find_invalid_utf8(text)) {
    out.errors.push_back(
        {file, bad->line, bad->column, "", scenario::invalid_utf8_message(text, *bad)});
    return out;
  }
  out.dialect = scenario::detect_csv_dialect(text);
  // Every value is at most the limit of one amount and the values' running total is checked,
  // so no sum the audit forms (a region's total, the nation's) can wrap.
  std::int64_t total = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!scenario::split_csv_line(line, fields, out.dialect.separator)) {
      error(0, "", tr("unterminated double quote in this row"));
      continue;
    }
    if (header) {
      header = false;
      header_count = static_cast<int>(fields.size());
      for (std::size_t f = 0; f < fields.size(); ++f) {
        bool known = false;
        for (std::size_t k = 0; k < kColumns.size(); ++k) {
          if (fields[f] == kColumns[k]) {
            column_of[k] = static_cast<int>(f);
            known = true;
          }
        }
        if (!known)
          error(static_cast<int>(f) + 1, fields[f],
                trf("unknown column '{0}' (expected region, year, measure, value, status, source)",
                    {fields[f]}));
      }
      for (std::size_t k = 0; k < 5; ++k)
        if (column_of[k] < 0) error(0, kColumns[k], trf("missing column '{0}'", {kColumns[k]}));
      if (!out.errors.empty()) return out;
      continue;
    }
    if (fields.size() > static_cast<std::size_t>(header_count)) {
      error(header_count + 1, "",
            trf(out.dialect.separator == ','
                    ? N_("expected {0} fields as in the header row, got {1} (a comma inside a "
                         "value needs double quotes)")
                    : N_("expected {0} fields as in the header row, got {1} (a semicolon inside "
                         "a value needs double quotes)"),
                {std::to_string(header_count), std::to_string(fields.size())}));
      continue;
    }
    auto get = [&](std::size_t k) -> std::string {
      return column_of[k] >= 0 && static_cast<std::size_t>(column_of[k]) < fields.size()
                 ? fields[static_cast<std::size_t>(column_of[k])]
                 : std::string();
    };
    auto col = [&](std::size_t k) { return column_of[k] + 1; };
    const std::size_t before = out.errors.size();
    const std::string region = get(0), measure = get(2), value = get(3), status = get(4);
    if (region.empty()) error(col(0), "region", tr("expected a region name, got an empty field"));
    int year = 0;
    const std::string year_text = get(1);
    const auto yr = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (yr.ec != std::errc() || yr.ptr != year_text.data() + year_text.size() || year < 1900 ||
        year > 2199)
      error(col(1), "year", trf("expected a year such as 2013, got '{0}'", {year_text}));
    if (status != "published" && status != "constructed")
      error(col(4), "status", trf("expected 'published' or 'constructed', got '{0}'", {status}));

    bool spending = false;
    costs::Category category{};
    Count count{};
    if (measure.rfind("spending.", 0) == 0 && costs.find_category(measure.substr(9), category)) {
      spending = true;
    } else if (!(measure.rfind("count.", 0) == 0 && count_from_id(measure.substr(6), count))) {
      error(col(2), "measure",
            trf("unknown measure '{0}' (expected one of {1})", {measure, measures_list(costs)}));
    }
    std::int64_t amount = 0;
    if (out.errors.size() == before) {
      if (spending) {
        auto parsed = units::parse_expecting(scenario::decimal_point(value, out.dialect) + " PEN",
                                             units::Kind::kMoney, "PEN");
        if (auto* q = std::get_if<units::ParsedQuantity>(&parsed); q && q->centimos >= 0) {
          amount = q->centimos;
        } else if (auto* e = std::get_if<units::ParseError>(&parsed); e && e->too_large) {
          amount = units::kMaxAmountCentimos + 1;  // reported below as too large
        } else {
          error(col(3), measure,
                trf("expected an amount >= 0 with at most 2 decimals (e.g. 1250000.50), got "
                    "'{0}'",
                    {value}));
        }
      } else {
        const auto r = std::from_chars(value.data(), value.data() + value.size(), amount);
        if (r.ec != std::errc() || r.ptr != value.data() + value.size() || amount < 0)
          error(col(3), measure, trf("expected a whole number >= 0, got '{0}'", {value}));
      }
    }
    if (out.errors.size() == before &&
        (amount > units::kMaxAmountCentimos || __builtin_add_overflow(total, amount, &total) ||
         total > kMaxTotal)) {
      error(col(3), measure,
            trf("value too large: {0} (one amount may be at most 1000000000000, and the file's "
                "values together at most 100000000000000, README \"Limits\")",
                {value}));
    }
    if (out.errors.size() != before) continue;
    const auto key = std::make_pair(region, year);
    auto [it, inserted] = index.emplace(key, out.rows.size());
    if (inserted) {
      out.rows.emplace_back();
      out.rows.back().region = region;
      out.rows.back().year = year;
      out.rows.back().line = line_no;
      out.rows.back().region_column = col(0);
      out.rows.back().spending.assign(costs.category_count(), 0);
      out.rows.back().has_spending.assign(costs.category_count(), false);
    }
    RegionActuals& row = out.rows[it->second];
    const bool has = spending ? row.has_spending[static_cast<std::size_t>(category)]
                              : row.has_count[static_cast<std::size_t>(count)];
    if (has) {
      error(col(2), measure,
            trf("duplicate: {0} for {1} {2} was given before",
                {measure, region, std::to_string(year)}));
      continue;
    }
    if (spending)
      row.has_spending[static_cast<std::size_t>(category)] = true;
    else
      row.has_count[static_cast<std::size_t>(count)] = true;
    (spending ? row.spending[static_cast<std::size_t>(category)]
              : row.counts[static_cast<std::size_t>(count)]) = amount;
    (status == "published" ? row.published : row.constructed) += 1;
  }
  if (header) {
    out.errors.push_back({file, line_no > 0 ? line_no : 1, 1, "",
                          trf("the file is empty; expected a header row: {0}", {[] {
                                std::string h;
                                for (const auto& c : kColumns) h += (h.empty() ? "" : ",") + c;
                                return h;
                              }()})});
  }
  return out;
}

ActualsLoad load_actuals_file(const std::string& path, const costs::CostTable& costs) {
  std::string text;
  std::string error;
  if (!scenario::read_input_file(path, N_("actuals file"), scenario::kMaxActualsBytes, text,
                                 error)) {
    ActualsLoad out;
    out.errors.push_back({path, 0, 0, "", error});
    return out;
  }
  return load_actuals_text(text, path, costs);
}

std::vector<scenario::LoadError> unknown_regions(const ActualsLoad& actuals,
                                                 const std::vector<std::string>& known,
                                                 const std::string& file) {
  std::vector<scenario::LoadError> errors;
  std::vector<std::string> reported;
  for (const RegionActuals& row : actuals.rows) {
    if (std::find(known.begin(), known.end(), row.region) != known.end() ||
        std::find(reported.begin(), reported.end(), row.region) != reported.end())
      continue;
    reported.push_back(row.region);
    const std::string suggestion = scenario::did_you_mean(row.region, known);
    std::string message;
    if (!suggestion.empty()) {
      message = trf("unknown region '{0}'{1}", {row.region, suggestion});
    } else {
      std::string list;
      for (std::size_t k = 0; k < known.size(); ++k) list += (k ? ", " : " ") + known[k];
      message = trf("unknown region '{0}' (expected one of the scenario's regions:{1})",
                    {row.region, list});
    }
    errors.push_back({file, row.line, row.region_column, "region", message});
  }
  return errors;
}

}  // namespace coachsim::audit
