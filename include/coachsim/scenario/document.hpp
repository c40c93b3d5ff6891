// A scenario document: the scenario as written (after `extends:` is resolved) plus the inputs it
// declares uncertain. Sampling replaces every uncertain scalar by a draw and loads the result
// through the normal loader, so units and ranges are checked exactly as for fixed values.
//
// Draws use common random numbers: the draw for a concrete path (id form, e.g.
// "geographies[andes].speed") comes from a stream keyed by (seed, replication, hash of the path,
// the uncertainty purpose), so two scenarios with the same seed and the same uncertain input at
// the same path get the same draw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "coachsim/scenario/set_value.hpp"

namespace coachsim::scenario {

struct UncertainInput {
  std::string field;  // as written, e.g. "geographies[*].speed"
  std::vector<std::string>
      paths;                 // concrete id-form paths matched, e.g. "geographies[andes].speed"
  std::string shape;         // "triangular", "normal", ... ("factor:normal" for factors)
  std::string unit;          // unit text of the parameters, "" when dimensionless
  double low = 0, high = 0;  // P5 and P95 of the distribution (tornado range), in `unit`
  double nominal = 0;        // median of the distribution, in `unit` (for display)
  std::string source;
  int line = 0, column = 0;
};

class ScenarioDocument {  // immutable, thread-safe to use from many threads
 public:
  struct Impl;
  explicit ScenarioDocument(std::unique_ptr<const Impl> impl);
  ~ScenarioDocument();
  ScenarioDocument(const ScenarioDocument&) = delete;
  ScenarioDocument& operator=(const ScenarioDocument&) = delete;

  const Scenario& nominal() const;  // the scenario as written
  const std::vector<UncertainInput>& inputs() const;
  const std::string& name() const;  // file name
  const std::string& text() const;  // the resolved YAML (after extends)
  // Every input drawn for `replication` (CRN as above). `drawn`, when given, receives one value
  // per input (the mean of its draws when it matched several paths), in the input's unit.
  LoadResult sample(std::uint64_t seed, std::uint64_t replication,
                    std::vector<double>* drawn = nullptr) const;
  // The nominal scenario with input `input` set to `value` (in its unit; for a factor input,
  // the factor) at every path it matched.
  LoadResult with_value(std::size_t input, double value) const;

 private:
  std::unique_ptr<const Impl> impl_;
};

struct DocumentResult {
  std::shared_ptr<const ScenarioDocument> document;
  std::vector<LoadError> errors;
  bool ok() const { return errors.empty(); }
};

// `options.sets` are applied to the resolved tree before it is loaded (set_value.hpp).
DocumentResult load_document_file(const std::string& path,  // "builtin:default" allowed
                                  const LoadOptions& options = {});
DocumentResult load_document_text(std::string_view text, const std::string& name,
                                  const std::string& base_dir, const LoadOptions& options = {});

}  // namespace coachsim::scenario
