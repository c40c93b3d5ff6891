// A school type's protocol under a declared variant (protocol_variants.hpp).
#include "coachsim/scenario/protocol_variants.hpp"

namespace coachsim::scenario {

const SchoolTypeOverride* override_for(const ProtocolVariant& variant, const std::string& type_id) {
  for (const SchoolTypeOverride& o : variant.school_types)
    if (o.id == type_id) return &o;
  return nullptr;
}

SchoolTypeProtocol variant_protocol(const SchoolTypeProtocol& base,
                                    const ProtocolVariant& variant) {
  SchoolTypeProtocol out = base;
  const SchoolTypeOverride* o = override_for(variant, base.id);
  if (o == nullptr) return out;
  if (o->visit_days) out.visit_days = *o->visit_days;
  if (o->gia) out.gia = *o->gia;
  if (o->rtc) out.rtc = *o->rtc;
  if (o->teacher_workshops) out.teacher_workshops = *o->teacher_workshops;
  if (o->coach_workshops) out.coach_workshops = *o->coach_workshops;
  return out;
}

std::size_t variant_index(const Scenario& s, const std::string& id) {
  for (std::size_t v = 0; v < s.protocol_variants.size(); ++v)
    if (s.protocol_variants[v].id == id) return v;
  return s.protocol_variants.size();
}

}  // namespace coachsim::scenario
