#include "service/csv_import.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <unordered_map>

#include "domain/date.hpp"
#include "domain/schema.hpp"
#include "domain/validate.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/access_policy.hpp"
#include "service/bundle.hpp"
#include "service/csv_cells.hpp"
#include "service/csv_text.hpp"
#include "service/secrets.hpp"

namespace brm {
namespace f = fields;
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;

namespace {

constexpr std::string_view kPresetsKey = "csv_presets";

Error Invalid(std::string field, std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message), std::move(field));
}

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}


// The header a field uses in the file: the caller's choice, else the preset's first alternative present.
struct Mapped {
  std::string header;                // as shown ("Last Name+First Name" for a join)
  std::vector<size_t> columns;       // the columns joined
};

std::optional<Mapped> Find(const std::vector<std::string>& headers, const std::string& header) {
  auto index = [&](std::string_view h) -> std::optional<size_t> {
    for (size_t i = 0; i < headers.size(); ++i) {
      if (headers[i] == h) return i;
    }
    return std::nullopt;
  };
  if (auto i = index(header)) return Mapped{header, {*i}};
  const size_t plus = header.find('+');
  if (plus == std::string::npos) return std::nullopt;
  auto a = index(header.substr(0, plus)), b = index(header.substr(plus + 1));
  if (!a || !b) return std::nullopt;
  return Mapped{header, {*a, *b}};
}

std::map<std::string, Mapped> MappingFrom(const csv::Mapping& preset, Kind kind, const std::vector<std::string>& headers) {
  std::map<std::string, Mapped> out;
  for (const csv::Column& column : csv::ColumnsOf(kind)) {
    auto it = preset.find(std::string(column.field));
    if (it == preset.end()) continue;
    for (const std::string& header : it->second) {
      if (auto found = Find(headers, header)) {
        out[std::string(column.field)] = *found;
        break;
      }
    }
  }
  return out;
}

// Two cells joined: with a space, unless both are Chinese (a family name and a given name).
std::string Join(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a + b;
  const bool ascii = static_cast<unsigned char>(a.back()) < 0x80 || static_cast<unsigned char>(b.front()) < 0x80;
  return ascii ? a + " " + b : a + b;
}

bj::object MappingJson(const csv::Mapping& mapping) {
  bj::object out;
  for (const auto& [field, headers] : mapping) {
    bj::array list;
    for (const std::string& h : headers) list.emplace_back(h);
    out[field] = std::move(list);
  }
  return out;
}

std::string_view CollectionOf(Kind kind) { return Spec(kind).collection; }

}  // namespace

bj::object EncodeCsvPreset(const csv::Preset& preset) {
  bj::object mappings;
  for (const auto& [kind, mapping] : preset.mappings) mappings[CollectionOf(kind)] = MappingJson(mapping);
  return {{"name", preset.name}, {"label", preset.label}, {"builtin", preset.builtin}, {"mappings", std::move(mappings)}};
}

bj::object EncodeCsvReport(const CsvReport& report) {
  bj::array headers, unmapped, fields, sample, errors;
  for (const std::string& h : report.headers) headers.emplace_back(h);
  for (const std::string& h : report.unmapped) unmapped.emplace_back(h);
  for (const csv::Column& c : csv::ColumnsOf(report.kind)) {
    fields.push_back(bj::object{{"field", c.field}, {"required", c.required}, {"zh", c.zh}, {"en", c.en}});
  }
  bj::object mapping;
  for (const auto& [field, header] : report.mapping) mapping[field] = header;
  for (const auto& row : report.sample) sample.push_back(bj::object{{"row", row.row}, {"values", row.values}});
  for (const CsvError& e : report.errors) {
    errors.push_back(bj::object{{"row", e.row}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
  }
  return {{"kind", CollectionOf(report.kind)},
          {"encoding", report.encoding},
          {"delimiter", std::string(1, report.delimiter)},
          {"headers", std::move(headers)},
          {"rows", report.rows},
          {"preset", report.preset.empty() ? bj::value(nullptr) : bj::value(report.preset)},
          {"fields", std::move(fields)},
          {"mapping", std::move(mapping)},
          {"unmapped", std::move(unmapped)},
          {"sample", std::move(sample)},
          {"create", report.create},
          {"update", report.update},
          {"unchanged", report.unchanged},
          {"errors", std::move(errors)},
          {"error_count", report.error_count},
          {"committed", report.committed}};
}

Status CsvImportService::MayImport(const Actor& actor) {
  const Status allowed =
      engine_.With([&](const engine::Figures& figures) { return Access(actor, figures.graph()).MayExchangeBundles(); });
  if (!allowed) return MakeError(allowed.error().code, "Only administrators import CSV files.", allowed.error().field);
  return allowed;
}

std::vector<csv::Preset> CsvImportService::Saved() {
  std::vector<csv::Preset> presets;
  auto stored = store_.Setting(kPresetsKey);
  if (!stored) return presets;
  boost::system::error_code ec;
  bj::value value = bj::parse(*stored, ec);
  if (ec || !value.is_object()) return presets;
  for (const auto& [name, entry] : value.get_object()) {
    if (!entry.is_object()) continue;
    csv::Preset preset{std::string(name), std::string(name), false, {}};
    if (const auto* label = entry.get_object().if_contains("label"); label && label->is_string()) {
      preset.label = std::string(label->get_string());
    }
    if (const auto* mappings = entry.get_object().if_contains("mappings"); mappings && mappings->is_object()) {
      for (const auto& [collection, mapping] : mappings->get_object()) {
        auto kind = csv::KindOf(collection);
        if (!kind || !mapping.is_object()) continue;
        for (const auto& [field, headers] : mapping.get_object()) {
          if (!headers.is_array()) continue;
          for (const auto& h : headers.get_array()) {
            if (h.is_string()) preset.mappings[*kind][std::string(field)].emplace_back(h.get_string());
          }
        }
      }
    }
    presets.push_back(std::move(preset));
  }
  return presets;
}

Result<std::vector<csv::Preset>> CsvImportService::Presets(const Actor& actor) {
  if (auto status = MayImport(actor); !status) return status.error();
  std::vector<csv::Preset> presets = csv::BuiltinPresets();
  for (csv::Preset& preset : Saved()) presets.push_back(std::move(preset));
  return presets;
}

Result<csv::Preset> CsvImportService::SavePreset(const Actor& actor, std::string_view name, const bj::object& body) {
  if (auto status = MayImport(actor); !status) return status.error();
  if (name.empty() || name.size() > 100 || !ValidUtf8(name)) return Invalid("name", "A preset's name is 1 to 100 bytes of text.");
  for (const csv::Preset& builtin : csv::BuiltinPresets()) {
    if (builtin.name == name) return MakeError(ErrorCode::kConflict, "\"" + std::string(name) + "\" is a ready preset; save yours under another name.", "name");
  }
  std::optional<Kind> kind;
  std::string label(name);
  csv::Mapping mapping;
  for (const auto& [key, value] : body) {
    if (key == "kind") {
      kind = value.is_string() ? csv::KindOf(value.get_string()) : std::nullopt;
      if (!kind) return Invalid("kind", "\"kind\" is organizations, people, opportunities or ratings.");
    } else if (key == "label") {
      if (!value.is_string() || value.get_string().empty() || value.get_string().size() > 100) {
        return Invalid("label", "\"label\" is 1 to 100 bytes of text.");
      }
      label = std::string(value.get_string());
    } else if (key == "mapping") {
      if (!value.is_object()) return Invalid("mapping", "\"mapping\" maps fields to the headers of the file.");
      for (const auto& [field, header] : value.get_object()) {
        if (header.is_null() || (header.is_string() && header.get_string().empty())) continue;
        if (!header.is_string() || header.get_string().size() > 200) {
          return Invalid("mapping." + std::string(field), "A header is text of at most 200 bytes.");
        }
        mapping[std::string(field)] = {std::string(header.get_string())};
      }
    } else {
      return Invalid(std::string(key), "Unknown field \"" + std::string(key) + "\"; send \"kind\", \"mapping\" and \"label\".");
    }
  }
  if (!kind) return Invalid("kind", "\"kind\" is required: organizations, people, opportunities or ratings.");
  for (const auto& [field, headers] : mapping) {
    if (!csv::HasColumn(*kind, field)) {
      return Invalid("mapping." + field, "A CSV file of " + std::string(CollectionOf(*kind)) + " has no field \"" + field + "\".");
    }
  }
  csv::Preset saved;
  {
    auto tx = store_.Begin();
    bj::object all;
    if (auto stored = tx->FindSetting(kPresetsKey)) {
      boost::system::error_code ec;
      bj::value value = bj::parse(*stored, ec);
      if (!ec && value.is_object()) all = std::move(value.get_object());
    }
    const bj::value before = all.contains(name) ? all.at(name) : bj::value(nullptr);
    bj::object entry = before.is_object() ? before.get_object() : bj::object{};
    entry["label"] = label;
    if (!entry.contains("mappings") || !entry.at("mappings").is_object()) entry["mappings"] = bj::object{};
    entry["mappings"].get_object()[CollectionOf(*kind)] = MappingJson(mapping);
    all[name] = entry;
    tx->PutSetting(kPresetsKey, json::Serialize(all));
    tx->AddAudit(AuditEntry{NowTimestamp(), actor.user, "settings", std::string(kPresetsKey), std::string(name),
                            before.is_null() ? std::nullopt : std::optional(json::Serialize(before)), json::Serialize(entry)});
    tx->Commit();
  }
  for (csv::Preset& preset : Saved()) {
    if (preset.name == name) saved = std::move(preset);
  }
  return saved;
}

Status CsvImportService::DeletePreset(const Actor& actor, std::string_view name) {
  if (auto status = MayImport(actor); !status) return status;
  for (const csv::Preset& builtin : csv::BuiltinPresets()) {
    if (builtin.name == name) return MakeError(ErrorCode::kConflict, "A ready preset cannot be removed.", "name");
  }
  auto tx = store_.Begin();
  bj::object all;
  if (auto stored = tx->FindSetting(kPresetsKey)) {
    boost::system::error_code ec;
    bj::value value = bj::parse(*stored, ec);
    if (!ec && value.is_object()) all = std::move(value.get_object());
  }
  if (!all.contains(name)) return MakeError(ErrorCode::kNotFound, "No saved preset is called \"" + std::string(name) + "\".");
  const std::string before = json::Serialize(all.at(name));
  all.erase(name);
  tx->PutSetting(kPresetsKey, json::Serialize(all));
  tx->AddAudit(AuditEntry{NowTimestamp(), actor.user, "settings", std::string(kPresetsKey), std::string(name), before, std::nullopt});
  tx->Commit();
  return {};
}

Result<std::string> CsvImportService::Template(Kind kind, std::string_view language) {
  if (csv::ColumnsOf(kind).empty()) return Invalid("kind", "\"kind\" is organizations, people, opportunities or ratings.");
  if (language != "zh" && language != "en") return Invalid("lang", "\"lang\" is zh or en.");
  const bool zh = language == "zh";
  auto quote = [](std::string_view text) {
    if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  // One example row per kind, in the language of the headers.
  std::map<std::string_view, std::string_view> example;
  if (kind == Kind::kOrganization) {
    example = {{"id", "C-1001"}, {"name", zh ? "招商银行深圳分行" : "Acme Bank Shenzhen"}, {"kind", zh ? "客户" : "customer"},
               {"industry", zh ? "金融" : "Finance"}, {"region", zh ? "华南" : "South"}, {"owner", "rep01"}, {"focus", zh ? "是" : "yes"}};
  } else if (kind == Kind::kPerson) {
    example = {{"id", "P-2001"}, {"org", "C-1001"}, {"department", zh ? "信息技术部" : "IT"}, {"name", zh ? "赵敏" : "Min Zhao"},
               {"title", zh ? "信息技术部主任" : "Head of IT"}, {"key", zh ? "是" : "yes"}, {"importance", zh ? "高" : "high"},
               {"orientation", zh ? "技术导向" : "technology"}, {"email", "zhao.min@example.com"}, {"phone", "13800000000"}};
  } else if (kind == Kind::kOpportunity) {
    example = {{"id", "O-3001"}, {"customer", "C-1001"}, {"name", zh ? "核心系统升级" : "Core system upgrade"}, {"owner", "rep01"},
               {"amount", "3500000"}, {"currency", "CNY"}, {"stage", zh ? "方案" : "Proposal"}, {"status", zh ? "进行中" : "open"},
               {"type", zh ? "升级" : "upgrade"}, {"opened", "2026-09-01"}, {"win_probability", "60%"}, {"focus", zh ? "否" : "no"}};
  } else {
    example = {{"id", "R-4001"}, {"person", "P-2001"}, {"dimension", zh ? "关系紧密度" : "closeness"}, {"value", zh ? "支持" : "support"},
               {"toward", zh ? "我方" : "ours"}, {"date", "2026-11-20"}, {"by", "rep01"}};
  }
  std::string out = "\xEF\xBB\xBF";
  std::string row;
  bool first = true;
  for (const csv::Column& c : csv::ColumnsOf(kind)) {
    out += (first ? "" : ",") + quote(zh ? c.zh : c.en);
    row += (first ? "" : ",") + quote(example.count(c.field) ? example[c.field] : "");
    first = false;
  }
  return out + "\r\n" + row + "\r\n";
}

Result<CsvReport> CsvImportService::Import(const Actor& actor, const CsvRequest& request, std::string_view bytes,
                                           CsvReport* report_out) {
  if (auto status = MayImport(actor); !status) return status.error();
  auto text = csv::Decode(bytes);
  if (!text) return text.error();
  CsvReport report;
  report.kind = request.kind;
  report.encoding = text->encoding;
  report.delimiter = csv::DetectDelimiter(text->utf8);
  auto table = csv::Parse(text->utf8, report.delimiter);
  if (!table) return table.error();
  report.headers = table->headers;
  report.rows = table->rows.size();

  // The mapping: the preset asked for, or the one that finds the most fields; then the caller's choices.
  std::vector<csv::Preset> presets = csv::BuiltinPresets();
  for (csv::Preset& preset : Saved()) presets.push_back(std::move(preset));
  const csv::Preset* preset = nullptr;
  if (!request.preset.empty()) {
    for (const csv::Preset& p : presets) {
      if (p.name == request.preset) preset = &p;
    }
    if (!preset) return Invalid("preset", "No preset is called \"" + request.preset + "\".");
  } else {
    size_t best = 0;
    for (const csv::Preset& p : presets) {
      auto it = p.mappings.find(request.kind);
      if (it == p.mappings.end()) continue;
      const size_t found = MappingFrom(it->second, request.kind, table->headers).size();
      if (found > best) best = found, preset = &p;
    }
  }
  std::map<std::string, Mapped> mapping;
  if (preset) {
    report.preset = preset->name;
    if (auto it = preset->mappings.find(request.kind); it != preset->mappings.end()) {
      mapping = MappingFrom(it->second, request.kind, table->headers);
    }
  }
  const auto columns = csv::ColumnsOf(request.kind);
  for (const auto& [field, header] : request.columns) {
    if (!csv::HasColumn(request.kind, field)) {
      return Invalid("map." + field, "A CSV file of " + std::string(CollectionOf(request.kind)) + " has no field \"" + field + "\".");
    }
    if (header.empty()) {
      mapping.erase(field);
      continue;
    }
    auto found = Find(table->headers, header);
    if (!found) return Invalid("map." + field, "The file has no column \"" + header + "\".");
    mapping[field] = *found;
  }
  std::vector<bool> used(table->headers.size(), false);
  for (const auto& [field, m] : mapping) {
    report.mapping[field] = m.header;
    for (size_t c : m.columns) used[c] = true;
  }
  for (size_t i = 0; i < table->headers.size(); ++i) {
    if (!used[i] && !table->headers[i].empty()) report.unmapped.push_back(table->headers[i]);
  }

  auto add_error = [&](size_t row, const std::string& field, std::string message) {
    ++report.error_count;
    if (report.errors.size() >= CsvReport::kMaxErrors) return;
    auto it = mapping.find(field);
    report.errors.push_back(CsvError{row, it == mapping.end() ? "" : it->second.header, field, std::move(message)});
  };
  // A field every new record needs but no column holds is one error, not one per row.
  std::map<std::string, size_t> missing;  // field → the rows that needed it
  for (const csv::Column& c : columns) {
    if (c.required && !mapping.count(std::string(c.field))) missing[std::string(c.field)] = 0;
  }

  // Each row: its cells converted, its references resolved, the record checked as it will be stored.
  const EntitySpec& spec = Spec(request.kind);
  MemoryBundle bundle;
  std::vector<size_t> bundle_rows;  // the row of each bundle item
  std::unordered_map<std::string, size_t> first_row;
  const std::string today = FormatDate(Today());
  engine_.With([&](const engine::Figures& figures) {
    csv::Resolver resolve(figures.graph());
    for (size_t r = 0; r < table->rows.size(); ++r) {
      const std::vector<std::string>& cells = table->rows[r];
      const size_t row = table->numbers[r];
      if (cells.size() > table->headers.size()) {
        add_error(row, "", "The row has " + std::to_string(cells.size()) + " cells, the header " +
                               std::to_string(table->headers.size()) + ": a delimiter inside a cell needs quotes.");
        continue;
      }
      auto cell = [&](const std::string& field) -> std::string {
        auto it = mapping.find(field);
        if (it == mapping.end()) return {};
        std::string value;
        for (size_t c : it->second.columns) value = Join(value, c < cells.size() ? Trim(cells[c]) : "");
        return value;
      };
      bj::object values;
      bool bad = false;
      auto fail = [&](const std::string& field, std::string message) {
        add_error(row, field, std::move(message));
        bad = true;
      };
      std::string org_of_row;  // the organization a person belongs to, for their department
      for (const csv::Column& c : columns) {
        const std::string field(c.field);
        if (field == "id") continue;
        const std::string value = cell(field);
        if (value.empty()) continue;
        const int index = spec.Index(field);
        const FieldSpec& fs = spec.fields[index];
        std::string error;
        if (fs.type == FieldType::kEnum || (request.kind == Kind::kRating && (field == "dimension" || field == "value"))) {
          auto word = csv::WordFor(request.kind, field, value);
          if (!word && field == "status" && mapping.count("stage") && mapping.at("stage").header == mapping.at("status").header) {
            word = "open";  // a sales stage that is not a closing one (Salesforce's Stage holds both)
          }
          if (!word) {
            fail(field, "\"" + value + "\" is not a " + field + " BRM knows.");
            continue;
          }
          values[field] = *word;
        } else if (fs.type == FieldType::kBool) {
          auto yes = csv::ParseBool(value);
          if (!yes) {
            fail(field, "\"" + value + "\" is neither yes nor no (是/否).");
            continue;
          }
          values[field] = *yes;
        } else if (fs.type == FieldType::kDate) {
          auto day = csv::ParseDay(value);
          if (!day) {
            fail(field, "\"" + value + "\" is not a day (2026-03-05 or 2026/3/5).");
            continue;
          }
          values[field] = FormatDate(*day);
        } else if (fs.type == FieldType::kNumber) {
          auto number = csv::ParseNumber(value, field == "win_probability");
          if (!number) {
            fail(field, "\"" + value + "\" is not a number.");
            continue;
          }
          values[field] = *number;
        } else if (fs.type == FieldType::kTarget) {
          auto ours = csv::WordFor(request.kind, "kind", value);
          if (value == "ours" || value == "我方" || value == "本公司" || ours == "ours") {
            values[field] = "ours";
          } else {
            const std::string org = resolve.Organization(value, engine::OrgKind::kCompetitor, error);
            if (!error.empty()) fail(field, error);
            else values[field] = org;
          }
        } else if (fs.type == FieldType::kRef) {
          std::string id;
          if (*fs.ref == Kind::kOrganization) {
            id = resolve.Organization(value, field == "customer" ? std::optional(engine::OrgKind::kCustomer) : std::nullopt, error);
            org_of_row = id;
          } else if (*fs.ref == Kind::kUser) {
            id = resolve.User(value, error);
          } else if (*fs.ref == Kind::kPerson) {
            id = resolve.Person(value, error);
          } else if (*fs.ref == Kind::kDepartment) {
            id = resolve.Department(value, org_of_row.empty() ? "" : org_of_row, error);
          } else if (*fs.ref == Kind::kOpportunity) {
            const auto person = values.if_contains("person");
            id = resolve.Opportunity(value, person && person->is_string() ? std::string_view(person->get_string()) : "", error);
          }
          if (!error.empty()) fail(field, error);
          else values[field] = id;
        } else {
          values[field] = value;
        }
      }
      if (bad) continue;

      // The id: the file's, else the record found by its name, else one made from what identifies it.
      std::string id = cell("id");
      auto text_of = [&](const char* field) {
        const auto* v = values.if_contains(field);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
      };
      if (id.empty()) {
        std::string key;
        if (request.kind == Kind::kOrganization) {
          id = resolve.Existing(request.kind, "", text_of("name"));
          key = text_of("name");
        } else if (request.kind == Kind::kPerson) {
          id = resolve.Existing(request.kind, text_of("org"), text_of("name"));
          key = text_of("org") + "\n" + text_of("name");
        } else if (request.kind == Kind::kOpportunity) {
          id = resolve.Existing(request.kind, text_of("customer"), text_of("name"));
          key = text_of("customer") + "\n" + text_of("name");
        } else {
          for (const char* f : {"person", "dimension", "value", "toward", "opportunity", "date"}) key += text_of(f) + "\n";
        }
        if (id.empty()) id = std::string(IdPrefix(request.kind)) + "-" + Sha256Hex("csv\n" + key).substr(0, 16);
      }
      if (!ValidId(id)) {
        fail("id", "\"" + id + "\" cannot be an id: 1 to 128 bytes of letters, digits and -_.:@+~.");
        continue;
      }
      if (auto [it, fresh] = first_row.emplace(id, row); !fresh) {
        fail("id", "Row " + std::to_string(it->second) + " holds the same record (" + id + ").");
        continue;
      }
      std::optional<Record> stored = store_.Get(request.kind, id);
      bj::object object = stored ? json::EncodeRecord(*stored) : bj::object{{"id", id}};
      for (auto& [key, value] : values) object[key] = value;
      if (!stored) {
        if (request.kind == Kind::kOrganization && !values.contains("kind")) object["kind"] = "customer";
        if (request.kind == Kind::kRating && !values.contains("by") && actor.role != Role::kSystem) object["by"] = actor.user;
      }
      auto record = json::DecodeRecord(request.kind, object);
      Status valid = record ? ValidateFields(*record) : Status(record.error());
      if (!valid) {
        if (auto it = missing.find(valid.error().field); it != missing.end()) {
          ++it->second;
          bad = true;
          continue;
        }
        fail(valid.error().field, valid.error().message);
        continue;
      }
      if (stored && *stored == *record) {
        ++report.unchanged;
      } else if (stored && spec.fact) {
        fail("", "A rating is history: " + id + " is stored with other values and cannot be changed; give this one another id.");
        continue;
      } else {
        ++(stored ? report.update : report.create);
      }
      if (report.sample.size() < CsvReport::kSampleRows) {
        bj::object shown{{"id", id}};
        for (const auto& [field, m] : mapping) {
          const bj::value* value = object.if_contains(field);
          if (field != "id") shown[field] = value ? *value : bj::value(nullptr);
        }
        report.sample.push_back({row, std::move(shown)});
      }
      bundle.of(request.kind).push_back(BundleItem{std::move(*record), nullptr});
      bundle_rows.push_back(row);
    }
    return 0;
  });

  std::stable_sort(report.errors.begin(), report.errors.end(), [](const CsvError& a, const CsvError& b) { return a.row < b.row; });
  for (const auto& [field, rows] : missing) {
    if (rows == 0) continue;
    for (const csv::Column& c : columns) {
      if (c.field != field) continue;
      add_error(1, field, "No column holds " + field + " (" + std::string(c.zh) + " / " + std::string(c.en) + "), which " +
                              std::to_string(rows) + (rows == 1 ? " new record needs." : " new records need."));
    }
  }
  if (!request.commit) return report;
  auto failed = [&](const CsvError& first) {
    if (report_out) *report_out = report;
    return MakeError(ErrorCode::kUnprocessable,
                     "Row " + std::to_string(first.row) + (first.column.empty() ? "" : ", column " + first.column) + ": " +
                         first.message + (report.error_count > 1 ? " (" + std::to_string(report.error_count) + " errors; nothing was imported)" : " (nothing was imported)"),
                     first.field.empty() ? "row " + std::to_string(first.row) : first.field);
  };
  if (report.error_count > 0) return failed(report.errors.front());
  auto imported = entities_.ImportBundle(actor, *MemorySource(bundle));
  if (!imported) {
    // "people[12].org": the 13th record, its field.
    const Error& error = imported.error();
    const size_t open = error.field.find('['), close = error.field.find(']');
    size_t row = 0;
    std::string field;
    if (open != std::string::npos && close != std::string::npos) {
      const size_t index = std::strtoul(error.field.c_str() + open + 1, nullptr, 10);
      row = index < bundle_rows.size() ? bundle_rows[index] : 0;
      field = close + 2 <= error.field.size() ? error.field.substr(close + 2) : "";
    }
    add_error(row, field, error.message);
    return failed(report.errors.back());
  }
  report.committed = true;
  return report;
}

}  // namespace brm
