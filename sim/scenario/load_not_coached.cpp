// Loads not_coached: (schools left out of one year's coaching). Form only; years and school ids
// are checked in validate_not_coached.cpp.
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

void load_not_coached(Reader& reader, MapReader& top, Scenario& out) {
  auto list = top.get("not_coached", Need::kOptional, tr("a list of {year, schools}"));
  if (!list) return;
  for_each_item(
      reader, *list, "not_coached", tr("years with the schools left out {year, schools}"),
      [&](const YAML::Node& item, const std::string& path) {
        MapReader m(reader, item, path, {"year", "schools"}, tr("schools not coached"));
        NotCoached n;
        if (auto v = m.integer("year", Need::kRequired)) n.year = *v;
        if (auto schools = m.get("schools", Need::kRequired, tr("a list of school ids"))) {
          for_each_item(reader, *schools, m.path("schools"), tr("school ids"),
                        [&](const YAML::Node& s, const std::string& s_path) {
                          if (auto v = reader.text(s, s_path)) n.schools.push_back(*v);
                        });
        }
        out.not_coached.push_back(std::move(n));
      });
}

}  // namespace coachsim::scenario::detail
