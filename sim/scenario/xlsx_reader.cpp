// Reading the cells of an .xlsx workbook with libzip and pugixml (xlsx_reader.hpp).
#include "xlsx_reader.hpp"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/input_file.hpp"

namespace coachsim::scenario::detail {

const XlsxCell* XlsxSheet::find(int row, int column) const {
  const auto it = cells.find({row, column});
  return it == cells.end() ? nullptr : &it->second;
}

const XlsxSheet* XlsxBook::find(std::string_view name) const {
  for (const XlsxSheet& sheet : sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

std::optional<std::pair<int, int>> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  long column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    column = column * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  long row = 0;
  for (std::size_t k = i; k < ref.size(); ++k) {
    if (ref[k] < '0' || ref[k] > '9' || k - i >= 7) return std::nullopt;
    row = row * 10 + (ref[k] - '0');
  }
  // Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
  if (row < 1 || row > 1048576 || column > 16384) return std::nullopt;
  return std::pair<int, int>{static_cast<int>(row), static_cast<int>(column)};
}

std::string column_letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

std::string cell_ref(int row, int column) { return column_letters(column) + std::to_string(row); }

namespace {

using Archive = std::unique_ptr<zip_t, void (*)(zip_t*)>;

// Reads one part of the package into `out`; false when it is absent (`error` stays empty) or
// cannot be read (`error` says why).
bool read_part(zip_t* zip, const std::string& name, std::string& out, std::string& error) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(zip, name.c_str(), 0, &stat) != 0) return false;
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > kMaxWorkbookPartBytes) {
    error = trf("its part {0} is larger than {1} once unpacked",
                {name, describe_bytes(kMaxWorkbookPartBytes)});
    return false;
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, name.c_str(), 0),
                                                         &zip_fclose);
  if (!file) {
    error = trf("cannot unpack its part {0}: {1}", {name, zip_strerror(zip)});
    return false;
  }
  out.resize(static_cast<std::size_t>(stat.size));
  zip_int64_t got = 0;
  while (static_cast<zip_uint64_t>(got) < stat.size) {
    const zip_int64_t n = zip_fread(file.get(), out.data() + got, stat.size - got);
    if (n <= 0) {
      error = trf("cannot unpack its part {0} (damaged file)", {name});
      return false;
    }
    got += n;
  }
  return true;
}

bool parse_part(const std::string& text, const std::string& name, pugi::xml_document& doc,
                std::string& error) {
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    error = trf("its part {0} is not well-formed XML ({1})", {name, parsed.description()});
    return false;
  }
  return true;
}

// The text of a shared or inline string: its <t>, or the <t> of each run; phonetic runs (rPh)
// are not part of the value.
std::string string_item(const pugi::xml_node& item) {
  if (auto t = item.child("t")) return t.text().get();
  std::string text;
  for (auto r : item.children("r")) text += r.child("t").text().get();
  return text;
}

// A relationship target relative to xl/ ("worksheets/sheet1.xml" or "/xl/worksheets/...").
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

bool read_sheet(const pugi::xml_document& doc, const std::vector<std::string>& shared,
                XlsxSheet& sheet, std::string& error) {
  const pugi::xml_node data = doc.child("worksheet").child("sheetData");
  int row_number = 0;
  for (const pugi::xml_node row : data.children("row")) {
    const int r = row.attribute("r").as_int(row_number + 1);
    row_number = r;
    int column = 0;
    for (const pugi::xml_node c : row.children("c")) {
      const std::string ref = c.attribute("r").value();
      if (ref.empty()) {
        ++column;  // cells without a reference follow the one before
      } else if (auto at = parse_cell_ref(ref)) {
        if (at->first != r) {
          error = trf("sheet '{0}' has cell {1} in row {2}", {sheet.name, ref, std::to_string(r)});
          return false;
        }
        column = at->second;
      } else {
        error = trf("sheet '{0}' has a cell with the reference '{1}', which is not a cell like B7",
                    {sheet.name, ref});
        return false;
      }
      const std::string type = c.attribute("t").value();
      const pugi::xml_node v = c.child("v");
      XlsxCell cell;
      if (type == "s") {
        const unsigned long index = v.text().as_ullong(~0ull);
        if (index >= shared.size()) {
          error = trf("sheet '{0}' cell {1} names shared string {2} of {3}",
                      {sheet.name, cell_ref(r, column), std::to_string(index),
                       std::to_string(shared.size())});
          return false;
        }
        cell.value = shared[index];
      } else if (type == "inlineStr") {
        cell.value = string_item(c.child("is"));
      } else if (type == "str") {
        cell.value = v.text().get();
      } else if (type == "b") {
        cell.kind = XlsxCell::Kind::kBool;
        cell.value = std::string(v.text().get()) == "1" ? "1" : "0";
      } else if (type == "e") {
        cell.kind = XlsxCell::Kind::kError;
        cell.value = v.text().get();
      } else {             // "n", "d" or absent: a number as stored (dates are written as text)
        if (!v) continue;  // a styled but empty cell
        cell.kind = type == "d" ? XlsxCell::Kind::kText : XlsxCell::Kind::kNumber;
        cell.value = v.text().get();
      }
      if (cell.kind == XlsxCell::Kind::kText && cell.value.empty()) continue;
      sheet.cells[{r, column}] = std::move(cell);
    }
  }
  return true;
}

}  // namespace

std::optional<XlsxBook> read_xlsx(const std::string& path, std::string& error) {
  // The same checks as every input file (regular file, size limit) before libzip opens it.
  std::string bytes;
  if (!read_input_file(path, N_("workbook"), kMaxWorkbookBytes, bytes, error)) return std::nullopt;
  const std::string name = tr("workbook") + " '" + path + "'";
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (source == nullptr) {
    error = trf("cannot read {0}: {1}", {name, zip_error_strerror(&zerr)});
    zip_error_fini(&zerr);
    return std::nullopt;
  }
  Archive zip(zip_open_from_source(source, ZIP_RDONLY, &zerr), [](zip_t* z) { zip_discard(z); });
  if (!zip) {
    zip_source_free(source);
    error =
        trf("cannot read {0}: not an .xlsx workbook ({1}); save it from Excel or LibreOffice "
            "as 'Excel Workbook (.xlsx)'",
            {name, zip_error_strerror(&zerr)});
    zip_error_fini(&zerr);
    return std::nullopt;
  }
  zip_error_fini(&zerr);
  const auto fail = [&](const std::string& why) {
    error = trf("cannot read {0}: {1}", {name, why});
    return std::nullopt;
  };
  std::string text;
  std::string why;
  pugi::xml_document workbook;
  if (!read_part(zip.get(), "xl/workbook.xml", text, why))
    return fail(why.empty() ? tr("not an .xlsx workbook (it has no xl/workbook.xml)") : why);
  if (!parse_part(text, "xl/workbook.xml", workbook, why)) return fail(why);

  std::map<std::string, std::string> targets;  // relationship id -> part
  pugi::xml_document rels;
  if (read_part(zip.get(), "xl/_rels/workbook.xml.rels", text, why)) {
    if (!parse_part(text, "xl/_rels/workbook.xml.rels", rels, why)) return fail(why);
    for (auto rel : rels.child("Relationships").children("Relationship"))
      targets[rel.attribute("Id").value()] = part_path(rel.attribute("Target").value());
  } else if (!why.empty()) {
    return fail(why);
  }

  std::vector<std::string> shared;
  {
    pugi::xml_document strings;
    if (read_part(zip.get(), "xl/sharedStrings.xml", text, why)) {
      if (!parse_part(text, "xl/sharedStrings.xml", strings, why)) return fail(why);
      for (auto si : strings.child("sst").children("si")) shared.push_back(string_item(si));
    } else if (!why.empty()) {
      return fail(why);
    }
  }

  XlsxBook book;
  for (auto s : workbook.child("workbook").child("sheets").children("sheet")) {
    XlsxSheet sheet;
    sheet.name = s.attribute("name").value();
    const auto target = targets.find(s.attribute("r:id").value());
    if (target == targets.end()) return fail(trf("sheet '{0}' has no part", {sheet.name}));
    if (!read_part(zip.get(), target->second, text, why))
      return fail(why.empty() ? trf("sheet '{0}' has no part {1}", {sheet.name, target->second})
                              : why);
    pugi::xml_document doc;
    if (!parse_part(text, target->second, doc, why)) return fail(why);
    if (!read_sheet(doc, shared, sheet, why)) return fail(why);
    book.sheets.push_back(std::move(sheet));
  }
  return book;
}

}  // namespace coachsim::scenario::detail
