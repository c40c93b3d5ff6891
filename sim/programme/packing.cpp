// Packing loss per region, from the caseloads as assigned (caseload.cpp): each coach's load is
// the sum of its teachers' shares (teachers ÷ ratio), and the room it leaves (1 − load) is the
// loss, attributed by how its caseload was made.
#include "coachsim/programme/packing.hpp"

namespace coachsim::programme {

std::vector<PackingRow> packing_by_region(const scenario::Scenario& s, const Population& pop) {
  std::vector<PackingRow> rows(pop.regions.size());
  for (std::uint32_t r = 0; r < rows.size(); ++r) rows[r].region = r;
  for (const Coach& coach : pop.coaches) {
    PackingRow& row = rows[coach.region];
    double load = 0.0;
    bool across = false;
    for (const CaseloadItem& item : coach.caseload) {
      const School& school = pop.schools[item.school];
      load += static_cast<double>(item.teachers) / school_ratio(s, school);
      across |= school.ugel != coach.ugel;
    }
    row.teachers += coach.teachers;
    row.coaches += 1;
    row.at_ratio += load;
    (coach.set_by_input ? row.set_by_input
     : coach.remainder  ? row.loss_few_nearby
                        : row.loss_unsplit) += 1.0 - load;
    row.across_ugels += across ? 1 : 0;
  }
  return rows;
}

}  // namespace coachsim::programme
