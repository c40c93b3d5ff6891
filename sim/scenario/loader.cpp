// Entry points of the scenario loader: file and text in, Scenario and every problem out.
#include "coachsim/scenario/loader.hpp"
#include "coachsim/i18n/tr.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "checks.hpp"
#include "coachsim/scenario/input_file.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"
#include "tree_loader.hpp"

namespace coachsim::scenario {

namespace {

using detail::MapReader;
using detail::Need;

const std::vector<std::string> kTopLevelKeys = {"coachsim",      "name",
                                                "description",   "currency",
                                                "seed",          "calendar",
                                                "years",         "geographies",
                                                "protocol",      "coach",
                                                "supervision",   "staff_roles",
                                                "costs",         "regions",
                                                "central_costs", "sources",
                                                "scale_up",      "coach_supply",
                                                "outcomes",      "prices",
                                                "budget",        "extends",
                                                "uncertainty",   "teacher_turnover",
                                                "not_coached",   "cost_categories",
                                                "extra_costs",   "protocol_variants",
                                                "protocol_plan"};

bool is_currency_code(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void load_document(detail::Reader& reader, const YAML::Node& root, Scenario& out,
                   const std::string& base_dir) {
  MapReader top(reader, root, "", kTopLevelKeys, tr("scenario keys"));
  if (!top.ok()) return;

  if (auto node = top.get("coachsim", Need::kRequired, tr("the format version 1"))) {
    auto version = reader.integer(*node, "coachsim");
    if (version && *version != 1) {
      reader.fail(*node, "coachsim",
                  trf("expected format version 1, got {0} (this coachsim reads format 1 only)",
                      {std::to_string(*version)}));
    }
  }
  if (auto v = top.text("name", Need::kRequired)) out.name = *v;
  if (auto v = top.text("description", Need::kOptional)) out.description = *v;
  if (auto node = top.get("currency", Need::kOptional, tr("a currency code"))) {
    if (auto v = reader.text(*node, "currency")) {
      out.currency = *v;
      if (is_currency_code(*v)) {
        reader.currency = *v;
      } else {
        reader.fail(*node, "currency",
                    trf("expected a currency code of 3 capital letters (e.g. 'PEN'), got {0}",
                        {detail::in_quotes(*v)}));
      }
    }
  }
  if (auto node = top.get("seed", Need::kOptional, tr("a non-negative integer"))) {
    if (auto v = reader.unsigned_integer(*node, "seed")) out.seed = *v;
  }

  detail::load_calendar(reader, top, out);
  detail::load_terms(reader, top, out);
  detail::load_protocol(reader, top, out);
  detail::load_regions(reader, top, out, base_dir);
  detail::load_central_costs(reader, top, out);
  detail::load_extra_costs(reader, top, out);
  detail::load_growth(reader, top, out);
  detail::load_outcomes(reader, top, out);
  detail::load_prices(reader, top, out);
  detail::load_budget(reader, top, out);
  detail::load_not_coached(reader, top, out);
  detail::load_protocol_variants(reader, top, out);
}

}  // namespace

LoadResult load_scenario_text(std::string_view yaml_text, const std::string& name,
                              const std::string& base_dir) {
  detail::FullLoad full = detail::load_document_full(yaml_text, name, base_dir);
  // The document took the nominal scenario (moved, not copied); this caller wants its own.
  if (full.document) full.nominal.scenario = full.document->nominal();
  return std::move(full.nominal);
}

LoadResult load_scenario_file(const std::string& path) {
  std::string text;
  std::string error;
  if (!detail::read_file(path, text, error)) {
    LoadResult result;
    result.errors.push_back(LoadError{path, 0, 0, "", error});
    return result;
  }
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  return load_scenario_text(text, path, base_dir);
}

namespace detail {

const std::vector<std::string>& top_level_keys() { return kTopLevelKeys; }

bool read_file(const std::string& path, std::string& text, std::string& error) {
  return read_input_file(path, N_("scenario file"), kMaxScenarioBytes, text, error);
}

LoadResult load_tree(const YAML::Node& root, const std::string& name, const std::string& base_dir,
                     const TreeOptions& options, std::size_t* overrides_used) {
  LoadResult result;
  FieldIndex index;
  Reader reader(name, index, result.errors);
  reader.sources = options.sources;
  reader.overrides = options.overrides;
  reader.csv_cache = options.csv_cache;
  reader.csv_texts = options.csv_texts;
  try {
    load_document(reader, root, result.scenario, base_dir);
  } catch (const YAML::Exception& e) {
    // The reader never converts with exceptions; this is a guard, not a path we expect.
    reader.fail(e.mark, "", trf("cannot read the YAML document: {0}", {e.msg}));
  }
  auto checks = run_checks(result.scenario, name, &index);
  result.errors.insert(result.errors.end(), checks.begin(), checks.end());
  sort_errors(result.errors, name);
  if (overrides_used != nullptr) *overrides_used = reader.overrides_used;
  return result;
}

// Errors in the scenario file first, by position; then those in other files (CSV).
void sort_errors(std::vector<LoadError>& errors, const std::string& name) {
  std::stable_sort(errors.begin(), errors.end(), [&](const LoadError& a, const LoadError& b) {
    const bool a_other = a.file != name;
    const bool b_other = b.file != name;
    if (a_other != b_other) return !a_other;
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

}  // namespace detail

}  // namespace coachsim::scenario
