// The files and terminal text of a sweep. Nothing here depends on the thread or process count,
// so the files are byte-identical however the replications were run.
#pragma once

#include <string>

#include "coachsim/sweep/sweep.hpp"

namespace coachsim::report {

// sweep.csv, replications.csv, tornado.csv (when run), sensitivity.csv, probabilities.csv
// (when a budget limit or coverage target was given) and sweep.json, all or nothing.
void write_sweep_outputs(const sweep::SweepReport& report, const std::string& dir);

std::string sweep_csv(const sweep::SweepReport& report);
std::string replications_csv(const sweep::SweepReport& report);
std::string tornado_csv(const sweep::SweepReport& report);
std::string sensitivity_csv(const sweep::SweepReport& report);
std::string probabilities_csv(const sweep::SweepReport& report);
std::string sweep_json(const sweep::SweepReport& report);

// National headline metrics with P5/P50/P95, probabilities and the top of the tornado.
std::string sweep_terminal(const sweep::SweepReport& report);

// The sweep as one self-contained HTML page (fan charts, tornado, regression coefficients).
// Throws std::runtime_error when the build has no chart libraries, or naming `path` when it
// cannot be written (then nothing is left behind).
std::string sweep_html(const sweep::SweepReport& report);
void write_sweep_html(const sweep::SweepReport& report, const std::string& path);

}  // namespace coachsim::report
