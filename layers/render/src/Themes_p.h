#pragma once
// Map themes as descriptions: what a theme needs from the analyses (prepared once, outside the
// painter), which layers it draws, how it styles their features, what it adds to the legend
// and over the map. The map's composition (Map.cpp) asks the theme of the options and knows no
// theme by name. A new theme is one description in Themes.cpp and its name in the enum.

#include "Paint_p.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Map.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QPainter;

namespace pa::render {

/// What a theme decided for one drawing (its subtitle, the features it emphasises).
struct ThemeRun
{
    std::string subtitle;               ///< the default subtitle (the options may give another)
    bool emphasis = false;              ///< some features in colour, the rest muted
    std::set<std::string> emphasised;   ///< codes of the features in colour
    std::map<std::string, int> dueYear; ///< by deadline: feature code → year due
    std::set<int> dueYears;
    /// What the theme has to say of its data (a kind the workspace has none of): in English for
    /// the messages, and as the map prints it.
    std::vector<std::pair<std::string, QString>> notes;
};

/// What a theme's hooks see while the map is drawn.
struct ThemeContext
{
    const MapOptions& options;
    const ThemeData& data;
    const ThemeRun& run;
    const Units& u;
    const std::string& lang;
};

class ThemeDescription
{
public:
    virtual ~ThemeDescription() = default;

    [[nodiscard]] virtual Theme id() const = 0;
    /// The name `--theme` takes ("programme", "coverage", …).
    [[nodiscard]] virtual const char* name() const = 0;
    /// What the theme shows, one line (English; the CLI's help), naming its parameters.
    [[nodiscard]] virtual const char* help() const = 0;

    /// Runs the analyses the theme needs into @p data (nothing by default).
    virtual void prepare(layers::Workspace& /*ws*/, const MapOptions& /*options*/,
                         ThemeData& /*data*/, const layers::Progress& /*progress*/) const
    {
    }
    /// Whether @p data, prepared for this theme, answers @p options' parameters.
    [[nodiscard]] virtual bool fits(const ThemeData& /*data*/, const MapOptions& /*options*/) const
    {
        return true;
    }
    /// The subtitle and the emphasis of this drawing. Throws layers::Error(Usage).
    [[nodiscard]] virtual ThemeRun begin(layers::Workspace& ws, const MapOptions& options,
                                         const ThemeData& data) const = 0;
    /// Whether the theme draws @p layer, beyond the context every map draws (basemap, the
    /// province, its districts) and when no layers are named.
    [[nodiscard]] virtual bool shows(const layers::RegisteredLayer& layer,
                                     const MapOptions& options) const;
    /// Features of @p kind drawn in colour whatever the emphasis (the corridor's expressways).
    [[nodiscard]] virtual bool alwaysEmphasised(const std::string& /*kind*/) const { return false; }
    /// A feature's value from the analyses (the coverage share of a unit), or nullopt.
    [[nodiscard]] virtual std::optional<double> value(const Drawn& /*layer*/, const Item& /*item*/,
                                                      const ThemeContext& /*c*/) const
    {
        return std::nullopt;
    }
    /// The layer's place in the drawing order when the theme moves it (the choropleth's units
    /// become the ground the features stand on).
    [[nodiscard]] virtual std::optional<int> z(const Drawn& /*layer*/,
                                               const ThemeContext& /*c*/) const
    {
        return std::nullopt;
    }
    /// Restyles a feature after its kind's symbol.
    virtual void restyle(Symbol& /*s*/, const Drawn& /*layer*/, const Item& /*item*/,
                         const ThemeContext& /*c*/) const
    {
    }
    /// Paints over the features, under the labels (the corridor's band).
    virtual void overlay(QPainter& /*p*/, const View& /*view*/, const ThemeContext& /*c*/) const {}
    /// Legend entries following those of @p layer (the choropleth's classes after its units).
    virtual void legendAfterLayer(std::vector<LegendEntry>& /*legend*/, const Drawn& /*layer*/,
                                  const ThemeContext& /*c*/) const
    {
    }
    /// Legend entries after those of the layers (deadline colours, "other features").
    virtual void legendAfterLayers(std::vector<LegendEntry>& legend, const ThemeContext& c) const;
    /// Legend entries at the end, for what overlay() painted.
    virtual void legendOfOverlay(std::vector<LegendEntry>& /*legend*/,
                                 const ThemeContext& /*c*/) const
    {
    }
};

/// Context every map draws: the basemap, the province of the period and the district layers
/// (drawMap keeps the units valid in the period); other provinces, communes and grids never;
/// nullopt: the theme decides.
std::optional<bool> contextShown(const layers::RegisteredLayer& l,
                                 const std::string& provinceLayer);

/// What the programme map draws of the other layers: programme kinds and infrastructure, not
/// price zones.
bool programmeShown(const layers::RegisteredLayer& l);

/// The description of @p theme.
const ThemeDescription& themeDescription(Theme theme);

/// Every theme, in the order they are offered.
const std::vector<const ThemeDescription*>& themeDescriptions();

} // namespace pa::render
