// Reading the cells of an .xlsx workbook: libzip opens the package, pugixml parses its parts
// (workbook, relationships, shared strings, worksheets). Private to the scenario module.
//
// Only what an input workbook needs: each sheet's name and its cells' values (numbers as the
// text the file stores, shared and inline strings, booleans, cached formula results). Styles,
// formulas themselves and dates as dates are not read: the template writes dates as text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coachsim::scenario::detail {

struct XlsxCell {
  enum class Kind { kNumber, kText, kBool, kError };
  Kind kind = Kind::kText;
  std::string value;  // number as stored ("0.35"), the text, "1"/"0", or the error ("#DIV/0!")
};

struct XlsxSheet {
  std::string name;
  // By (row, column), both 1-based; empty cells are absent.
  std::map<std::pair<int, int>, XlsxCell> cells;
  const XlsxCell* find(int row, int column) const;
  int last_row() const { return cells.empty() ? 0 : cells.rbegin()->first.first; }
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;  // in the workbook's order
  const XlsxSheet* find(std::string_view name) const;
};

// Largest workbook file and largest part inside it once inflated (a zip bomb is refused).
inline constexpr std::uint64_t kMaxWorkbookBytes = 64u << 20;
inline constexpr std::uint64_t kMaxWorkbookPartBytes = 256u << 20;

// Reads the workbook at `path`; on failure returns nothing and sets `error` to a sentence.
std::optional<XlsxBook> read_xlsx(const std::string& path, std::string& error);

// "AB12" -> (12, 28); nothing when `ref` is not a cell reference.
std::optional<std::pair<int, int>> parse_cell_ref(std::string_view ref);
// (12, 28) -> "AB12".
std::string cell_ref(int row, int column);
// 28 -> "AB".
std::string column_letters(int column);

}  // namespace coachsim::scenario::detail
