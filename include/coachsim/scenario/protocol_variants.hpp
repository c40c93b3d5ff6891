// The protocol of a school type under a declared variant (scenario.protocol_variants): the
// type's own tables with the fields the variant gives for that type replaced.
#pragma once

#include <cstddef>
#include <string>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::scenario {

// The override `variant` gives for school type `type_id`, or nullptr when it leaves it as is.
const SchoolTypeOverride* override_for(const ProtocolVariant& variant, const std::string& type_id);

// `base` (a school type's protocol) under `variant`: base itself when the variant does not
// change that type.
SchoolTypeProtocol variant_protocol(const SchoolTypeProtocol& base, const ProtocolVariant& variant);

// The index in s.protocol_variants of `id`, or s.protocol_variants.size() when unknown.
std::size_t variant_index(const Scenario& s, const std::string& id);

}  // namespace coachsim::scenario
