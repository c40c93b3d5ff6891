// Reading an input workbook back (workbook.hpp). The sheets are turned into YAML text with one
// cell per line, and each line remembers its cell; the text is then loaded like any scenario
// file, so every check of the loader applies unchanged, and each error's line is replaced by
// its cell: "inputs.xlsx: Regions!D14: regions[17].coaches: expected an integer, got 'abc'".
// The Schools sheet becomes one CSV text per region, read by the schools CSV parser.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/suggest.hpp"
#include "coachsim/scenario/workbook.hpp"
#include "schools_csv.hpp"
#include "text_util.hpp"
#include "tree_loader.hpp"
#include "workbook_text.hpp"
#include "workbook_values.hpp"
#include "xlsx_reader.hpp"

namespace coachsim::scenario {

namespace {

using detail::cell_ref;
using detail::in_quotes;
using detail::XlsxCell;
using detail::XlsxSheet;

// The scenario as the sheets give it, before it is written as YAML.
struct Node {
  enum class Type { kMap, kList, kLeaf };
  Type type = Type::kMap;
  std::string text;  // kLeaf: a YAML scalar or flow fragment
  std::string at;    // "Regions!D14"
  struct Entry {
    std::string key;
    std::string key_at;
    std::unique_ptr<Node> value;
  };
  std::vector<Entry> entries;                // kMap
  std::vector<std::unique_ptr<Node>> items;  // kList

  Node* find(const std::string& key) {
    for (Entry& e : entries)
      if (e.key == key) return e.value.get();
    return nullptr;
  }
  Node& add(const std::string& key, const std::string& key_at, Type type, std::string at) {
    auto node = std::make_unique<Node>();
    node->type = type;
    node->at = std::move(at);
    entries.push_back(Entry{key, key_at, std::move(node)});
    return *entries.back().value;
  }
  // The map or list under `key`, made when absent.
  Node& child(const std::string& key, Type type, const std::string& at) {
    Node* found = find(key);
    if (found != nullptr && found->type == type) return *found;
    return add(key, at, type, at);
  }
};

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

struct Reading {
  std::string file;  // the workbook path, as given
  std::vector<LoadError> errors;
  Node root;

  std::string where(const XlsxSheet& sheet, int row, int column) const {
    return sheet.name + "!" + cell_ref(row, column);
  }
  void error(const std::string& at, const std::string& field, std::string message) {
    errors.push_back(LoadError{file + ": " + at, 0, 0, field, std::move(message)});
  }

  // A cell's text as a value ("" when it is empty): numbers in the form YAML would hold them.
  static std::string plain(const XlsxCell* cell) {
    if (cell == nullptr) return "";
    switch (cell->kind) {
      case XlsxCell::Kind::kNumber:
        return detail::number_text(std::strtod(cell->value.c_str(), nullptr));
      case XlsxCell::Kind::kBool:
        return cell->value == "1" ? "true" : "false";
      default:
        return detail::trim(cell->value);
    }
  }

  // The YAML fragment for a cell of a column whose numbers carry `unit`; nothing when empty.
  std::optional<std::string> fragment(const XlsxCell* cell, const std::string& unit,
                                      const std::string& at, const std::string& field) {
    if (cell == nullptr) return std::nullopt;
    if (cell->kind == XlsxCell::Kind::kError) {
      error(at, field, trf("the cell holds the Excel error {0}; expected a value", {cell->value}));
      return std::nullopt;
    }
    const std::string text = plain(cell);
    if (text.empty()) return std::nullopt;
    if (cell->kind == XlsxCell::Kind::kBool) return text;
    const bool number = cell->kind == XlsxCell::Kind::kNumber || detail::exact_number(text);
    if (number && !unit.empty()) return yaml_quoted(text + " " + unit);
    if (cell->kind == XlsxCell::Kind::kNumber) return text;
    if (text[0] == '[' || text[0] == '{') {  // YAML flow text: a list or a map
      std::string flow = text;
      std::replace(flow.begin(), flow.end(), '\n', ' ');
      std::replace(flow.begin(), flow.end(), '\r', ' ');
      return flow;
    }
    return yaml_quoted(text);
  }

  static std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (true) {
      const std::size_t dot = path.find('.', from);
      parts.push_back(path.substr(from, dot - from));
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
    return parts;
  }

  static bool good_path(const std::vector<std::string>& parts) {
    return std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
      return !p.empty() && p.find_first_of(" []:\"'{}") == std::string::npos;
    });
  }

  // Puts `text` at `parts` under `map` (maps along the way are made).
  static void put(Node& map, const std::vector<std::string>& parts, const std::string& key_at,
                  const std::string& text, const std::string& at) {
    Node* node = &map;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      node = &node->child(parts[i], Node::Type::kMap, key_at);
    Node& leaf = node->add(parts.back(), key_at, Node::Type::kLeaf, at);
    leaf.text = text;
  }

  void settings(const XlsxSheet& sheet) {
    for (int r = 2; r <= sheet.last_row(); ++r) {
      const std::string path = plain(sheet.find(r, 1));
      const std::string unit = plain(sheet.find(r, 3));
      const std::string at = where(sheet, r, 2);
      auto text = fragment(sheet.find(r, 2), unit, at, path);
      if (path.empty()) {
        if (text) error(at, "", tr("a value with no field in column A; write the field there"));
        continue;
      }
      const auto parts = split_path(path);
      if (!good_path(parts)) {
        error(where(sheet, r, 1), "",
              trf("expected a field such as coach.monthly_fee in column A, got {0}",
                  {in_quotes(path)}));
        continue;
      }
      if (text) put(root, parts, where(sheet, r, 1), *text, at);
    }
  }

  struct Column {
    std::string key;
    std::string unit;
  };
  static std::vector<Column> header(const XlsxSheet& sheet) {
    std::vector<Column> columns;
    int last = 0;
    for (const auto& [at, cell] : sheet.cells)
      if (at.first == 1) last = std::max(last, at.second);
    for (int c = 1; c <= last; ++c) {
      std::string h = plain(sheet.find(1, c));
      Column col;
      const std::size_t open = h.find(" (");
      if (open != std::string::npos && h.back() == ')') {
        col.unit = detail::trim(h.substr(open + 2, h.size() - open - 3));
        h = h.substr(0, open);
      }
      col.key = detail::trim(h);
      columns.push_back(col);
    }
    return columns;
  }

  // A table's rows, each item known by its id (or year) for the child sheets.
  struct Table {
    std::string sheet;
    std::string path;
    std::vector<std::pair<std::string, Node*>> items;
  };
  std::vector<Table> tables;

  static bool empty_row(const XlsxSheet& sheet, int r, int columns) {
    for (int c = 1; c <= columns; ++c)
      if (!plain(sheet.find(r, c)).empty()) return false;
    return true;
  }

  // The rows of a table as maps; `first` is the first field column (2 for a child sheet).
  std::vector<std::pair<int, std::unique_ptr<Node>>> rows(const XlsxSheet& sheet,
                                                          const std::string& path, int first) {
    std::vector<std::pair<int, std::unique_ptr<Node>>> out;
    const auto columns = header(sheet);
    for (int r = 2; r <= sheet.last_row(); ++r) {
      if (empty_row(sheet, r, static_cast<int>(columns.size()))) continue;
      auto item = std::make_unique<Node>();
      item->at = where(sheet, r, 1);
      for (int c = first; c <= static_cast<int>(columns.size()); ++c) {
        const Column& col = columns[static_cast<std::size_t>(c - 1)];
        const std::string at = where(sheet, r, c);
        auto text = fragment(sheet.find(r, c), col.unit, at, path + "." + col.key);
        if (!text) continue;
        const auto parts = split_path(col.key);
        if (!good_path(parts)) {
          error(where(sheet, 1, c), path,
                trf("expected a field name as column header, got {0}", {in_quotes(col.key)}));
          continue;
        }
        put(*item, parts, at, *text, at);
      }
      out.emplace_back(r, std::move(item));
    }
    return out;
  }

  static std::string ident(Node& item, const std::string& key) {
    Node* v = item.find(key);
    if (v == nullptr || v->type != Node::Type::kLeaf) return "";
    std::string t = v->text;
    if (t.size() >= 2 && t.front() == '"') t = t.substr(1, t.size() - 2);
    return t;
  }

  void table(const XlsxSheet& sheet, const std::string& path) {
    auto items = rows(sheet, path, 1);
    if (items.empty()) return;
    auto parts = split_path(path);
    Node* map = &root;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
      map = &map->child(parts[i], Node::Type::kMap, where(sheet, 1, 1));
    Node& list = map->child(parts.back(), Node::Type::kList, where(sheet, 1, 1));
    Table t{sheet.name, path, {}};
    for (auto& [r, item] : items) {
      std::string id = ident(*item, "id");
      if (id.empty()) id = ident(*item, "year");
      list.items.push_back(std::move(item));
      t.items.emplace_back(id, list.items.back().get());
    }
    tables.push_back(std::move(t));
  }

  Node* parent_item(const XlsxSheet& sheet, int r, const std::string& parent,
                    const std::string& field) {
    const std::string link = plain(sheet.find(r, 1));
    const auto table = std::find_if(tables.begin(), tables.end(),
                                    [&](const Table& t) { return t.sheet == parent; });
    if (table == tables.end()) {
      error(where(sheet, r, 1), field, trf("sheet '{0}' has no rows to belong to", {parent}));
      return nullptr;
    }
    std::vector<std::string> ids;
    for (auto& [id, item] : table->items) {
      if (id == link) return item;
      ids.push_back(id);
    }
    // `what` is the column header of column A (a field name such as "id"), not translated.
    const std::string what = sheet.find(1, 1) ? plain(sheet.find(1, 1)) : tr("row");
    error(where(sheet, r, 1), field,
          link.empty() ? trf("expected the {0} this row belongs to (column A)", {what})
                       : trf("no {0} {1} in sheet '{2}'{3}",
                             {what, in_quotes(link), parent, did_you_mean(link, ids)}));
    return nullptr;
  }

  void child(const XlsxSheet& sheet, const std::string& path, const std::string& parent) {
    const std::string key = path.substr(path.rfind('.') + 1);
    for (auto& [r, item] : rows(sheet, path, 2)) {
      Node* owner = parent_item(sheet, r, parent, path);
      if (owner == nullptr) continue;
      owner->child(key, Node::Type::kList, where(sheet, r, 1)).items.push_back(std::move(item));
    }
  }

  // Schools: one CSV text per region, its lines mapped back to the sheet's rows.
  struct Csv {
    std::string text;
    std::vector<int> rows;  // sheet row of each CSV line (line 1 = the header)
  };
  std::map<std::string, Csv> csv;  // by the name the region's schools_csv gives
  std::string schools_sheet;

  static std::string csv_field(const std::string& v) {
    if (v.find_first_of(",\"\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }

  void schools(const XlsxSheet& sheet, const std::string& parent) {
    schools_sheet = sheet.name;
    const auto columns = header(sheet);
    std::string head;
    for (std::size_t c = 1; c < columns.size(); ++c) head += (c > 1 ? "," : "") + columns[c].key;
    for (int r = 2; r <= sheet.last_row(); ++r) {
      if (empty_row(sheet, r, static_cast<int>(columns.size()))) continue;
      Node* region = parent_item(sheet, r, parent, "regions.schools_csv");
      if (region == nullptr) continue;
      const std::string name = "xlsx:" + sheet.name + ":" + ident(*region, "id");
      auto [it, made] = csv.try_emplace(name);
      if (made) {
        it->second.text = head + "\n";
        it->second.rows.push_back(1);
        Node& leaf =
            region->add("schools_csv", where(sheet, r, 1), Node::Type::kLeaf, where(sheet, r, 1));
        leaf.text = yaml_quoted(name);
      }
      std::string line;
      for (std::size_t c = 1; c < columns.size(); ++c) {
        const XlsxCell* cell = sheet.find(r, static_cast<int>(c) + 1);
        line += (c > 1 ? "," : "") + csv_field(plain(cell));
      }
      it->second.text += line + "\n";
      it->second.rows.push_back(r);
    }
  }

  // YAML text, one node per line; `at` receives each line's cell.
  void emit(const Node& node, int indent, std::string& out, std::vector<std::string>& at) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const auto line = [&](const std::string& text, const std::string& cell) {
      out += text + "\n";
      at.push_back(cell);
    };
    if (node.type == Node::Type::kLeaf) {
      line(pad + node.text, node.at);
    } else if (node.type == Node::Type::kMap) {
      if (node.entries.empty()) line(pad + "{}", node.at);
      for (const Node::Entry& e : node.entries) {
        line(pad + yaml_quoted(e.key) + ":", e.key_at);
        emit(*e.value, indent + 2, out, at);
      }
    } else {
      if (node.items.empty()) line(pad + "[]", node.at);
      for (const auto& item : node.items) {
        line(pad + "-", item->at);
        emit(*item, indent + 2, out, at);
      }
    }
  }
};

}  // namespace

namespace detail {

WorkbookText workbook_text(const std::string& path) {
  WorkbookText out;
  std::string error;
  auto book = read_xlsx(path, error);
  if (!book) {
    out.errors.push_back(LoadError{path, 0, 0, "", error});
    return out;
  }
  const XlsxSheet* layout = book->find("_layout");
  if (layout == nullptr) {
    out.errors.push_back(LoadError{
        path, 0, 0, "",
        tr("not a coachsim input workbook: it has no sheet '_layout' (hidden) saying which "
           "sheet holds what; start from `coachsim template --xlsx FILE`")});
    return out;
  }
  Reading reading;
  reading.file = path;
  // Tables before the sheets whose rows belong to theirs.
  for (int pass = 0; pass < 2; ++pass) {
    for (int r = 2; r <= layout->last_row(); ++r) {
      const std::string name = Reading::plain(layout->find(r, 1));
      const std::string kind = Reading::plain(layout->find(r, 2));
      const std::string part = Reading::plain(layout->find(r, 3));
      const std::string parent = Reading::plain(layout->find(r, 4));
      const XlsxSheet* sheet = book->find(name);
      const bool second = kind == "child" || kind == "schools";
      if (name.empty() || (pass == 1) != second) continue;
      if (sheet == nullptr) {
        reading.error(
            "_layout!" + cell_ref(r, 1), "",
            trf("the workbook has no sheet {0} (renamed or deleted? sheet names must stay as the "
                "template wrote them)",
                {in_quotes(name)}));
        continue;
      }
      if (kind == "settings") reading.settings(*sheet);
      if (kind == "table") reading.table(*sheet, part);
      if (kind == "child") reading.child(*sheet, part, parent);
      if (kind == "schools") reading.schools(*sheet, parent);
      if (kind == "sources") {
        for (int row = 2; row <= sheet->last_row(); ++row) {
          const std::string field = Reading::plain(sheet->find(row, 1));
          const std::string text = Reading::plain(sheet->find(row, 2));
          if (field.empty() || text.empty()) continue;
          Node& sources =
              reading.root.child("sources", Node::Type::kMap, reading.where(*sheet, 1, 1));
          sources
              .add(field, reading.where(*sheet, row, 1), Node::Type::kLeaf,
                   reading.where(*sheet, row, 2))
              .text = yaml_quoted(text);
        }
      }
    }
  }
  reading.emit(reading.root, 0, out.yaml, out.cells);
  for (auto& [name, csv] : reading.csv) {
    out.csv_texts[name] = csv.text;
    out.csv_rows[name] = csv.rows;
  }
  out.schools_sheet = reading.schools_sheet;
  out.errors = std::move(reading.errors);
  return out;
}

}  // namespace detail

DocumentResult load_workbook_document(const std::string& path, const LoadOptions& options) {
  detail::WorkbookText book = detail::workbook_text(path);
  if (book.yaml.empty() && !book.errors.empty()) return DocumentResult{nullptr, book.errors};
  LoadOptions with_csv = options;
  for (const auto& [name, text] : book.csv_texts) with_csv.schools_csv_texts[name] = text;
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  DocumentResult loaded = load_document_text(book.yaml, path, base_dir, with_csv);
  for (LoadError& e : loaded.errors) {
    std::string cell;
    if (e.file == path && e.line > 0 && static_cast<std::size_t>(e.line) <= book.cells.size()) {
      cell = book.cells[static_cast<std::size_t>(e.line - 1)];
    } else if (auto it = book.csv_rows.find(e.file); it != book.csv_rows.end() && e.line > 0) {
      const std::size_t line = static_cast<std::size_t>(e.line);
      const int row = line <= it->second.size() ? it->second[line - 1] : 0;
      cell = book.schools_sheet + "!" +
             (row > 0 ? cell_ref(row, e.column > 0 ? e.column + 1 : 1) : std::string("A1"));
    } else if (e.file != path) {
      continue;
    }
    e.file = cell.empty() ? path : path + ": " + cell;
    e.line = 0;
    e.column = 0;
  }
  if (!book.errors.empty()) {
    loaded.errors.insert(loaded.errors.begin(), book.errors.begin(), book.errors.end());
    loaded.document = nullptr;
  }
  return loaded;
}

}  // namespace coachsim::scenario
