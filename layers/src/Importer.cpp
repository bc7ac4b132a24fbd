#include "planatlas/layers/Importer.h"

#include "Schema_p.h"
#include "plan/Places_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Files.h"
#include "planatlas/gis/Transform.h"
#include "planatlas/layers/Access.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Limits.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

namespace fs = std::filesystem;

namespace pa::layers {

using gis::FieldType;
using gis::FieldValue;
using gis::GeometryFamily;
using gis::sqlIdentifier;
using gis::sqlLiteral;

namespace {

Error inputError(const std::string& file, const Sentence& problem)
{
    return Error(ErrorKind::Input, Sentence("%1: %2", {file, problem}));
}

/// With what a person at the command line does about it (an option to pass).
Error inputError(const std::string& file, const Sentence& problem, const std::string& remedy)
{
    return Error(ErrorKind::Input, Sentence("%1: %2", {file, problem}), remedy);
}

/// The first five problems of a list, one per line, and how many more there are.
Sentence firstFive(const std::vector<Sentence>& problems)
{
    Sentence list{std::string()};
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i)
        list = Sentence("%1\n  %2", {list, problems[i]});
    if (problems.size() > 5)
        list = Sentence(
            "%1\n  %2",
            {list, Sentence(QT_TRANSLATE_NOOP("pa::layers", "… and %1 more"),
                            {Sentence::count(static_cast<std::int64_t>(problems.size() - 5))})});
    return list;
}

/// The longest field name a DBF (Shapefile) holds; longer names are cut to it.
constexpr std::size_t kDbfFieldNameLength = 10;

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// A layer or column name made of [a-z0-9_] from any text ("Khu Công nghiệp" → "khu_cong_nghiep").
std::string slug(std::string_view text)
{
    return text::slug(text, '_');
}

/// Open options and driver choice for the file types planners bring.
struct SourceOpen
{
    std::string path;
    std::vector<std::string> options;
    std::vector<std::string> drivers;
};

SourceOpen sourceOpenFor(const ImportOptions& options)
{
    SourceOpen open{options.sourcePath, {}, {}};
    const std::string ext = lowerAscii(fs::path(options.sourcePath).extension().string());
    if (ext == ".csv") {
        open.drivers = {"CSV"};
        open.options = {"X_POSSIBLE_NAMES=lon,long,lng,longitude,x,kinh_do,kinhdo",
                        "Y_POSSIBLE_NAMES=lat,latitude,y,vi_do,vido",
                        "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom", "KEEP_GEOM_COLUMNS=NO",
                        "AUTODETECT_TYPE=YES"};
    } else if (ext == ".shp" || ext == ".dbf") {
        open.drivers = {"ESRI Shapefile"};
        if (options.encoding) {
            // Hand the raw bytes to us for legacy encodings; GDAL would otherwise recode them
            // from the .cpg or LDID (or Latin-1) into mojibake.
            open.options = {options.encoding == text::Encoding::Utf8 ? "ENCODING=UTF-8"
                                                                     : "ENCODING="};
        }
    } else if (ext == ".xlsx" || ext == ".ods") {
        // A table a planner keeps in Excel has its column names in the first row, also when
        // every cell is text (prices written "2.400.000"), where GDAL would guess there is none.
        open.drivers = {ext == ".xlsx" ? "XLSX" : "ODS"};
        open.options = {"HEADERS=FORCE"};
    } else if (ext == ".zip") {
        open.path = "/vsizip/" + options.sourcePath;
        if (options.encoding)
            open.options = {options.encoding == text::Encoding::Utf8 ? "ENCODING=UTF-8"
                                                                     : "ENCODING="};
    }
    return open;
}

struct Target
{
    std::string attribute; ///< workspace column
    FieldType type;
    int sourceIndex = -1; ///< -1: not mapped
    bool required = false;
};

struct ExtraField
{
    std::string name; ///< workspace column
    FieldType type;
    int sourceIndex;
};

struct TextStats
{
    std::int64_t converted = 0, renormalised = 0, lookalikes = 0, unmapped = 0, latin1 = 0;
    std::int64_t doubleEncoded = 0; ///< UTF-8 that a reader took for Latin-1
    std::int64_t controls = 0;      ///< values that held control characters (NUL …), removed
};

/// True when @p utf8 holds only Latin-1 characters and at least one of them is a symbol or
/// letter that Vietnamese never uses (µ ¸ ¶ ­ ø ù û ï ö ñ …): TCVN3 or VNI bytes that a reader
/// took for Latin-1 ("Thµnh phè" for "Thành phố"). Vietnamese words written with Latin-1
/// letters alone ("Phú Bình") do not count.
bool looksLikeUndeclaredLegacy(std::string_view utf8)
{
    const auto bytes = text::latin1Bytes(utf8);
    if (!bytes)
        return false;
    if (text::isValidUtf8(*bytes))
        return false; // UTF-8 read as Latin-1 ("ThÃ¡i"): counted separately
    static constexpr std::string_view kVietnameseLatin1 =
        "\xC0\xC1\xC2\xC3\xC8\xC9\xCA\xCC\xCD\xD2\xD3\xD4\xD5\xD9\xDA\xDD"
        "\xE0\xE1\xE2\xE3\xE8\xE9\xEA\xEC\xED\xF2\xF3\xF4\xF5\xF9\xFA\xFD"
        "\xD0\xF0"; // Ð/ð: look-alikes of Đ/đ, repaired separately
    return std::any_of(bytes->begin(), bytes->end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0xA1 &&
               kVietnameseLatin1.find(c) == std::string_view::npos;
    });
}

/// Turns a source string into NFC UTF-8, decoding a legacy encoding when one was declared.
std::string convertText(const std::string& raw, const std::optional<text::Encoding>& encoding,
                        TextStats& stats)
{
    std::string result;
    if (encoding && *encoding != text::Encoding::Utf8) {
        std::optional<std::string> bytes;
        if (!text::isValidUtf8(raw))
            bytes = raw; // raw legacy bytes (e.g. Shapefile opened without recoding)
        else if (auto latin1 = text::latin1Bytes(raw);
                 latin1 && std::any_of(latin1->begin(), latin1->end(), [](char c) {
                     return static_cast<unsigned char>(c) >= 0x80;
                 }))
            bytes = latin1; // legacy bytes a reader took for Latin-1
        if (bytes) {
            int unmapped = 0;
            result = text::decode(*bytes, *encoding, &unmapped);
            stats.unmapped += unmapped;
            ++stats.converted;
        } else {
            result = text::toNfc(raw);
        }
    } else {
        if (!text::isValidUtf8(raw))
            throw std::runtime_error("text is not UTF-8");
        result = text::toNfc(raw);
        if (result != raw)
            ++stats.renormalised;
        if (looksLikeUndeclaredLegacy(result)) {
            ++stats.latin1;
        } else if (auto repaired = text::undoMojibake(result)) {
            result = std::move(*repaired); // "ThÃ¡i" → "Thái": nothing was lost, undo it
            ++stats.doubleEncoded;
        }
    }
    if (text::removeControlCharacters(result).count > 0)
        ++stats.controls;
    int replaced = 0;
    result = text::fixLookalikes(result, &replaced);
    if (replaced)
        ++stats.lookalikes;
    return result;
}

std::string trim(std::string text)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
    text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
    return text;
}

bool isAdmin(const LayerKind& kind)
{
    return kind.id.rfind("admin_", 0) == 0;
}

std::string adminLevel(const LayerKind& kind)
{
    if (kind.id == "admin_province")
        return "province";
    if (kind.id == "admin_district")
        return "district";
    return "commune";
}

/// One import: the options checked, the source read, its columns mapped to the kind's
/// attributes, a first pass over its features (geometry families, codes, number formats,
/// readability), then every feature repaired and written in one transaction, and the report of
/// what was repaired or is missing. Each step is a member; importLayer() runs them in order.
class Import
{
public:
    Import(Workspace& into, const ImportOptions& asked, const Progress& shown)
        : workspace(into), options(asked), progress(shown), file(asked.sourcePath)
    {
    }

    ImportReport run()
    {
        checkMayAddLayers(workspace); // before the file is read
        checkOptions();
        openSource();
        readJoinIndex();
        chooseLayerName();
        mapAttributes();
        survey();
        decideGeometry();
        write();
        summarise();
        return std::move(report);
    }

private:
    /// The kind, the geometry quality, the validity dates and a CRS given by hand.
    void checkOptions()
    {
        kind = findKind(options.kind);
        if (!kind)
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "unknown kind '%1'; kinds are: %2"),
                         {options.kind, kindIdList()}});
        quality = options.geometryQuality.empty() ? "digitized" : options.geometryQuality;
        if (!options.tracedFrom.empty()) {
            if (!kind->programme)
                throw ParameterError(
                    "traced_from",
                    {QT_TRANSLATE_NOOP(
                         "pa::layers",
                         "a %1 layer records no source per feature; only programme kinds do"),
                     {std::string(kind->id)}});
            if (quality != "digitized")
                throw ParameterError(
                    "quality",
                    {QT_TRANSLATE_NOOP("pa::layers", "'%1' contradicts the tracing from a map "
                                                     "sheet, which makes the features digitized"),
                     {quality}});
            tracedSource = drawnSource(workspace, options.tracedFrom); // or: no such sheet
        }
        {
            const auto values = geometryQualityValues();
            if (std::find(values.begin(), values.end(), quality) == values.end())
                throw ParameterError(
                    "quality",
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "must be surveyed, digitized or indicative, not '%1'"),
                     {quality}});
        }
        for (auto [option, value, out] :
             {std::tuple{"valid_from", &options.validFrom, &validFromOption},
              std::tuple{"valid_to", &options.validTo, &validToOption}}) {
            if (value->empty())
                continue;
            const auto date = text::parseDate(*value);
            if (!date)
                throw ParameterError(
                    option,
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "'%1' is not a date (write 2025-06-30 or 30/6/2025)"),
                     {*value}});
            *out = *date;
        }
        if (!options.sourceCrs.empty()) {
            try {
                overrideCrs = gis::Crs::fromUserInput(options.sourceCrs);
            } catch (const gis::GisError& e) {
                throw ParameterError("src_crs", unknownCrs(options.sourceCrs, e.detail()));
            }
        }
    }

    /// Reading: the file opened with the options its type needs, its layer chosen and its CRS
    /// read (never guessed).
    void openSource()
    {
        std::error_code ec;
        if (!fs::exists(file, ec))
            throw inputError(file, QT_TRANSLATE_NOOP("pa::layers", "no such file"));
        if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == 0)
            throw inputError(file, QT_TRANSLATE_NOOP("pa::layers", "the file is empty"));
        how = sourceOpenFor(options);
        {
            // A zip that inflates to gigabytes from kilobytes (a .kmz whose one name expands to
            // 512 MB) is refused from its directory, before GDAL reads a byte of it.
            const std::string ext = lowerAscii(fs::path(file).extension().string());
            if (ext == ".zip" || ext == ".kmz") {
                const auto archive = fs::file_size(file, ec);
                const auto expanded = gis::zipExpandedBytes(file);
                constexpr std::uint64_t kSmall = 64u << 20; // never refused below this
                if (!ec && expanded && *expanded > kSmall && archive > 0 &&
                    *expanded / archive >
                        static_cast<std::uint64_t>(limitValue(Limit::ArchiveExpansion)))
                    throw inputError(
                        file, {QT_TRANSLATE_NOOP("pa::layers", "expands from %1 KB to %2 MB, %3"),
                               {Sentence::count(archive >> 10), Sentence::count(*expanded >> 20),
                                limitExceeded(Limit::ArchiveExpansion)}});
            }
        }
        try {
            source = gis::Dataset::openVector(how.path, gis::OpenMode::ReadOnly, how.options,
                                              how.drivers);
        } catch (const gis::GisError& e) {
            throw inputError(
                file,
                {QT_TRANSLATE_NOOP("pa::layers", "cannot be read as GIS vector data (GDAL: %1)"),
                 {std::string(e.what())}});
        }
        if (source->layerCount() == 0)
            throw inputError(file, QT_TRANSLATE_NOOP("pa::layers", "contains no vector layer"));

        if (!options.sourceLayer.empty()) {
            sourceLayer = source->layerByName(options.sourceLayer);
            if (!sourceLayer)
                throw inputError(file, {QT_TRANSLATE_NOOP("pa::layers", "has no layer '%1'"),
                                        {options.sourceLayer}});
        } else if (source->layerCount() == 1) {
            sourceLayer = source->layer(0);
        } else {
            std::string names;
            for (const auto& n : source->layerNames())
                names += (names.empty() ? "" : ", ") + n;
            throw inputError(file,
                             {QT_TRANSLATE_NOOP("pa::layers", "has %1 layers (%2)"),
                              {Sentence::count(source->layerCount()), names}},
                             "choose one with --source-layer");
        }
        layerLabel = file + " (layer " + sourceLayer->name() + ")";
        if (!options.where.empty()) {
            try {
                sourceLayer->setAttributeFilter(options.where);
            } catch (const gis::GisError& e) {
                throw Error(ErrorKind::Usage, std::string("--where: ") + e.what());
            }
        }

        try {
            sourceCrs = sourceLayer->crs();
        } catch (const gis::GisError& e) {
            if (!overrideCrs)
                throw remediedBy(
                    inputError(
                        layerLabel,
                        {QT_TRANSLATE_NOOP("pa::layers",
                                           "its coordinate reference system cannot be read (%1)"),
                         {std::string(e.what())}},
                        "pass --src-crs EPSG:N to say what it is"),
                    "src_crs");
        }
        if (overrideCrs) {
            if (sourceCrs && !sourceCrs->isSame(*overrideCrs))
                crsNote = Notice{
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "the file declares %1; %2 was used instead, as chosen"),
                     {sourceCrs->label(), overrideCrs->label()}}};
            sourceCrs = overrideCrs;
        }
        if (!sourceCrs && sourceLayer->hasGeometry())
            throw remediedBy(
                inputError(layerLabel,
                           QT_TRANSLATE_NOOP("pa::layers",
                                             "no coordinate reference system is declared, "
                                             "and PlanAtlas will not guess one"),
                           "pass --src-crs, e.g. --src-crs EPSG:4326 for GPS/WGS 84 "
                           "longitude-latitude or --src-crs EPSG:9213 for VN-2000 / TM-3 106-30 "
                           "(Thái Nguyên)"),
                "src_crs");
    }

    /// A table without geometry takes its features' geometry from a workspace layer: key →
    /// geometry (workspace CRS) of the workspace features a row may take.
    void readJoinIndex()
    {
        if (options.join) {
            const auto& j = *options.join;
            if (sourceLayer->hasGeometry())
                throw inputError(layerLabel,
                                 "has geometry of its own; --join is for tables without geometry");
            auto joinLayer = workspace.dataset().layerByName(j.layer);
            if (!joinLayer || !workspace.findLayer(j.layer))
                throw Error(ErrorKind::Usage,
                            "--join: the workspace has no layer '" + j.layer + "'");
            const int keyIndex = joinLayer->fieldIndex(j.field);
            if (keyIndex < 0)
                throw Error(ErrorKind::Usage,
                            "--join: layer '" + j.layer + "' has no attribute '" + j.field + "'");
            if (j.bufferM < 0)
                throw Error(ErrorKind::Usage, "--join-buffer-m must not be negative");
            joinLabel = "layer '" + j.layer + "', attribute " + j.field;
            std::map<std::string, std::string> shownKey;
            joinLayer->resetReading();
            while (auto f = joinLayer->next()) {
                const std::string value = gis::toString(f->value(keyIndex));
                const std::string key = plan::placeKey(value);
                if (key.empty())
                    continue;
                auto geometry = f->takeGeometry();
                if (geometry.isEmpty())
                    continue;
                if (geometry.family() == GeometryFamily::Line && j.bufferM > 0)
                    geometry = geometry.buffer(j.bufferM);
                if (auto [it, inserted] = shownKey.emplace(key, value); !inserted)
                    throw Error(ErrorKind::Usage, "--join: " + joinLabel +
                                                      " is not a unique key ('" + it->second +
                                                      "' and '" + value + "' match alike)");
                joinIndex.emplace(key, std::move(geometry));
            }
        }
    }

    void chooseLayerName()
    {
        layerName = options.layerName.empty() ? slug(sourceLayer->name()) : options.layerName;
        if (!layerName.empty() && !(layerName[0] >= 'a' && layerName[0] <= 'z'))
            layerName = "layer_" + layerName;
        if (layerName.size() > 50)
            layerName.resize(50);
        {
            // Said as a problem of the parameter "layer": the command line names it --layer, the
            // desktop application the field where the name is typed.
            if (const auto why = layerNameProblem(layerName))
                throw ParameterError(
                    "layer",
                    options.layerName.empty()
                        ? Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                     "'%1' cannot be used: %2 (made from "
                                                     "the file's name; choose one)"),
                                   {layerName, *why})
                        : Sentence(QT_TRANSLATE_NOOP("pa::layers", "'%1' cannot be used: %2"),
                                   {layerName, *why}));
        }
        if (workspace.dataset().layerByName(layerName) || workspace.findLayer(layerName))
            throw ParameterError(
                "layer",
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "the workspace already has a layer '%1'; choose another name"),
                 {layerName}});
    }

    /// Mapping: each attribute of the kind from a column named by --field, by one of its
    /// aliases or by the name a DBF shortened; the other columns kept under their own names.
    void mapAttributes()
    {
        sourceFields = sourceLayer->fields();
        auto columnList = [&] {
            std::string list;
            for (const auto& f : sourceFields)
                list += (list.empty() ? "" : ", ") + f.name;
            return list.empty() ? std::string("none") : list;
        };
        auto findColumn = [&](std::string_view name) {
            const std::string key = text::foldForMatch(name);
            for (std::size_t i = 0; i < sourceFields.size(); ++i)
                if (text::foldForMatch(sourceFields[i].name) == key)
                    return static_cast<int>(i);
            return -1;
        };

        if (options.join) {
            joinColumn = findColumn(options.join->column);
            if (joinColumn < 0)
                throw inputError(layerLabel, "has no column '" + options.join->column +
                                                 "' to join on (columns: " + columnList() + ")");
        }

        const bool nameRequired = kind->programme || isAdmin(*kind);
        for (const auto& spec : commonAttributes())
            targets.push_back({std::string(spec.name), spec.type, -1,
                               spec.name == "name_vi" ? nameRequired : false});
        for (const auto& spec : kind->attributes)
            targets.push_back({std::string(spec.name), spec.type, -1, spec.required});

        auto explicitMap = options.fieldMap;
        if (!options.codeField.empty())
            explicitMap.emplace_back("code", options.codeField);
        // A column a DBF shortened to 10 characters ("planned_ar" for "planned_area_ha").
        auto shortenedFrom = [](const std::string& column, std::string_view name) {
            return column.size() == kDbfFieldNameLength && name.size() > kDbfFieldNameLength &&
                   lowerAscii(std::string(name.substr(0, kDbfFieldNameLength))) ==
                       lowerAscii(column);
        };
        std::map<int, std::string> extraNames; // source column → the name given with --field
        for (const auto& [attribute, column] : explicitMap) {
            Target* target = targetFor(attribute);
            if (const int index = findColumn(column);
                !target && index >= 0 &&
                shortenedFrom(sourceFields[static_cast<std::size_t>(index)].name, attribute) &&
                isValidLayerName(attribute, nullptr)) {
                extraNames[index] =
                    attribute; // "--field drawn_area_ha=drawn_area": kept by its name
                continue;
            }
            if (!target) {
                std::string names;
                for (const auto& t : targets)
                    names += (names.empty() ? "" : ", ") + t.attribute;
                throw Error(ErrorKind::Usage, "--field " + attribute + "=…: a layer of kind " +
                                                  std::string(kind->id) + " has no attribute '" +
                                                  attribute + "' (attributes: " + names + ")");
            }
            const int index = findColumn(column);
            if (index < 0)
                throw inputError(layerLabel,
                                 "has no column '" + column + "' (columns: " + columnList() + ")");
            target->sourceIndex = index;
        }
        auto aliasesOf = [&](const std::string& attribute) -> std::string_view {
            for (const auto& spec : commonAttributes())
                if (spec.name == attribute)
                    return spec.aliases;
            for (const auto& spec : kind->attributes)
                if (spec.name == attribute)
                    return spec.aliases;
            return {};
        };
        std::set<int> usedColumns;
        for (const auto& t : targets)
            if (t.sourceIndex >= 0)
                usedColumns.insert(t.sourceIndex);
        for (auto& t : targets) {
            if (t.sourceIndex >= 0)
                continue;
            std::string_view aliases = aliasesOf(t.attribute);
            while (!aliases.empty() && t.sourceIndex < 0) {
                const auto comma = aliases.find(',');
                const auto alias = aliases.substr(0, comma);
                const int index = findColumn(alias);
                if (index >= 0 && !usedColumns.contains(index)) {
                    t.sourceIndex = index;
                    usedColumns.insert(index);
                }
                aliases = comma == std::string_view::npos ? std::string_view()
                                                          : aliases.substr(comma + 1);
            }
        }
        for (auto& t : targets) // then the names a DBF shortened: "planned_ar" for planned_area_ha
            for (std::size_t i = 0; i < sourceFields.size() && t.sourceIndex < 0; ++i)
                if (!usedColumns.contains(static_cast<int>(i)) &&
                    shortenedFrom(sourceFields[i].name, t.attribute)) {
                    t.sourceIndex = static_cast<int>(i);
                    usedColumns.insert(static_cast<int>(i));
                    report.dbfNamesRestored.emplace_back(sourceFields[i].name, t.attribute);
                }
        // A column a DBF shortened from an alias ("dien_tich_" of dien_tich_ha) may be that
        // alias or another of its unit ("dien_tich_km2"): not taken, said with the command that
        // takes it.
        for (const auto& t : targets)
            for (std::size_t i = 0; i < sourceFields.size() && t.sourceIndex < 0; ++i) {
                if (usedColumns.contains(static_cast<int>(i)))
                    continue;
                for (std::string_view aliases = aliasesOf(t.attribute); !aliases.empty();) {
                    const auto comma = aliases.find(',');
                    if (const std::string_view alias = aliases.substr(0, comma);
                        shortenedFrom(sourceFields[i].name, alias)) {
                        report.warnings.push_back(
                            {{QT_TRANSLATE_NOOP("pa::layers",
                                                "column '%1' may be '%2' shortened by the DBF; it "
                                                "is kept as a column of its own, not as %3"),
                              {sourceFields[i].name, std::string(alias), t.attribute}},
                             "if it is, import with --field " + t.attribute + "=" +
                                 sourceFields[i].name});
                        break;
                    }
                    aliases = comma == std::string_view::npos ? std::string_view()
                                                              : aliases.substr(comma + 1);
                }
            }
        for (const auto& t : targets)
            if (t.required && t.sourceIndex < 0)
                throw remediedBy(
                    inputError(layerLabel,
                               {QT_TRANSLATE_NOOP("pa::layers",
                                                  "a layer of kind %1 needs '%2', and no column "
                                                  "is recognised for it (columns: %3)"),
                                {std::string(kind->id), t.attribute, columnList()}},
                               "map one with --field " + t.attribute + "=COLUMN"),
                    "field");

        // Source columns not mapped to an attribute are kept under their own (ASCII) names.
        {
            std::set<std::string> taken;
            for (const auto& t : targets)
                taken.insert(t.attribute);
            for (const auto& reserved : {"fid", "geom", "geometry"})
                taken.insert(reserved);
            // The columns other layers of the workspace have, with their types: a column of the
            // same name is given the same type ("drawn_area_ha" REAL in every layer, also where the
            // source had only empty values and called it text), and a name a DBF shortened is
            // restored when one known name fits it.
            std::map<std::string, FieldType> known;
            for (const auto& registered : workspace.layers())
                if (auto existing = workspace.dataset().layerByName(registered.name))
                    for (const auto& field : existing->fields())
                        known.emplace(field.name, field.type);
            for (std::size_t i = 0; i < sourceFields.size(); ++i) {
                if (usedColumns.contains(static_cast<int>(i)))
                    continue;
                std::string name = extraNames.contains(static_cast<int>(i))
                                       ? extraNames[static_cast<int>(i)]
                                       : slug(sourceFields[i].name);
                if (!extraNames.contains(static_cast<int>(i))) {
                    std::vector<std::string> fits;
                    for (const auto& [knownName, knownType] : known)
                        if (shortenedFrom(sourceFields[i].name, knownName) &&
                            !taken.contains(knownName))
                            fits.push_back(knownName);
                    if (fits.size() == 1) {
                        report.dbfNamesRestored.emplace_back(sourceFields[i].name, fits.front());
                        name = fits.front();
                    }
                }
                if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z') || taken.contains(name))
                    name = "src_" + (name.empty() ? std::to_string(i) : name);
                while (taken.contains(name))
                    name += "_";
                taken.insert(name);
                FieldType type = sourceFields[i].type;
                if (type == FieldType::Other)
                    type = FieldType::String;
                if (const auto it = known.find(name);
                    it != known.end() && type == FieldType::String &&
                    (it->second == FieldType::Real || it->second == FieldType::Integer))
                    type = it->second; // numbers read from text, as for the kind's attributes
                extras.push_back({name, type, static_cast<int>(i)});
            }
        }

        report.layerName = layerName;
        report.kind = std::string(kind->id);
        report.sourceDriver = source->driverName();
        report.sourceLayer = sourceLayer->name();
        report.sourceCrs = sourceCrs ? sourceCrs->label() : std::string("none");
        if (crsNote)
            report.warnings.push_back(*crsNote);
        for (const auto& t : targets)
            if (t.sourceIndex >= 0)
                report.mapping.emplace_back(
                    t.attribute, sourceFields[static_cast<std::size_t>(t.sourceIndex)].name);
    }

    /// The first pass: geometry families, codes, Vietnamese number formats, unreadable cells.
    void survey()
    {
        codeTarget = targetFor("code");
        for (auto& code : workspace.featureCodes())
            workspaceCodes.insert(std::move(code));
        std::vector<Sentence> codeClashes;
        std::size_t usedInWorkspace = 0; // of them, codes another layer has
        decimalComma.assign(targets.size(), false);
        TextStats scratch;
        // A CSV's geometry column read as text beside GDAL's parse of it: a cell that holds
        // something GDAL could not read as WKT ("garbage", a TIN, "POINT(nan nan)") is named, not
        // imported as a feature without geometry.
        std::optional<gis::Dataset> rawCsv;
        std::optional<gis::Layer> rawCsvLayer;
        int rawGeometryColumn = -1;
        if (report.sourceDriver == "CSV" && !options.join) {
            rawCsv =
                gis::Dataset::openVector(how.path, gis::OpenMode::ReadOnly,
                                         {"KEEP_GEOM_COLUMNS=YES", "AUTODETECT_TYPE=NO"}, {"CSV"});
            rawCsvLayer = rawCsv->layer(0);
            const auto rawFields = rawCsvLayer->fields();
            for (std::size_t i = 0; i < rawFields.size(); ++i)
                for (const char* name : {"wkt", "geom", "geometry", "the_geom"})
                    if (lowerAscii(rawFields[i].name) == name)
                        rawGeometryColumn = static_cast<int>(i);
            rawCsvLayer->resetReading();
        }
        std::vector<Sentence> unreadable;
        try {
            sourceLayer->resetReading();
            while (auto feature = sourceLayer->next()) {
                ++total;
                if (total % 1000 == 0)
                    progress.update(0.0, "reading");
                auto geometry = rowGeometry(*feature, total);
                if (rawCsvLayer) {
                    const auto raw = rawCsvLayer->next();
                    const std::string cell =
                        raw && rawGeometryColumn >= 0
                            ? trim(gis::toString(raw->value(rawGeometryColumn)))
                            : std::string();
                    if (geometry.isEmpty() && !cell.empty())
                        unreadable.push_back({QT_TRANSLATE_NOOP("pa::layers", "row %1 ('%2')"),
                                              {std::to_string(total), text::clipUtf8(cell, 40)}});
                }
                if (!geometry.isEmpty()) {
                    const auto e = geometry.envelope();
                    if (!e || !std::isfinite(e->minX) || !std::isfinite(e->minY) ||
                        !std::isfinite(e->maxX) || !std::isfinite(e->maxY)) {
                        unreadable.push_back(
                            report.sourceDriver == "CSV"
                                ? Sentence(QT_TRANSLATE_NOOP(
                                               "pa::layers",
                                               "row %1 (coordinates that are not numbers)"),
                                           {std::to_string(total)})
                                : Sentence(QT_TRANSLATE_NOOP(
                                               "pa::layers",
                                               "feature %1 (coordinates that are not numbers)"),
                                           {std::to_string(total)}));
                        continue;
                    }
                }
                if (!geometry.isEmpty())
                    ++families[geometry.family()];
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    const Target& t = targets[i];
                    if (t.sourceIndex < 0 || decimalComma[i] ||
                        (t.type != FieldType::Real && t.type != FieldType::Integer))
                        continue;
                    const FieldValue value = feature->value(t.sourceIndex);
                    if (const auto* s = std::get_if<std::string>(&value);
                        s && (text::hasDecimalComma(*s) || text::hasDotThousands(*s)))
                        decimalComma[i] = true; // the column writes numbers the Vietnamese way
                }
                if (codeTarget->sourceIndex >= 0) {
                    std::string code;
                    try {
                        code =
                            trim(convertText(gis::toString(feature->value(codeTarget->sourceIndex)),
                                             options.encoding, scratch));
                    } catch (const std::runtime_error&) {
                        continue; // reported with the feature in the second pass
                    }
                    if (code.empty())
                        continue;
                    code = options.codePrefix + code;
                    if (code.find_first_of(";,") != std::string::npos)
                        codeClashes.push_back(
                            {QT_TRANSLATE_NOOP("pa::layers",
                                               "feature %1: code '%2' holds ';' or ',', which "
                                               "separate codes in review files"),
                             {std::to_string(total), code}});
                    else if (workspaceCodes.contains(code) && ++usedInWorkspace)
                        codeClashes.push_back(
                            {QT_TRANSLATE_NOOP("pa::layers",
                                               "feature %1: code '%2' is already used in the "
                                               "workspace"),
                             {std::to_string(total), code}});
                    else if (auto [it, inserted] = sourceCodes.emplace(code, total); !inserted)
                        codeClashes.push_back(
                            {QT_TRANSLATE_NOOP("pa::layers", "features %1 and %2 share code '%3'"),
                             {std::to_string(it->second), std::to_string(total), code}});
                }
            }
        } catch (const gis::GisError& e) {
            throw inputError(
                layerLabel,
                {QT_TRANSLATE_NOOP("pa::layers", "read error after %1 feature(s), the file may be "
                                                 "truncated or corrupt (GDAL: %2)"),
                 {Sentence::count(total), e.cause()}});
        }
        if (!unmatchedRows.empty())
            throw inputError(
                layerLabel,
                {QT_TRANSLATE_NOOP("pa::layers", "%1 of %2 rows match no feature of %3:%4"),
                 {Sentence::count(static_cast<std::int64_t>(unmatchedRows.size())),
                  Sentence::count(total), joinLabel, firstFive(unmatchedRows)}});
        report.joined = 0; // counted again while writing
        if (options.join) {
            sourceCrs = workspace.crs(); // joined geometry is already in the workspace CRS
            report.sourceCrs = sourceCrs->label() + " (geometry from " + joinLabel + ")";
        }
        if (!unreadable.empty())
            throw inputError(
                layerLabel,
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "%1 geometry value(s) cannot be read:%2\ncorrect them, or leave "
                                   "the cell empty for a feature without geometry"),
                 {Sentence::count(unreadable.size()), firstFive(unreadable)}});
        if (total > 0 && families.empty() && !options.join)
            throw inputError(
                layerLabel,
                {QT_TRANSLATE_NOOP(
                     "pa::layers",
                     "none of its %1 feature(s) has a geometry; nothing would appear on a map (a "
                     "CSV needs a WKT column named wkt, geom or geometry, or lon and lat columns)"),
                 {Sentence::count(total)}});
        if (!codeClashes.empty()) {
            const Sentence problem{
                QT_TRANSLATE_NOOP("pa::layers",
                                  "codes in column '%1' are not unique or not usable:%2"),
                {sourceFields[static_cast<std::size_t>(codeTarget->sourceIndex)].name,
                 firstFive(codeClashes)}};
            // (Codes another layer uses, as a unit's official one before and after a merger
            // is: a prefix keeps both.)
            if (usedInWorkspace > 0)
                throw inputError(
                    layerLabel, problem,
                    "put a prefix before this layer's codes with --code-prefix (e.g. TINH2024-)");
            throw inputError(layerLabel, problem);
        }
    }

    /// The layer's geometry family, the transformation to the workspace CRS and where the
    /// features are expected to lie.
    void decideGeometry()
    {
        if (families.size() > 1) {
            if (!kind->accepts(GeometryFamily::Collection)) {
                std::string mix, each;
                for (const auto& [f, n] : families) {
                    mix += (mix.empty() ? "" : ", ") + std::to_string(n) + " " +
                           std::string(gis::familyName(f));
                    // (OGR's names of the family's types, for an attribute filter.)
                    const std::string_view type = f == GeometryFamily::Point  ? "POINT"
                                                  : f == GeometryFamily::Line ? "LINESTRING"
                                                                              : "POLYGON";
                    if (f != GeometryFamily::None && f != GeometryFamily::Collection)
                        each += std::string(each.empty() ? "" : "; ") +
                                "--where \"OGR_GEOMETRY IN ('" + std::string(type) + "','MULTI" +
                                std::string(type) + "')\" --layer NAME_" +
                                std::string(gis::familyName(f));
                }
                throw inputError(
                    layerLabel,
                    {QT_TRANSLATE_NOOP("pa::layers", "mixes geometry types (%1); a layer of kind "
                                                     "%2 holds one of %3: split the file"),
                     {mix, std::string(kind->id), kind->familiesText()}},
                    "import each type on its own: " + each +
                        " (a source of several layers: one at a time with --source-layer)");
            }
            family = GeometryFamily::Collection;
        } else if (families.size() == 1) {
            family = families.begin()->first;
        } else {
            family = sourceLayer->geometryFamily();
            if (family == GeometryFamily::None || family == GeometryFamily::Collection)
                family = kind->families.front();
        }
        if (!kind->accepts(family))
            throw inputError(
                layerLabel,
                {QT_TRANSLATE_NOOP("pa::layers", "has %1 geometries; a layer of kind %2 holds %3"),
                 {std::string(gis::familyName(family)), std::string(kind->id),
                  kind->familiesText()}});

        if (sourceCrs && !sourceCrs->isSame(workspace.crs())) {
            try {
                transform.emplace(*sourceCrs, workspace.crs());
            } catch (const gis::GisError& e) {
                throw remediedBy(
                    inputError(layerLabel,
                               withDetail({QT_TRANSLATE_NOOP("pa::layers",
                                                             "no transformation from %1 into the "
                                                             "workspace's %2; is the file's CRS "
                                                             "the right one?"),
                                           {sourceCrs->label(), workspace.crs().label()}},
                                          e.detail()),
                               "give the right one with --src-crs"),
                    "src_crs");
            }
            report.transformation = transform->operationDescription();
        } else {
            report.transformation = "none (already in " + workspace.crs().label() + ")";
        }

        // Where the features belong: the province layers' extent, or else where the workspace CRS
        // is meant to be used. A wrong --src-crs (EPSG:3857 on VN-2000 metres) or a stray feature
        // lands thousands of kilometres away; that is said with a count, or refused when every
        // feature does.
        home = workspace.provinceExtent(layerName);
        homeSaid = Sentence(QT_TRANSLATE_NOOP("pa::layers", "the province"));
        if (!home)
            if (const auto area = workspace.crs().areaOfUse()) {
                try {
                    const gis::CoordinateTransform toWorkspace(gis::Crs::fromEpsg(4326),
                                                               workspace.crs());
                    home = toWorkspace.transformBounds(
                        {(*area)[0], (*area)[1], (*area)[2], (*area)[3]});
                    homeSaid = Sentence(QT_TRANSLATE_NOOP("pa::layers", "the area %1 is meant for"),
                                        {workspace.crs().label()});
                } catch (const gis::GisError&) {
                    home.reset();
                }
            }
    }

    std::string sourceFileName() const
    {
        return options.sourceFileName.empty() ? fs::path(file).filename().string()
                                              : options.sourceFileName;
    }

    /// Writing: the layer, its features and its registration, in one transaction.
    void write()
    {
        std::vector<gis::FieldDef> fields;
        for (const auto& t : targets)
            fields.push_back({t.attribute, t.type, t.attribute == "code", t.attribute == "code"});
        for (const auto& extra : extras)
            fields.push_back({extra.name, extra.type});

        {
            const std::string prefix = std::string(kind->codePrefix) + "-";
            for (const auto& code : workspaceCodes)
                if (code.rfind(prefix, 0) == 0)
                    try {
                        nextCode = std::max<std::int64_t>(
                            nextCode, std::stoll(code.substr(prefix.size())) + 1);
                    } catch (const std::exception&) {
                    }
        }

        const bool admin = isAdmin(*kind);
        const std::string mappingTable = linkTableName(layerName);

        // GeoPackage identifiers (the titles GIS clients show) must be unique.
        std::string identifier =
            options.titleVi.empty() ? std::string(kind->titleVi) : options.titleVi;
        {
            const auto clash = workspace.dataset().execute(
                "SELECT COUNT(*) FROM gpkg_contents WHERE identifier = " + sqlLiteral(identifier));
            if (!clash.rows.empty() && gis::toString(clash.rows[0][0]) != "0")
                identifier += " (" + layerName + ")";
        }

        try {
            workspace.transaction([&] {
                workspace.logEdit({"import", {}, layerName, {}, sourceFileName()});
                auto& dataset = workspace.dataset();
                const gis::Crs& crs = workspace.crs();
                const bool postgres = workspace.isShared();
                const std::string description =
                    std::string(kind->titleEn) + " (" + std::string(kind->id) + ")";
                // A schema's layer as 'planatlas copy' makes it: names and widths as given, a
                // GiST index; its title and description go to the schema's catalogue below.
                std::vector<std::string> creation = {"FID=fid", "GEOMETRY_NAME=geom"};
                if (postgres)
                    creation.insert(creation.end(), {"LAUNDER=NO", "PRECISION=NO",
                                                     "SPATIAL_INDEX=GIST", "OVERWRITE=NO"});
                else
                    creation.insert(creation.end(),
                                    {"SPATIAL_INDEX=YES", "IDENTIFIER=" + identifier,
                                     "DESCRIPTION=" + description});
                auto layer = dataset.createLayer(
                    layerName, family == GeometryFamily::None ? nullptr : &crs,
                    family == GeometryFamily::None ? kind->families.front() : family, true, fields,
                    creation);
                report.geometryType = layer.geometryTypeName();

                std::int64_t number = 0;
                sourceLayer->resetReading();
                auto nextFeature = [&]() {
                    try {
                        return sourceLayer->next();
                    } catch (const gis::GisError& e) {
                        throw inputError(
                            layerLabel,
                            {QT_TRANSLATE_NOOP("pa::layers", "read error at feature %1: %2"),
                             {std::to_string(number + 1), std::string(e.what())}});
                    }
                };
                while (auto in = nextFeature()) {
                    ++number;
                    if (number % 500 == 0)
                        progress.update(
                            total ? static_cast<double>(number) / static_cast<double>(total) : 1.0,
                            "importing");
                    const std::string featureLabel =
                        layerLabel + ", feature " + std::to_string(number);
                    auto out = layer.newFeature();
                    if (auto geometry = repair(rowGeometry(*in, number), number, featureLabel);
                        !geometry.isEmpty())
                        out.setGeometry(std::move(geometry));
                    const RowKeys keys = attributes(*in, out, featureLabel);

                    try {
                        layer.insert(out);
                    } catch (const gis::GisError& e) {
                        throw Error(ErrorKind::Workspace,
                                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written into "
                                                                     "the workspace (%2)"),
                                     {featureLabel, std::string(e.what())}});
                    }
                    if (admin)
                        dataset.run(
                            "INSERT INTO admin_units (layer_name, unit_code, level, name_vi, "
                            "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)",
                            {layerName, keys.code, std::string(adminLevel(*kind)), keys.nameVi,
                             gis::textOrNull(keys.validFrom), gis::textOrNull(keys.validTo)});
                    ++report.features;
                }

                if (!farAway.empty() && static_cast<std::int64_t>(farAway.size()) == withGeometry &&
                    !options.join)
                    throw remediedBy(
                        inputError(
                            layerLabel,
                            {QT_TRANSLATE_NOOP("pa::layers",
                                               "all %1 feature(s) lie more than 100 km outside %2 "
                                               "(up to %3 km away) "
                                               "once read as %4: the source CRS is probably wrong"),
                             {Sentence::count(withGeometry), homeSaid,
                              Sentence::number(farthestKm, 0), report.sourceCrs}},
                            "give the right one with --src-crs"),
                        "src_crs");
                if (!farAway.empty()) {
                    std::string numbers;
                    for (std::size_t i = 0; i < farAway.size() && i < 5; ++i)
                        numbers += (i ? ", " : "") + farAway[i];
                    const Sentence which =
                        farAway.size() > 5
                            ? Sentence(QT_TRANSLATE_NOOP("pa::layers", "%1 and %2 more"),
                                       {numbers, Sentence::count(farAway.size() - 5)})
                            : Sentence(numbers);
                    std::vector<Sentence> values{Sentence::count(farAway.size()), homeSaid,
                                                 Sentence::number(farthestKm, 0), which};
                    report.warnings.push_back(
                        {farAway.size() == 1
                             ? Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                          "%1 feature lies more than 100 km "
                                                          "outside %2 (%3 km away): feature %4"),
                                        std::move(values))
                             : Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                          "%1 features lie more than 100 km "
                                                          "outside %2 (up to %3 km away): "
                                                          "features %4"),
                                        std::move(values)),
                         "check them, or give the right CRS with --src-crs"});
                }
                if (postgres)
                    schema::enterInSchemaCatalogue(dataset, layerName, "features", identifier,
                                                   description, {});
                schema::createLinkTable(dataset, layerName, mappingTable);
                if (postgres) // the roles with rights on the workspace, on the new tables too
                    shareNewTables(dataset, {layerName, mappingTable});
                const std::string encodingName =
                    options.encoding ? std::string(text::encodingName(*options.encoding))
                                     : std::string("utf-8");
                dataset.run(
                    "INSERT INTO pa_layers (layer_name, kind, title_vi, title_en, geometry_type, "
                    "source, licence, attribution, geometry_quality, source_file, source_crs, "
                    "source_encoding, transformation, imported_at, link_table) VALUES (?, ?, ?, ?, "
                    "?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, " +
                        workspace.nowSql() + ", ?)",
                    {layerName, std::string(kind->id),
                     std::string(options.titleVi.empty() ? kind->titleVi : options.titleVi),
                     std::string(options.titleEn.empty() ? kind->titleEn : options.titleEn),
                     report.geometryType,
                     options.source.empty() ? sourceFileName() : options.source,
                     gis::textOrNull(options.licence), gis::textOrNull(options.attribution),
                     quality, sourceFileName(), report.sourceCrs, encodingName,
                     report.transformation, mappingTable});
                progress.update(1.0, "committing");
            });
        } catch (const gis::GisError& e) {
            throw Error(ErrorKind::Workspace,
                        {QT_TRANSLATE_NOOP("pa::layers", "cannot write layer '%1' to '%2': %3"),
                         {layerName, workspace.path(), std::string(e.what())}});
        }
    }

    /// One sentence per kind of repair or problem that happened, with its count.
    void summarise()
    {
        report.textConverted = textStats.converted;
        report.renormalised = textStats.renormalised;
        report.lookalikesFixed = textStats.lookalikes;
        report.unmappedCharacters = textStats.unmapped;
        report.latin1Suspects = textStats.latin1;
        report.doubleEncoded = textStats.doubleEncoded;
        report.controlCharacters = textStats.controls;

        // One sentence per kind of repair or problem that happened, with its count.
        // The encoding as people name it (the registry keeps encodingName's "tcvn3").
        std::string encoding;
        if (options.encoding)
            switch (*options.encoding) {
            case text::Encoding::Utf8:
                encoding = "UTF-8";
                break;
            case text::Encoding::Tcvn3:
                encoding = "TCVN3";
                break;
            case text::Encoding::Vni:
                encoding = "VNI";
                break;
            case text::Encoding::Cp1258:
                encoding = "Windows-1258";
                break;
            }
        auto& w = report.warnings;
        // "1 … was", "2 … were": each form a template of its own (a literal), %1 the count
        // and %2 … the values given.
        auto counted = [&w](std::int64_t n, const auto& one, const auto& many,
                            std::vector<Sentence> values = {}, std::string remedy = {}) {
            if (!n)
                return;
            values.insert(values.begin(), Sentence::count(n));
            w.push_back(
                {n == 1 ? Sentence(one, values) : Sentence(many, values), std::move(remedy)});
        };
        counted(
            report.repaired,
            QT_TRANSLATE_NOOP("pa::layers", "%1 invalid geometry was repaired with GEOS MakeValid"),
            QT_TRANSLATE_NOOP("pa::layers",
                              "%1 invalid geometries were repaired with GEOS MakeValid"));
        counted(report.repairedByStructure,
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 repair used GEOS's structure method (rings merged as "
                                  "areas): the rings crossed at more than %2 points"),
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 repairs used GEOS's structure method (rings merged as "
                                  "areas): the rings crossed at more than %2 points"),
                {Sentence::count(gis::kMaxLineworkCrossings)});
        counted(report.droppedParts,
                QT_TRANSLATE_NOOP("pa::layers", "%1 geometry lost collapsed parts (lines or "
                                                "points) during repair"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 geometries lost collapsed parts (lines or "
                                                "points) during repair"));
        counted(report.collapsed,
                QT_TRANSLATE_NOOP("pa::layers", "%1 geometry collapsed to nothing during repair "
                                                "and was imported without geometry"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 geometries collapsed to nothing during "
                                                "repair and were imported without geometry"));
        counted(report.withoutGeometry,
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 feature has no geometry and will not appear on maps"),
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 features have no geometry and will not appear on maps"));
        counted(
            codeTarget->sourceIndex >= 0 ? report.codesGenerated : 0,
            QT_TRANSLATE_NOOP("pa::layers", "%1 feature had no code and received a generated one"),
            QT_TRANSLATE_NOOP("pa::layers",
                              "%1 features had no code and received a generated one"));
        counted(report.textConverted,
                QT_TRANSLATE_NOOP("pa::layers", "%1 text value was converted from %2"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 text values were converted from %2"),
                {encoding});
        counted(report.unmappedCharacters,
                QT_TRANSLATE_NOOP("pa::layers", "%1 byte has no meaning in the declared "
                                                "encoding and was kept as Latin-1"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 bytes have no meaning in the declared "
                                                "encoding and were kept as Latin-1"));
        counted(report.renormalised,
                QT_TRANSLATE_NOOP("pa::layers", "%1 text value was normalised to Unicode NFC"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 text values were normalised to Unicode NFC"));
        counted(report.lookalikesFixed,
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 text value had Ð/ð (U+00D0/U+00F0) replaced by Đ/đ"),
                QT_TRANSLATE_NOOP("pa::layers",
                                  "%1 text values had Ð/ð (U+00D0/U+00F0) replaced by Đ/đ"));
        counted(report.latin1Suspects,
                QT_TRANSLATE_NOOP("pa::layers", "%1 text value looks like TCVN3 or VNI text "
                                                "read as Latin-1; if names look wrong, import "
                                                "it again in the TCVN3 or VNI encoding"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 text values look like TCVN3 or VNI text "
                                                "read as Latin-1; if names look wrong, import "
                                                "them again in the TCVN3 or VNI encoding"),
                {}, "--encoding tcvn3 or --encoding vni");
        counted(report.doubleEncoded,
                QT_TRANSLATE_NOOP("pa::layers", "%1 text value was UTF-8 that an earlier tool "
                                                "had read as Latin-1 (\"ThÃ¡i\" for "
                                                "\"Thái\"); repaired"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 text values were UTF-8 that an earlier tool "
                                                "had read as Latin-1 (\"ThÃ¡i\" for "
                                                "\"Thái\"); repaired"));
        counted(report.controlCharacters,
                QT_TRANSLATE_NOOP("pa::layers", "%1 text value held control characters (NUL, "
                                                "…) that mean nothing in text; they were "
                                                "removed"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 text values held control characters (NUL, "
                                                "…) that mean nothing in text; they were "
                                                "removed"));
        {
            // The values, so that the planner can write them as PlanAtlas reads states.
            std::string values;
            for (const auto& [written, n] : report.statusValuesUnrecognised)
                values +=
                    (values.empty() ? "“" : ", “") + written + "” (" + std::to_string(n) + ")";
            counted(report.statusUnrecognised,
                    QT_TRANSLATE_NOOP("pa::layers", "%1 status value was not recognised and left "
                                                    "empty: %2"),
                    QT_TRANSLATE_NOOP("pa::layers", "%1 status values were not recognised and left "
                                                    "empty: %2"),
                    {values});
        }
        counted(report.numbersUnparsed,
                QT_TRANSLATE_NOOP("pa::layers", "%1 number was not readable and left empty"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 numbers were not readable and left empty"));
        counted(report.datesUnparsed,
                QT_TRANSLATE_NOOP("pa::layers", "%1 date was not readable and left empty"),
                QT_TRANSLATE_NOOP("pa::layers", "%1 dates were not readable and left empty"));
        if (!report.dbfNamesRestored.empty()) {
            std::string restored;
            for (const auto& [column, name] : report.dbfNamesRestored)
                restored += (restored.empty() ? "" : ", ") + column + " → " + name;
            counted(static_cast<std::int64_t>(report.dbfNamesRestored.size()),
                    QT_TRANSLATE_NOOP("pa::layers", "%1 column name was cut to 10 characters by "
                                                    "the DBF format and restored: %2"),
                    QT_TRANSLATE_NOOP("pa::layers", "%1 column names were cut to 10 characters "
                                                    "by the DBF format and restored: %2"),
                    {restored});
        }
        if (report.lostLetters) {
            // The damaged names first: they are what a planner sees on the map.
            std::optional<Sentence> byColumn; // "TEN 1234, GHICHU 5", the counts as numbers
            for (const auto& [column, count] : report.lostLettersByColumn) {
                Sentence one("%1 %2", {column, Sentence::count(count)});
                byColumn = byColumn ? Sentence("%1, %2", {*byColumn, one}) : one;
            }
            const Target* nameTarget = targetFor("name_vi");
            const std::string nameColumn =
                nameTarget && nameTarget->sourceIndex >= 0
                    ? sourceFields[static_cast<std::size_t>(nameTarget->sourceIndex)].name
                    : std::string();
            const auto& examples = lostExamples.contains(nameColumn) ? lostExamples[nameColumn]
                                                                     : lostExamples.begin()->second;
            report.lostLetterExamples = examples;
            std::string shown;
            for (const auto& e : examples)
                shown += (shown.empty() ? "" : ", ") + e;
            counted(report.lostLetters,
                    QT_TRANSLATE_NOOP("pa::layers",
                                      "%1 text value has lost letters in an earlier conversion "
                                      "('?' where a Vietnamese letter was; %2), e.g. %3; they "
                                      "cannot be repaired from this file: ask for a UTF-8 "
                                      "export (GeoPackage, or a Shapefile with a .cpg saying "
                                      "UTF-8)"),
                    QT_TRANSLATE_NOOP("pa::layers",
                                      "%1 text values have lost letters in an earlier "
                                      "conversion ('?' where a Vietnamese letter was; %2), "
                                      "e.g. %3; they cannot be repaired from this file: ask "
                                      "for a UTF-8 export (GeoPackage, or a Shapefile with a "
                                      ".cpg saying UTF-8)"),
                    {byColumn.value_or(Sentence(std::string())), shown});
        }
        for (const auto& [attribute, count] : report.missingValues)
            counted(count,
                    QT_TRANSLATE_NOOP("pa::layers", "%1 feature has no value for required '%2'"),
                    QT_TRANSLATE_NOOP("pa::layers", "%1 features have no value for required '%2'"),
                    {attribute});
        if (options.licence.empty())
            w.push_back({{QT_TRANSLATE_NOOP("pa::layers", "no licence recorded for this layer, "
                                                          "so maps cannot credit it")},
                         "pass --licence"});
    }

    // ---- per feature ----------------------------------------------------------------------

    /// The geometry of a row: its own, or with --join the matching workspace feature's.
    gis::Geometry rowGeometry(gis::Feature& feature, std::int64_t number)
    {
        if (!options.join)
            return feature.takeGeometry();
        const std::string value = gis::toString(feature.value(joinColumn));
        const auto it = joinIndex.find(plan::placeKey(value));
        if (it == joinIndex.end()) {
            unmatchedRows.push_back({QT_TRANSLATE_NOOP("pa::layers", "row %1 (%2 = '%3')"),
                                     {std::to_string(number), options.join->column, value}});
            return gis::Geometry();
        }
        ++report.joined;
        return it->second.clone();
    }

    /// Repairing: 2D, reprojected, made valid, multi; empty when it has none or collapsed.
    gis::Geometry repair(gis::Geometry geometry, std::int64_t number,
                         const std::string& featureLabel)
    {
        if (geometry.isEmpty()) {
            ++report.withoutGeometry;
        } else {
            geometry.dropZM();
            if (transform) {
                try {
                    geometry.transform(*transform);
                } catch (const gis::GisError& e) {
                    throw remediedBy(
                        inputError(featureLabel,
                                   withDetail(QT_TRANSLATE_NOOP("pa::layers",
                                                                "its coordinates cannot be "
                                                                "brought into the workspace's "
                                                                "CRS; is the file's CRS the "
                                                                "right one?"),
                                              e.detail()),
                                   "give the right one with --src-crs"),
                        "src_crs");
                }
            }
            gis::RepairOutcome outcome;
            try {
                outcome = geometry.makeValid(
                    family == GeometryFamily::Collection ? GeometryFamily::None : family,
                    static_cast<std::size_t>(limitValue(Limit::RepairCrossings)));
            } catch (const gis::GisError& e) {
                throw inputError(
                    featureLabel,
                    {QT_TRANSLATE_NOOP("pa::layers", "geometry cannot be repaired: %1"),
                     {std::string(e.what())}});
            }
            if (outcome.wasInvalid)
                ++report.repaired;
            if (outcome.byStructure)
                ++report.repairedByStructure;
            if (outcome.droppedLowerDimension)
                ++report.droppedParts;
            if (outcome.becameEmpty) {
                ++report.collapsed;
                ++report.withoutGeometry;
            } else {
                if (family != GeometryFamily::Collection)
                    geometry.promoteToMulti();
                ++withGeometry;
                if (const auto e = geometry.envelope();
                    home && e && kind->id != "basemap") { // a basemap covers the country
                    const double dx = std::max({0.0, home->minX - e->maxX, e->minX - home->maxX});
                    const double dy = std::max({0.0, home->minY - e->maxY, e->minY - home->maxY});
                    if (const double d = std::hypot(dx, dy); d > kHomeMarginM) {
                        farAway.push_back(std::to_string(number));
                        farthestKm = std::max(farthestKm, d / 1000.0);
                    }
                }
            }
        }
        return geometry;
    }

    struct RowKeys
    {
        std::string code, nameVi, validFrom, validTo;
    };

    /// The kind's attributes and the kept columns of a row into @p out: text decoded, numbers
    /// and dates read, codes generated, statuses made canonical.
    RowKeys attributes(gis::Feature& in, gis::Feature& out, const std::string& featureLabel)
    {
        RowKeys keys{{}, {}, validFromOption, validToOption};
        std::string &code = keys.code, &nameVi = keys.nameVi, &validFrom = keys.validFrom,
                    &validTo = keys.validTo;
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const Target& t = targets[i];
            FieldValue value;
            if (t.sourceIndex >= 0)
                value = in.value(t.sourceIndex);
            if (auto* s = std::get_if<std::string>(&value)) {
                *s = trim(decodeColumn(*s, t.sourceIndex, featureLabel));
                if (s->empty())
                    value = std::monostate{};
            }
            readNumber(value, t.type, decimalComma[i]);
            if (t.type == FieldType::Date && !std::holds_alternative<std::monostate>(value)) {
                if (auto date = text::parseDate(gis::toString(value))) {
                    value = *date;
                } else {
                    ++report.datesUnparsed;
                    value = std::monostate{};
                }
            }
            if (t.attribute == "code") {
                code = gis::toString(value);
                if (!code.empty())
                    code = options.codePrefix + code;
                if (code.empty()) {
                    code = generateCode();
                    ++report.codesGenerated;
                }
                value = code;
            } else if (t.attribute == "status" && !std::holds_alternative<std::monostate>(value)) {
                const auto canonical = canonicalStatus(gis::toString(value));
                if (canonical.empty()) {
                    ++report.statusUnrecognised;
                    ++report.statusValuesUnrecognised[gis::toString(value)];
                    value = std::monostate{};
                } else {
                    value = std::string(canonical);
                }
            } else if (t.attribute == "geometry_quality" && !tracedSource.empty()) {
                value = quality;
            } else if (t.attribute == "source" && !tracedSource.empty()) {
                value = tracedSource;
            } else if (t.attribute == "geometry_quality") {
                const auto given = gis::toString(value);
                const auto values = geometryQualityValues();
                value = std::find(values.begin(), values.end(), given) != values.end() ? given
                                                                                       : quality;
            } else if (t.attribute == "source" && std::holds_alternative<std::monostate>(value)) {
                value = options.source.empty() ? sourceFileName() : options.source;
            } else if (t.attribute == "valid_from" &&
                       !std::holds_alternative<std::monostate>(value)) {
                validFrom = gis::toString(value);
            } else if (t.attribute == "valid_to" &&
                       !std::holds_alternative<std::monostate>(value)) {
                validTo = gis::toString(value);
            }
            if (t.attribute == "valid_from" && std::holds_alternative<std::monostate>(value) &&
                !validFrom.empty())
                value = validFrom;
            if (t.attribute == "valid_to" && std::holds_alternative<std::monostate>(value) &&
                !validTo.empty())
                value = validTo;
            if (t.attribute == "name_vi")
                nameVi = gis::toString(value);
            if (t.required && std::holds_alternative<std::monostate>(value))
                ++report.missingValues[t.attribute];
            out.setValue(static_cast<int>(i), value);
        }
        for (std::size_t k = 0; k < extras.size(); ++k) {
            FieldValue value = in.value(extras[k].sourceIndex);
            if (auto* s = std::get_if<std::string>(&value))
                *s = decodeColumn(*s, extras[k].sourceIndex, featureLabel);
            readNumber(value, extras[k].type, false);
            out.setValue(static_cast<int>(targets.size() + k), value);
        }
        return keys;
    }

    Target* targetFor(const std::string& attribute)
    {
        for (auto& t : targets)
            if (t.attribute == attribute)
                return &t;
        return nullptr;
    }

    std::string generateCode()
    {
        for (;;) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%s-%04lld", std::string(kind->codePrefix).c_str(),
                          static_cast<long long>(nextCode++));
            std::string code = buffer;
            if (!workspaceCodes.contains(code) && !sourceCodes.contains(code))
                return code;
        }
    }

    /// Text in a numeric column as a number (Vietnamese "134,9" or "1.211.000" too); empty
    /// text or no number at all leaves the value empty, the latter counted.
    void readNumber(FieldValue& value, FieldType type, bool preferThousands)
    {
        const auto* s = std::get_if<std::string>(&value);
        if (!s || (type != FieldType::Real && type != FieldType::Integer))
            return;
        const std::string written = trim(*s);
        const auto number =
            written.empty() ? std::nullopt : text::parseNumber(written, preferThousands);
        if (!number && !written.empty())
            ++report.numbersUnparsed;
        value = !number                   ? FieldValue(std::monostate{})
                : type == FieldType::Real ? FieldValue(*number)
                                          : FieldValue(static_cast<std::int64_t>(*number));
    }

    std::string decodeColumn(const std::string& raw, int sourceIndex,
                             const std::string& featureLabel)
    {
        try {
            std::string value = convertText(raw, options.encoding, textStats);
            if (text::hasLostLetters(value)) {
                const std::string& column =
                    sourceFields[static_cast<std::size_t>(sourceIndex)].name;
                ++report.lostLetters;
                ++report.lostLettersByColumn[column];
                if (auto& examples = lostExamples[column]; examples.size() < 5)
                    examples.push_back("'" + text::clipUtf8(value, 60) + "' (" +
                                       featureLabel.substr(layerLabel.size() + 2) + ")");
            }
            return value;
        } catch (const std::runtime_error&) {
            throw remediedBy(
                inputError(featureLabel,
                           {QT_TRANSLATE_NOOP(
                                "pa::layers",
                                "column '%1' is not valid UTF-8; the file seems to use a legacy "
                                "encoding (TCVN3, VNI or Windows-1258)"),
                            {sourceFields[static_cast<std::size_t>(sourceIndex)].name}},
                           "pass --encoding tcvn3, --encoding vni or --encoding cp1258"),
                "encoding");
        }
    }

    static constexpr double kHomeMarginM = 100000.0;

    Workspace& workspace;
    const ImportOptions& options;
    const Progress& progress;
    const std::string& file;
    ImportReport report;
    // options
    const LayerKind* kind = nullptr;
    std::string quality, validFromOption, validToOption;
    std::string tracedSource; ///< the sheet's description, with --traced-from
    std::optional<gis::Crs> overrideCrs;
    // source
    SourceOpen how;
    std::optional<gis::Dataset> source;
    std::optional<gis::Layer> sourceLayer;
    std::string layerLabel;
    std::optional<gis::Crs> sourceCrs;
    std::optional<Notice> crsNote;
    std::map<std::string, gis::Geometry> joinIndex;
    int joinColumn = -1;
    std::string joinLabel;
    std::vector<Sentence> unmatchedRows;
    std::string layerName;
    // mapping
    std::vector<gis::FieldDef> sourceFields;
    std::vector<Target> targets;
    std::vector<ExtraField> extras;
    const Target* codeTarget = nullptr;
    // survey
    std::int64_t total = 0;
    std::map<GeometryFamily, std::int64_t> families;
    std::unordered_set<std::string> workspaceCodes;
    std::map<std::string, std::int64_t> sourceCodes; ///< code → first feature number
    std::vector<bool> decimalComma;                  ///< per numeric target column
    GeometryFamily family = GeometryFamily::None;
    std::optional<gis::CoordinateTransform> transform;
    std::optional<gis::Envelope> home;
    Sentence homeSaid{std::string()}; ///< where the features belong ("the province")
    // writing
    std::vector<std::string> farAway; ///< numbers of features far from home
    std::int64_t withGeometry = 0;
    double farthestKm = 0;
    std::int64_t nextCode = 1;
    TextStats textStats;
    std::map<std::string, std::vector<std::string>> lostExamples; ///< column → first values
};

} // namespace

void checkMayAddLayers(Workspace& workspace)
{
    checkMayAddLayers(workspace, Sentence(QT_TRANSLATE_NOOP("pa::layers", "a layer")));
}

void checkMayAddLayers(Workspace& workspace, const Sentence& what)
{
    // An editor of a schema changes rows; a layer is a new table, which only the schema's
    // owner (or a role given CREATE on it) may make.
    if (!workspace.mayAddTables())
        throw Error(ErrorKind::Workspace,
                    {QT_TRANSLATE_NOOP(
                         "pa::layers",
                         "role %1 may change the rows of '%2' but not add tables to it, and %3 is "
                         "a table of its own; nothing was changed (the schema's owner adds it, or "
                         "gives this role the right to create tables in the schema)"),
                     {workspace.editor(), workspace.path(), what}});
}

Sentence unknownCrs(const std::string& given, const std::string& libraryWords)
{
    const std::string shown = given.size() > 80 ? text::clipUtf8(given, 80) + "…" : given;
    return withDetail(
        {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not a coordinate reference system PlanAtlas "
                                         "knows; write an EPSG code such as EPSG:9213"),
         {shown}},
        libraryWords);
}

ImportReport importLayer(Workspace& workspace, const ImportOptions& options,
                         const Progress& progress)
{
    return Import(workspace, options, progress).run();
}

} // namespace pa::layers
