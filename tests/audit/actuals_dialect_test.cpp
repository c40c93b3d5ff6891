// An actuals file saved by Excel in a Spanish locale (';', decimal commas, byte-order mark) reads
// as the plain one, and its errors keep their line and column.
#include <gtest/gtest.h>

#include "coachsim/audit/actuals.hpp"

namespace coachsim::audit {
namespace actuals_dialect_test {

TEST(ActualsDialect, ASpanishFileReadsAsThePlainOne) {
  const ActualsLoad plain = load_actuals_text(
      "region,year,measure,value,status,source\n"
      "Cusco,2013,spending.travel,136896.50,published,\"Table 22, p. 4\"\n",
      "plain.csv");
  const ActualsLoad es = load_actuals_text(
      "\xEF\xBB\xBF"
      "region;year;measure;value;status;source\r\n"
      "Cusco;2013;spending.travel;136896,50;published;Table 22, p. 4\r\n",
      "es.csv");
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE(es.ok()) << es.errors[0].to_string();
  EXPECT_TRUE(plain.dialect.plain());
  EXPECT_EQ(es.dialect.describe(), "separator ';', decimal comma, UTF-8 byte-order mark");
  ASSERT_EQ(es.rows.size(), 1u);
  EXPECT_EQ(es.rows[0].spending_total(), 13689650);
  EXPECT_EQ(es.rows[0].spending_total(), plain.rows[0].spending_total());
}

TEST(ActualsDialect, ErrorsKeepTheirLineAndColumn) {
  const ActualsLoad es = load_actuals_text(
      "region;year;measure;value;status;source\n"
      "Cusco;2013;spending.travel;136896,50;published;x\n"
      "Cusco;2013;spending.per_diem;12,345,6;published;x\n",
      "es.csv");
  ASSERT_EQ(es.errors.size(), 1u);
  EXPECT_EQ(es.errors[0].line, 3);
  EXPECT_EQ(es.errors[0].column, 4);
  EXPECT_NE(es.errors[0].message.find("'12,345,6'"), std::string::npos) << es.errors[0].message;
}

}  // namespace actuals_dialect_test
}  // namespace coachsim::audit
