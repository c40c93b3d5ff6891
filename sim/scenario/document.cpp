// ScenarioDocument: the resolved tree, its nominal scenario and its uncertain inputs; samples
// are loaded from the same parsed tree with the drawn values as scalar overrides (see
// document.hpp).
#include "coachsim/scenario/document.hpp"

#include <filesystem>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/workbook.hpp"
#include "coachsim/stochastic/distributions.hpp"
#include "coachsim/stochastic/random.hpp"
#include "set_values.hpp"
#include "tree_loader.hpp"
#include "uncertainty.hpp"

namespace coachsim::scenario {

namespace {

constexpr std::uint64_t kUncertaintyPurpose =
    stochastic::stream_purpose(std::string_view("scenario.uncertainty"));

}  // namespace

struct ScenarioDocument::Impl {
  std::string name;
  std::string base_dir;
  std::string text;
  YAML::Node root;
  detail::SourceMap sources;
  // Filled by the nominal load and frozen before the document is shared: read-only after.
  mutable detail::CsvCache csv;
  Scenario nominal;
  std::vector<UncertainInput> inputs;
  std::vector<detail::UncertainSpec> specs;
  std::map<std::string, std::string> csv_texts;  // LoadOptions::schools_csv_texts
  std::vector<SetValue> sets;                    // owned here: `applied` points into it
  std::vector<detail::AppliedSet> applied;

  LoadResult load(const detail::ScalarOverrides& overrides) const {
    std::size_t used = 0;
    LoadResult result = detail::load_tree(
        root, name, base_dir, detail::TreeOptions{&sources, &overrides, &csv, &csv_texts}, &used);
    detail::attribute_to_sets(result.errors, applied);
    record_sets(result.scenario);
    if (used < overrides.size()) {
      // Every path comes from the tree the loader reads, so this is a bug, not bad input.
      result.errors.push_back(LoadError{name, 0, 0, "uncertainty",
                                        "internal error: a sampled value was not read by the "
                                        "loader (" +
                                            std::to_string(overrides.size() - used) + " of " +
                                            std::to_string(overrides.size()) + ")"});
    }
    return result;
  }

  void record_sets(Scenario& scenario) const {
    std::vector<std::string> sets_given;
    for (const SetValue& set : sets) sets_given.push_back(detail::set_label(set));
    scenario.provenance.insert(scenario.provenance.begin(), sets_given.begin(), sets_given.end());
    scenario.provenance_shown.insert(scenario.provenance_shown.begin(), sets_given.begin(),
                                     sets_given.end());
  }

  // Overrides setting every match of spec `i` to `value`.
  void set_all(std::size_t i, double value, detail::ScalarOverrides& overrides) const {
    for (const auto& match : specs[i].matches) {
      overrides[match.index_path] = detail::value_text(specs[i], match, value);
    }
  }
};

ScenarioDocument::ScenarioDocument(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
ScenarioDocument::~ScenarioDocument() = default;

const Scenario& ScenarioDocument::nominal() const { return impl_->nominal; }
const std::vector<UncertainInput>& ScenarioDocument::inputs() const { return impl_->inputs; }
const std::string& ScenarioDocument::name() const { return impl_->name; }
const std::string& ScenarioDocument::text() const { return impl_->text; }

LoadResult ScenarioDocument::sample(std::uint64_t seed, std::uint64_t replication,
                                    std::vector<double>* drawn) const {
  detail::ScalarOverrides overrides;
  if (drawn != nullptr) drawn->assign(impl_->specs.size(), 0.0);
  for (std::size_t i = 0; i < impl_->specs.size(); ++i) {
    const detail::UncertainSpec& spec = impl_->specs[i];
    // Common random numbers: the stream depends only on the seed, the replication and the
    // path (the field as written for a shared draw), never on the other inputs or the order.
    const auto stream_for = [&](const std::string& key) {
      return stochastic::RandomStream(stochastic::StreamKey{
          seed, replication, stochastic::stream_purpose(key), kUncertaintyPurpose});
    };
    double sum = 0;
    if (spec.shared) {
      auto stream = stream_for(spec.info.field);
      const double value = stochastic::draw(spec.distribution, stream);
      impl_->set_all(i, value, overrides);
      sum = value * static_cast<double>(spec.matches.size());
    } else {
      for (const auto& match : spec.matches) {
        auto stream = stream_for(match.id_path);
        const double value = stochastic::draw(spec.distribution, stream);
        overrides[match.index_path] = detail::value_text(spec, match, value);
        sum += value;
      }
    }
    if (drawn != nullptr) (*drawn)[i] = sum / static_cast<double>(spec.matches.size());
  }
  return impl_->load(overrides);
}

LoadResult ScenarioDocument::with_value(std::size_t input, double value) const {
  if (input >= impl_->specs.size()) {
    LoadResult result;
    result.errors.push_back(LoadError{impl_->name, 0, 0, "uncertainty",
                                      "no uncertain input number " + std::to_string(input) +
                                          " (the scenario declares " +
                                          std::to_string(impl_->specs.size()) + ")"});
    return result;
  }
  detail::ScalarOverrides overrides;
  impl_->set_all(input, value, overrides);
  return impl_->load(overrides);
}

namespace detail {

FullLoad load_document_full(std::string_view text, const std::string& name,
                            const std::string& base_dir, const LoadOptions& options) {
  FullLoad full;
  ResolvedSource source = resolve_source(text, name, base_dir);
  if (!source.errors.empty()) {
    full.nominal.errors = std::move(source.errors);
    sort_errors(full.nominal.errors, name);
    return full;
  }
  auto impl = std::make_unique<ScenarioDocument::Impl>();
  impl->name = name;
  impl->base_dir = base_dir;
  impl->text = std::move(source.text);
  impl->root = source.root;
  impl->sources = std::move(source.sources);
  impl->sets = options.sets;
  impl->csv_texts = options.schools_csv_texts;
  impl->csv_texts.insert(source.csv_texts.begin(), source.csv_texts.end());
  std::vector<LoadError> set_errors;
  impl->applied = apply_sets(impl->root, impl->sets, set_errors);
  if (!impl->sets.empty()) {
    // The text kept for the outputs (SQLite, workbook) says what the command line changed.
    impl->text += "\n# Changed on the command line, after this file was read:\n";
    for (const SetValue& set : impl->sets) impl->text += "#   " + set_label(set) + "\n";
  }

  // The uncertainty section is read even when the nominal scenario has errors, so one pass
  // reports both; the end-point checks of the entries that were read need a valid nominal
  // scenario.
  std::vector<LoadError> errors;
  FieldIndex index;
  Reader reader(name, index, errors);
  reader.sources = &impl->sources;
  impl->specs = parse_uncertainty(reader, impl->root);
  // Schools CSVs are kept parsed only for the samples of uncertain inputs: without any, the
  // nominal load reads them straight into the scenario (a cached parse would be a second copy
  // of every school).
  CsvCache* cache = impl->specs.empty() ? nullptr : &impl->csv;
  full.nominal = load_tree(impl->root, name, base_dir,
                           TreeOptions{&impl->sources, nullptr, cache, &impl->csv_texts});
  attribute_to_sets(full.nominal.errors, impl->applied);
  full.nominal.errors.insert(full.nominal.errors.end(), set_errors.begin(), set_errors.end());
  impl->record_sets(full.nominal.scenario);
  impl->csv.frozen = true;
  if (full.nominal.ok()) {
    for (std::size_t i = 0; i < impl->specs.size(); ++i) {
      const UncertainSpec& spec = impl->specs[i];
      const std::string entry = "uncertainty[" + std::to_string(spec.entry) + "]";
      const double ends[2] = {stochastic::low_end(spec.distribution),
                              stochastic::high_end(spec.distribution)};
      for (int end = 0; end < 2; ++end) {
        ScalarOverrides overrides;
        impl->set_all(i, ends[end], overrides);
        const LoadResult at_end = impl->load(overrides);
        for (const LoadError& e : at_end.errors) {
          const std::string value = describe_value(spec, ends[end]);
          std::string message;
          if (e.field.empty())
            message =
                end == 0
                    ? trf("at its low end {0} the scenario is invalid: {1}", {value, e.message})
                    : trf("at its high end {0} the scenario is invalid: {1}", {value, e.message});
          else
            message = end == 0 ? trf("at its low end {0} the field {1} is invalid: {2}",
                                     {value, e.field, e.message})
                               : trf("at its high end {0} the field {1} is invalid: {2}",
                                     {value, e.field, e.message});
          errors.push_back(
              LoadError{spec.file, spec.info.line, spec.info.column, entry, std::move(message)});
        }
      }
    }
  }
  full.nominal.errors.insert(full.nominal.errors.end(), errors.begin(), errors.end());
  sort_errors(full.nominal.errors, name);
  if (!full.nominal.ok()) return full;
  impl->nominal = std::move(full.nominal.scenario);  // load_scenario_text copies it back
  for (const auto& spec : impl->specs) impl->inputs.push_back(spec.info);
  full.document = std::make_shared<const ScenarioDocument>(std::move(impl));
  return full;
}

}  // namespace detail

DocumentResult load_document_text(std::string_view text, const std::string& name,
                                  const std::string& base_dir, const LoadOptions& options) {
  detail::FullLoad full = detail::load_document_full(text, name, base_dir, options);
  return DocumentResult{std::move(full.document), std::move(full.nominal.errors)};
}

DocumentResult load_document_file(const std::string& path, const LoadOptions& options) {
  if (path == "builtin:default") {
    return load_document_text(default_scenario_text(), std::string(kDefaultScenarioName), ".",
                              options);
  }
  if (is_workbook_path(path)) return load_workbook_document(path, options);
  std::string text;
  std::string error;
  if (!detail::read_file(path, text, error)) {
    return DocumentResult{nullptr, {LoadError{path, 0, 0, "", error}}};
  }
  return load_document_text(text, path, std::filesystem::path(path).parent_path().string(),
                            options);
}

}  // namespace coachsim::scenario
