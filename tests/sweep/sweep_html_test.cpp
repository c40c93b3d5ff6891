// `coachsim sweep --html`: one self-contained page whose four charts (two fan charts, the
// tornado, the regression coefficients) render in headless Chromium without script errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/files.hpp"
#include "../support/process.hpp"
#include "uncertain_small.hpp"

namespace sweep_html_test {

namespace fs = std::filesystem;

using coachsim::testing::slurp;

// The text of the element with id `id` in a DOM dump ("" when empty or absent).
std::string element_text(const std::string& dom, const std::string& id) {
  const std::size_t at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const std::size_t open = dom.find('>', at), close = dom.find('<', open);
  return dom.substr(open + 1, close - open - 1);
}

TEST(SweepHtml, FanChartsTornadoAndCoefficientsRenderInChromium) {
  const fs::path dir = fs::temp_directory_path() / "coachsim-sweep-html-test";
  fs::remove_all(dir);
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const fs::path html = dir / "sweep.html";
  const auto r = coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " sweep " + scenario +
                                              " --replications 12 --tornado -q --out " +
                                              (dir / "out").string() + " --html " + html.string());
  if (r.exit_code == 1 && r.output.find("chart libraries") != std::string::npos)
    GTEST_SKIP() << "this build has no chart libraries";
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  for (const char* id : {"fan-cost", "fan-full-protocol", "tornado", "sensitivity"})
    EXPECT_NE(page.find(id), std::string::npos) << id;
  EXPECT_EQ(page.find("src=\"http"), std::string::npos);  // nothing loaded from the network
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "/usr/bin/chromium is not installed";
  const fs::path profile = dir / "profile", dom = dir / "dom.html";
  const auto b = coachsim::testing::run_shell(
      "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --user-data-dir=" +
      profile.string() + " --virtual-time-budget=10000 --dump-dom 'file://" + html.string() +
      "' > " + dom.string());
  const std::string d = slurp(dom);
  ASSERT_FALSE(d.empty()) << b.output;
  EXPECT_NE(d.find("data-charts-rendered=\"4\""), std::string::npos) << b.output;
  EXPECT_EQ(element_text(d, "errors"), "");
  EXPECT_EQ(element_text(d, "warnings"), "");
  fs::remove_all(dir);
}

}  // namespace sweep_html_test
