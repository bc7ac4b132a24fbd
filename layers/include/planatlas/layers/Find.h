#pragma once
// Finding anything by name from one search box: programme features and administrative units
// (by code or name), plan tasks (by id or words of their text) and agencies (by name,
// abbreviation or former name), without case or diacritics, as a person types on a keyboard
// without Vietnamese input ("diem thuy" finds "KCN Điềm Thụy").

#include "planatlas/layers/Workspace.h"

#include <cstddef>
#include <string>
#include <vector>

namespace pa::layers {

struct Findable
{
    enum class What
    {
        Feature, ///< key: its code
        Unit,    ///< an administrative unit; key: its code
        Task,    ///< key: the task id
        Agency,  ///< key: the agency's Vietnamese name
    };
    What what = What::Feature;
    std::string key;
    std::string title;  ///< what the list shows: a name, a task's text
    std::string detail; ///< where it belongs: the layer's title, the document
    std::string layer;  ///< features and units
    std::string folded; ///< every searchable word of it, folded
};

/// Everything the workspace holds that a person may look for by name.
std::vector<Findable> findables(Workspace& workspace);

/// The entries that hold every word of @p query (folded), best first: a title that is it, starts
/// with it, holds it, then a match elsewhere (code, aliases, text), places before agencies
/// before tasks at each; at most @p limit. Empty for a query without letters or digits.
std::vector<const Findable*> find(const std::vector<Findable>& entries, const std::string& query,
                                  std::size_t limit = 50);

} // namespace pa::layers
