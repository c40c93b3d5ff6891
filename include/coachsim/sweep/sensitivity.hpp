// Sensitivity measures of a sweep: one-at-a-time swings (tornado) and standardised regression
// coefficients (global). Pure functions of numbers already computed; the simulations that feed
// them are run by sweep.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace coachsim::sweep {

// One input moved from its low to its high end with everything else nominal.
struct TornadoRow {
  std::size_t input = 0;                 // index into the document's inputs
  std::string output;                    // metric name, e.g. "cost_total" (national, all years)
  double input_low = 0, input_high = 0;  // in the input's unit
  double at_low = 0, at_high = 0;        // the output with the input at each end
  double swing = 0;                      // |at_high - at_low|
};

// Sorts rows output by output (in the order outputs first appear), and within an output by
// swing, largest first; ties keep input order.
void sort_tornado(std::vector<TornadoRow>& rows);

// Standardised regression coefficients of y on the columns of x (one column per input, one
// value per replication): least squares on z-scored columns, so a coefficient is the change in
// y, in SDs of y, per SD of the input. Columns with zero variance are left out (included =
// false, coefficient 0). R² says how much of y's variance the linear model explains; when it is
// low, SRCs do not describe the sensitivity well.
struct Regression {
  std::vector<double> src;
  std::vector<bool> included;
  double r2 = 0;
  std::string note;  // why the fit was not made or inputs were left out; empty when all is well
};
Regression standardised_regression(const std::vector<std::vector<double>>& x,
                                   const std::vector<double>& y);

}  // namespace coachsim::sweep
