// Reading input files within limits: regular files only, a size limit, valid UTF-8.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "coachsim/scenario/input_file.hpp"

namespace input_file_test {

using namespace coachsim::scenario;
using ::testing::HasSubstr;

std::filesystem::path temp_file(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("coachsim-input-file-" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

TEST(InputFile, ReadsARegularFileWithinTheLimit) {
  const auto p = temp_file("ok.txt", "abc\n");
  std::string text, error;
  ASSERT_TRUE(read_input_file(p.string(), "test file", 4, text, error)) << error;
  EXPECT_EQ(text, "abc\n");
}

TEST(InputFile, RefusesAFileOverTheLimitNamingTheFileAndTheLimit) {
  const auto p = temp_file("big.txt", "abcde");
  std::string text, error;
  ASSERT_FALSE(read_input_file(p.string(), "schools CSV", 4, text, error));
  EXPECT_EQ(error, "cannot read schools CSV '" + p.string() +
                       "': larger than the limit of 4 bytes for a schools CSV (README \"Limits\")");
}

TEST(InputFile, RefusesDevicesAndFolders) {
  std::string text, error;
  ASSERT_FALSE(read_input_file("/dev/zero", "scenario file", kMaxScenarioBytes, text, error));
  EXPECT_EQ(error,
            "cannot read scenario file '/dev/zero': not a regular file (a device, pipe or "
            "socket)");
  ASSERT_FALSE(read_input_file("/tmp", "scenario file", kMaxScenarioBytes, text, error));
  EXPECT_THAT(error, HasSubstr("Is a directory"));
}

TEST(InputFile, FindsTheFirstInvalidUtf8ByLineAndColumn) {
  EXPECT_FALSE(find_invalid_utf8("Apurímac\nÑuñoa 日本 \xF0\x9F\x98\x80\n"));
  const auto latin1 = find_invalid_utf8("name: ok\nname: Apur\xEDmac\n");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->line, 2);
  EXPECT_EQ(latin1->column, 11);
  // Overlong forms, UTF-16 surrogates, code points past U+10FFFF and a cut-off sequence.
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "ab\xE2\x82"}) {
    EXPECT_TRUE(find_invalid_utf8(bad)) << bad;
  }
  const std::string text = "x\n\xFFy";
  EXPECT_EQ(invalid_utf8_message(text, *find_invalid_utf8(text)),
            "the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8 (names such as "
            "'Apurímac' are written in UTF-8)");
}

TEST(InputFile, DescribesSizes) {
  EXPECT_EQ(describe_bytes(4u << 20), "4 MiB");
  EXPECT_EQ(describe_bytes(61376), "61,376 bytes");
}

}  // namespace input_file_test
