// The .xlsx cell reader (sim/scenario/xlsx_reader.hpp) on a package built here with libzip, so
// that every kind of cell is present: shared strings (plain, rich-text runs, with a phonetic
// run that is not part of the value), inline strings, numbers, booleans, formula results,
// error cells, cells without a reference, two-letter columns.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "../../sim/scenario/xlsx_reader.hpp"

namespace xlsx_reader_test {

namespace fs = std::filesystem;
using coachsim::scenario::detail::cell_ref;
using coachsim::scenario::detail::parse_cell_ref;
using coachsim::scenario::detail::read_xlsx;
using coachsim::scenario::detail::XlsxCell;

TEST(XlsxCellRef, ParsesAndFormats) {
  EXPECT_EQ(parse_cell_ref("A1"), (std::pair<int, int>{1, 1}));
  EXPECT_EQ(parse_cell_ref("AB12"), (std::pair<int, int>{12, 28}));
  EXPECT_EQ(parse_cell_ref("XFD1048576"), (std::pair<int, int>{1048576, 16384}));
  EXPECT_FALSE(parse_cell_ref("XFE1"));  // past Excel's last column
  EXPECT_FALSE(parse_cell_ref("A0"));
  EXPECT_FALSE(parse_cell_ref("A1048577"));
  EXPECT_FALSE(parse_cell_ref("12"));
  EXPECT_FALSE(parse_cell_ref("a1"));
  EXPECT_FALSE(parse_cell_ref("A1B"));
  EXPECT_EQ(cell_ref(12, 28), "AB12");
  EXPECT_EQ(cell_ref(3, 26), "Z3");
  EXPECT_EQ(cell_ref(1, 27), "AA1");
}

void add(zip_t* zip, const char* name, const std::string& text) {
  // libzip reads the buffer at zip_close and frees it then (freep = 1).
  void* copy = std::malloc(text.size());
  ASSERT_NE(copy, nullptr);
  std::memcpy(copy, text.data(), text.size());
  zip_source_t* src = zip_source_buffer(zip, copy, text.size(), 1);
  ASSERT_NE(src, nullptr);
  ASSERT_GE(zip_file_add(zip, name, src, ZIP_FL_OVERWRITE), 0);
}

fs::path make_book(const std::string& sheet_xml, const std::string& file) {
  const fs::path path = fs::temp_directory_path() / file;
  fs::remove(path);
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  add(zip, "xl/workbook.xml",
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<sheets><sheet name="Regions" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  add(zip, "xl/_rels/workbook.xml.rels",
      R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)");
  add(zip, "xl/sharedStrings.xml",
      R"(<sst><si><t>Loreto</t></si><si><r><t>Hua</t></r><r><t>nuco</t></r>)"
      R"(<rPh><t>ignored</t></rPh></si><si><t xml:space="preserve"> spaced </t></si></sst>)");
  add(zip, "xl/worksheets/sheet1.xml", sheet_xml);
  EXPECT_EQ(zip_close(zip), 0);
  return path;
}

TEST(XlsxReader, ReadsEveryKindOfCell) {
  const fs::path path = make_book(
      R"(<worksheet><sheetData>)"
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
      R"(<c r="C1" t="inlineStr"><is><t>Cusco</t></is></c><c r="AB1"><v>0.35</v></c></row>)"
      R"(<row r="3"><c r="A3" t="b"><v>1</v></c><c t="b"><v>0</v></c>)"
      R"(<c r="C3" t="str"><f>A1&amp;"x"</f><v>Loretox</v></c><c r="D3"><f>1+1</f><v>2</v></c>)"
      R"(<c r="E3" t="e"><v>#DIV/0!</v></c><c r="F3" s="1"/><c r="G3" t="s"><v>2</v></c></row>)"
      R"(</sheetData></worksheet>)",
      "coachsim-xlsx-reader-kinds.xlsx");
  std::string error;
  const auto book = read_xlsx(path.string(), error);
  ASSERT_TRUE(book) << error;
  ASSERT_EQ(book->sheets.size(), 1u);
  const auto& s = book->sheets[0];
  EXPECT_EQ(s.name, "Regions");
  const auto value = [&](int r, int c) {
    const XlsxCell* cell = s.find(r, c);
    return cell == nullptr ? std::string("<empty>") : cell->value;
  };
  EXPECT_EQ(value(1, 1), "Loreto");
  EXPECT_EQ(value(1, 2), "Huanuco");  // runs joined, the phonetic run left out
  EXPECT_EQ(value(1, 3), "Cusco");
  EXPECT_EQ(value(1, 28), "0.35");
  EXPECT_EQ(s.find(1, 28)->kind, XlsxCell::Kind::kNumber);
  EXPECT_EQ(value(3, 1), "1");
  EXPECT_EQ(s.find(3, 1)->kind, XlsxCell::Kind::kBool);
  EXPECT_EQ(value(3, 2), "0");  // no reference: the cell after A3
  EXPECT_EQ(value(3, 3), "Loretox");
  EXPECT_EQ(value(3, 4), "2");
  EXPECT_EQ(s.find(3, 5)->kind, XlsxCell::Kind::kError);
  EXPECT_EQ(value(3, 5), "#DIV/0!");
  EXPECT_EQ(value(3, 6), "<empty>");  // styled, no value
  EXPECT_EQ(value(3, 7), " spaced ");
  EXPECT_EQ(value(2, 1), "<empty>");
  EXPECT_EQ(s.last_row(), 3);
}

TEST(XlsxReader, RefusesABadSharedStringIndexAndBadReferences) {
  std::string error;
  const fs::path bad_index = make_book(
      R"(<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>9</v></c></row></sheetData></worksheet>)",
      "coachsim-xlsx-reader-index.xlsx");
  EXPECT_FALSE(read_xlsx(bad_index.string(), error));
  EXPECT_NE(error.find("sheet 'Regions' cell B2 names shared string 9 of 3"), std::string::npos)
      << error;
  const fs::path bad_ref = make_book(
      R"(<worksheet><sheetData><row r="2"><c r="2B"><v>1</v></c></row></sheetData></worksheet>)",
      "coachsim-xlsx-reader-ref.xlsx");
  EXPECT_FALSE(read_xlsx(bad_ref.string(), error));
  EXPECT_NE(error.find("reference '2B', which is not a cell like B7"), std::string::npos) << error;
  const fs::path bad_xml =
      make_book("<worksheet><sheetData><row>", "coachsim-xlsx-reader-xml.xlsx");
  EXPECT_FALSE(read_xlsx(bad_xml.string(), error));
  EXPECT_NE(error.find("xl/worksheets/sheet1.xml is not well-formed XML"), std::string::npos)
      << error;
}

}  // namespace xlsx_reader_test
