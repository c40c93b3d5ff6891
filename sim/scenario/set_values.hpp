// Applying `--set PATH=VALUE` to a parsed scenario tree (set_value.hpp). Private to the scenario
// module.
#pragma once

#include <string>
#include <vector>

#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/set_value.hpp"
#include "yaml_reader.hpp"

namespace coachsim::scenario::detail {

// Where each set value went in the tree, in the loader's index form ("regions[17].coaches").
struct AppliedSet {
  const SetValue* set = nullptr;
  std::string index_path;
};

// Writes each value into `root`, creating the last key (and missing maps before it) when the
// file does not have it; a path whose list item or non-final key does not exist is an error
// naming the --set argument, with a did-you-mean.
std::vector<AppliedSet> apply_sets(YAML::Node& root, const std::vector<SetValue>& sets,
                                   std::vector<LoadError>& errors);

// Errors about a field a --set wrote (or inside it) name the --set argument instead of the file.
void attribute_to_sets(std::vector<LoadError>& errors, const std::vector<AppliedSet>& applied);

// How a --set argument is named in messages and provenance: "--set 'PATH=VALUE'".
std::string set_label(const SetValue& set);

}  // namespace coachsim::scenario::detail
