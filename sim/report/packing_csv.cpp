// packing.csv: per region, coaches against the norm's ratios and the packing loss by cause
// (programme/packing.hpp), then a national row.
#include "coachsim/programme/packing.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

void row(CsvWriter& w, std::string_view region, const programme::PackingRow& p) {
  w.text(region).integer(p.teachers).integer(p.coaches).fixed(p.at_ratio, 2);
  w.fixed(p.loss(), 2).fixed(p.at_ratio > 0 ? 100.0 * p.loss() / p.at_ratio : 0.0, 2);
  w.fixed(p.loss_unsplit, 2).fixed(p.loss_few_nearby, 2).integer(p.across_ugels);
  w.fixed(p.coaches > 0 ? static_cast<double>(p.teachers) / static_cast<double>(p.coaches) : 0.0,
          2);
  w.fixed(p.at_ratio > 0 ? static_cast<double>(p.teachers) / p.at_ratio : 0.0, 2);
  w.end_row();
}

}  // namespace

std::string packing_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"region", "teachers", "coaches", "coaches_at_ratio", "packing_loss", "packing_loss_pct",
        "loss_unsplit_schools", "loss_few_schools_nearby", "coaches_across_ugels",
        "teachers_per_coach", "teachers_per_coach_at_ratio"})
    w.text(h);
  w.end_row();
  programme::PackingRow national;
  for (const programme::PackingRow& p :
       programme::packing_by_region(report.scenario, report.population)) {
    row(w, report.population.regions[p.region].id, p);
    national.teachers += p.teachers;
    national.coaches += p.coaches;
    national.at_ratio += p.at_ratio;
    national.loss_unsplit += p.loss_unsplit;
    national.loss_few_nearby += p.loss_few_nearby;
    national.set_by_input += p.set_by_input;
    national.across_ugels += p.across_ugels;
  }
  row(w, "national", national);
  return out;
}

}  // namespace coachsim::report
