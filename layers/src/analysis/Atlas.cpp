#include "planatlas/layers/analysis/Atlas.h"

#include "Units_p.h"
#include "planatlas/gis/SpatialIndex.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <map>
#include <set>

namespace pa::analysis {

namespace {

struct Candidate
{
    std::int64_t fid = 0;
    std::string code, name;
    gis::Geometry geometry;
    gis::Envelope envelope;
};

/// Every feature of @p layer with a shape, with its code and name in @p lang.
std::vector<Candidate> readCandidates(layers::Workspace& ws, const std::string& layer,
                                      const std::string& lang, InputNotes& notes)
{
    std::vector<Candidate> out;
    detail::InputLayer input(ws, layer, &notes);
    if (!input.exists())
        return out;
    const int code = input.table().fieldIndex("code"), nameVi = input.table().fieldIndex("name_vi"),
              nameEn = input.table().fieldIndex("name_en");
    input.resetReading();
    while (auto row = input.next()) {
        if (row->geometry.isEmpty())
            continue;
        const auto& f = row->feature;
        auto text = [&](int i) { return i < 0 ? std::string() : gis::toString(f.value(i)); };
        Candidate c;
        c.fid = f.fid();
        c.code = code >= 0 && !text(code).empty() ? text(code) : std::to_string(f.fid());
        c.name = lang == "en" && !text(nameEn).empty() ? text(nameEn) : text(nameVi);
        if (c.name.empty())
            c.name = c.code;
        c.envelope = *row->geometry.envelope();
        c.geometry = std::move(row->geometry);
        out.push_back(std::move(c));
    }
    return out;
}

struct ProgrammeLayer
{
    std::string layer, kind;
    std::vector<Candidate> features;
    std::unique_ptr<gis::SpatialIndex> index;
};

/// Task ids in the order a reader counts them: "III.1.a#2" before "III.1.a#10".
bool idBefore(const std::string& a, const std::string& b)
{
    std::size_t i = 0, j = 0;
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && digit(a[ei]))
                ++ei;
            while (ej < b.size() && digit(b[ej]))
                ++ej;
            const auto na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            const auto ta = na.substr(std::min(na.find_first_not_of('0'), na.size())),
                       tb = nb.substr(std::min(nb.find_first_not_of('0'), nb.size()));
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (ta != tb)
                return ta < tb;
            i = ei, j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i, ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

Atlas atlasPages(layers::Workspace& ws, const std::string& layerName,
                 const std::vector<std::string>& codes, const std::string& lang,
                 const layers::Progress& progress)
{
    const auto registered = ws.findLayer(layerName);
    if (!registered)
        throw layers::ParameterError(
            "atlas",
            {QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'"), {layerName}});
    Atlas atlas;
    atlas.layer = layerName;
    atlas.kind = registered->kind;
    const auto* kind = layers::findKind(registered->kind);
    auto candidates = readCandidates(ws, layerName, lang, atlas.notes);
    if (candidates.empty())
        throw layers::ParameterError(
            "atlas", {QT_TRANSLATE_NOOP("pa::layers",
                                        "layer '%1' has no feature with a shape to make a page of"),
                      {layerName}});
    atlas.units = !(kind && kind->programme) &&
                  candidates.front().geometry.family() == gis::GeometryFamily::Polygon;

    // The pages asked for, in the order asked; else all, by name as a reader looks them up.
    std::vector<Candidate> chosen;
    if (!codes.empty()) {
        std::vector<std::string> missing;
        for (const auto& code : codes) {
            const auto it = std::find_if(candidates.begin(), candidates.end(),
                                         [&](const Candidate& c) { return c.code == code; });
            if (it == candidates.end())
                missing.push_back(code);
            else
                chosen.push_back(std::move(*it));
        }
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing)
                list += (list.empty() ? "'" : ", '") + m + "'";
            throw layers::ParameterError(
                "atlas",
                {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no feature with the code %2"),
                 {layerName, list}});
        }
    } else {
        chosen = std::move(candidates);
        std::stable_sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
            const auto fa = text::foldForMatch(a.name), fb = text::foldForMatch(b.name);
            return fa != fb ? fa < fb : a.code < b.code;
        });
    }

    // Unit pages reach the tasks through the programme features inside the unit.
    std::vector<ProgrammeLayer> programme;
    if (atlas.units)
        for (const auto& l : ws.layers()) {
            const auto* k = layers::findKind(l.kind);
            if (!k || !k->programme || l.name == layerName)
                continue;
            ProgrammeLayer p{l.name, l.kind, readCandidates(ws, l.name, lang, atlas.notes),
                             std::make_unique<gis::SpatialIndex>()};
            for (std::size_t i = 0; i < p.features.size(); ++i)
                p.index->insert(p.features[i].envelope, static_cast<std::int64_t>(i));
            programme.push_back(std::move(p));
        }

    std::map<std::pair<std::string, std::int64_t>, std::vector<layers::TaskSummary>> tasksCache;
    auto tasksOf = [&](const std::string& layer,
                       std::int64_t fid) -> const std::vector<layers::TaskSummary>& {
        const auto key = std::pair{layer, fid};
        auto it = tasksCache.find(key);
        if (it == tasksCache.end())
            it = tasksCache.emplace(key, layers::tasksOfFeature(ws, layer, fid)).first;
        return it->second;
    };

    for (std::size_t n = 0; n < chosen.size(); ++n) {
        progress.update(static_cast<double>(n) / static_cast<double>(chosen.size()), "atlas");
        auto& c = chosen[n];
        AtlasPage page;
        page.code = c.code;
        page.name = c.name;
        page.fid = c.fid;
        page.envelope = c.envelope;
        page.shapes = c.geometry.shapes();
        std::map<std::string, AtlasTask> tasks; // by task id
        for (const auto& t : tasksOf(layerName, c.fid)) {
            auto& entry = tasks[t.taskId];
            entry.task = t;
            entry.direct = true;
        }
        for (const auto& p : programme)
            for (const auto i : p.index->query(c.envelope)) {
                const Candidate& f = p.features[static_cast<std::size_t>(i)];
                if (!c.geometry.intersects(f.geometry) ||
                    !detail::reaches(c.geometry.intersection(f.geometry), f.geometry.family()))
                    continue;
                ++page.featuresByKind[p.kind];
                for (const auto& t : tasksOf(p.layer, f.fid)) {
                    auto& entry = tasks[t.taskId];
                    entry.task = t;
                    if (std::find(entry.via.begin(), entry.via.end(), f.name) == entry.via.end())
                        entry.via.push_back(f.name);
                }
            }
        for (auto& [id, task] : tasks)
            page.tasks.push_back(std::move(task));
        std::stable_sort(page.tasks.begin(), page.tasks.end(),
                         [](const AtlasTask& a, const AtlasTask& b) {
                             return idBefore(a.task.taskId, b.task.taskId);
                         });
        atlas.pages.push_back(std::move(page));
    }
    progress.update(1.0, "atlas");
    return atlas;
}

} // namespace pa::analysis
