#pragma once
// Feature ↔ task links: suggestions from the places the tasks name (matched against the
// workspace's own features and administrative units), accepted or edited by a person, and
// stored in the layers' Related Tables mapping tables.

#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace pa::plan {

struct LinkSuggestion
{
    std::int64_t id = 0;
    std::string taskId;
    std::string layer;
    std::string featureCode;
    std::string featureName;
    std::string mention;   ///< the words of the task that name the place or the kind
    double confidence = 0; ///< 0..1
    std::string status;    ///< "pending", "accepted", "rejected"
    /// Why: "place" (the task names the feature), "place-successor" (the unit a unit the task
    /// names was merged into or renamed as, from the crosswalk), "theme" (it names the feature's
    /// kind in general: "các khu, cụm công nghiệp"), "theme-value" (the kind narrowed by a value,
    /// "vùng chè"), "theme-area" (the kind inside a region, district or commune the task names).
    std::string rule;
    /// The evidence in words, the same for every feature of one group: "“các khu, cụm công
    /// nghiệp” → 11 khu công nghiệp". Empty for suggestions stored before schema 4.
    std::string evidence;
};

/// Suggestions of one task made by one rule from one mention, reviewed together.
struct SuggestionGroup
{
    std::string taskId;
    std::string rule;
    std::string evidence;
    std::vector<LinkSuggestion> members;
};

/// @p suggestions gathered into groups (task, rule, evidence), in the order of their best
/// member.
std::vector<SuggestionGroup> groupSuggestions(const std::vector<LinkSuggestion>& suggestions);

struct Link
{
    std::string taskId;
    std::string layer;
    std::string featureCode;
    std::string featureName;
    std::string source; ///< "manual", "gazetteer", "imported"
    std::optional<double> confidence;
};

/// Re-reads every task (of @p docId, or all) and stores as pending suggestions (replacing
/// earlier pending ones; accepted and rejected ones are kept): the workspace features whose
/// names the task mentions, and — where the task names a kind in general ("các khu công
/// nghiệp", "vùng chè") — every feature of that kind, narrowed by value, status ("khu công
/// nghiệp mới") or the region, district or commune the task names (a district or commune the
/// workspace does not know leaves the kind unsuggested in that clause: which of its features
/// are meant is not known). Returns the pending suggestions of the tasks re-read, best first.
std::vector<LinkSuggestion> suggestLinks(layers::Workspace& workspace,
                                         const std::string& docId = {});

/// The task id @p given stands for: itself, or the one task whose id reads the same with letter
/// case and diacritics aside (as typed on a keyboard without them: "96-qd:Dieu 18.1.a#1" for
/// "96-qd:Điều 18.1.a#1"). Error(Usage) when there is none (or several), naming up to five
/// ids like it.
std::string resolveTaskId(layers::Workspace& workspace, const std::string& given);

/// Stored suggestions with @p status (all when empty), best first.
std::vector<LinkSuggestion> listSuggestions(layers::Workspace& workspace,
                                            const std::string& status = {});

/// The stored suggestions @p ids, each once, whatever their status. An id not stored is an
/// error: ConflictError when a later run of suggest no longer offered it, Error(Usage) when
/// there never was one.
std::vector<LinkSuggestion> suggestionsById(layers::Workspace& workspace,
                                            const std::vector<std::int64_t>& ids);

/// Accepts the given pending suggestions (or, with @p ids empty, all pending ones with at least
/// @p minConfidence) and writes their links; one accepted already is left as it is. Returns the
/// number of links written. A rejected suggestion (reset it first), and one whose feature has
/// gone since (deleted, or its code changed), is an Error(Conflict) naming it, and nothing is
/// written.
std::int64_t acceptSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids,
                               double minConfidence);
/// Marks suggestions rejected, so that suggest does not offer them again; the link an accepted
/// one wrote is removed (the reviewer changed their mind). One rejected already is left as it
/// is. Returns the number rejected now.
std::int64_t rejectSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids);

/// Returns accepted or rejected suggestions to pending (a reviewer's decision undone): the link
/// an accepted one made is removed; one pending already is left as it is. Returns the number
/// made pending. One transaction; an unknown id is an Error(Usage).
std::int64_t resetSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids);

/// Links a feature (its code, unique in the workspace) to a task by hand, and records it in the
/// edit log; returns false when it was linked already (nothing written). Throws Error(Usage)
/// naming the unknown task or feature. With @p basis (the task's last edit as the planner saw
/// it, Workspace::lastEdit), a task edited since is an Error(Conflict) saying by whom and what,
/// and nothing is written.
bool addLink(layers::Workspace& workspace, const std::string& taskId,
             const std::string& featureCode, std::optional<std::int64_t> basis = std::nullopt);
/// Removes a link, and records it in the edit log; returns false when there was none. @p basis
/// as for addLink.
bool removeLink(layers::Workspace& workspace, const std::string& taskId,
                const std::string& featureCode, std::optional<std::int64_t> basis = std::nullopt);

/// Links, optionally only of one task or one feature, in task order.
std::vector<Link> listLinks(layers::Workspace& workspace, const std::string& taskId = {},
                            const std::string& featureCode = {});

/// What a review file did.
struct ReviewResult
{
    std::int64_t tasks = 0;     ///< rows (tasks) in the file
    std::int64_t accepted = 0;  ///< links written by accepting a pending suggestion
    std::int64_t manual = 0;    ///< links written by hand
    std::int64_t rejected = 0;  ///< pending suggestions of reviewed tasks not kept
    std::int64_t unlocated = 0; ///< tasks marked as deliberately without a place
};

/// Applies a reviewer's decisions from a CSV file with columns task_id, features (feature
/// codes separated by ';', empty for none) and reason (why a task without features has no
/// place, e.g. "không gắn với địa điểm: cải cách hành chính"); other columns are ignored.
/// For each task: listed features are linked (accepting the pending suggestion where there is
/// one, by hand otherwise), its other pending suggestions are rejected, and a task with no
/// features is recorded as deliberately unlocated with its reason. One transaction; an unknown
/// task or feature, or a task with neither features nor reason, is an Error(Input) naming
/// the file and line, and nothing is written. An optional column last_edit holds the task's
/// last edit as the reviewer saw it: a task edited since is an Error(Conflict), and nothing
/// is written. Every change is recorded in the edit log.
ReviewResult applyReview(layers::Workspace& workspace, const std::string& csvPath);

/// A task reviewed and left without a place.
struct UnlocatedTask
{
    std::string taskId;
    std::string reason;
};
/// Tasks recorded as deliberately without a place (empty for a workspace of schema 1).
std::vector<UnlocatedTask> listUnlocated(layers::Workspace& workspace);

/// Records tasks as deliberately without a place, each with @p reason or, when it is empty,
/// the reason suggested for it (suggestReason, in Vietnamese). Their pending suggestions are
/// rejected. One transaction; an unknown task is an Error(Usage) and nothing is written.
/// Returns the number of tasks recorded.
std::int64_t recordUnlocated(layers::Workspace& workspace, const std::vector<std::string>& taskIds,
                             const std::string& reason = {});
/// The same, each task with its own reason (empty: the one suggested for it), as a reviewer who
/// confirms the reasons shown records them.
std::int64_t recordUnlocated(layers::Workspace& workspace, const std::vector<UnlocatedTask>& tasks);
/// Takes back recordUnlocated: the tasks are no longer recorded as without a place (their
/// rejected suggestions stay rejected). One transaction; returns the number of tasks taken back.
std::int64_t forgetUnlocated(layers::Workspace& workspace, const std::vector<std::string>& taskIds);

} // namespace pa::plan

namespace pa::plan {

/// Why a task may have no place on the map: one of a fixed set of classes, each with its words.
struct ReasonClass
{
    std::string_view id;      ///< "policy"
    std::string_view titleVi; ///< the reason as a review records it
    std::string_view titleEn;
};
/// The classes: policy, administration, training, communication, reporting, programme and
/// no_layer (the task concerns places of a kind the workspace has no layer for).
std::span<const ReasonClass> reasonClasses();
/// The class with this id ("policy"), or nullptr.
const ReasonClass* findReasonClass(std::string_view id);

/// The reason suggested for a task that names no place of the workspace.
struct ReasonSuggestion
{
    const ReasonClass* reason = nullptr;
    std::string evidence; ///< the words of the task that decided it: "“cải cách hành chính”"
    /// The reviewed task worded most like this one that was given this reason (ReviewedReasons),
    /// empty when none was.
    std::string likeTask;
};

/// Tasks of one document that a reviewer has recorded with one of the classes' reasons, which
/// the suggestions for its other tasks learn from: a task worded like reviewed ones leans to
/// the reasons they were given, so the document's own way of sorting its tasks is taken up as
/// its review goes on. (One document's: its tasks are alike in the way it words them, and a
/// refresh compares each task with its own document's only.)
class ReviewedReasons
{
public:
    /// Adds task @p taskId, whose words are @p text, recorded with @p reason.
    void add(std::string taskId, const std::string& text, const ReasonClass& reason);
    /// The class whose reason @p recorded is (its Vietnamese or English title, letter case,
    /// diacritics and the final full stop aside); nullptr for a reason in other words, which
    /// is not learnt from.
    static const ReasonClass* classOf(const std::string& recorded);
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    friend struct ReviewedReasonsAccess;
    struct Entry
    {
        std::string taskId;
        std::size_t reason;             ///< index in reasonClasses()
        std::vector<std::string> words; ///< its words and pairs of words (sorted)
    };
    std::vector<Entry> m_entries;
};

/// The tasks of document @p docId recorded without a place whose reason is one of the
/// classes'.
ReviewedReasons reviewedReasons(layers::Workspace& workspace, const std::string& docId);

/// Reads the task's words (the opening words, its main action, count double) and suggests
/// the class of reason a reviewer would give; "programme" when no class's words occur. The
/// reasons of the reviewed tasks worded most like it (@p reviewed; the task itself left out)
/// weigh in by how alike they are. The words of a place with no layer ("rừng phòng hộ", "bảng
/// giá đất") do not count where the workspace has a layer of its kind (@p kinds: its layers'
/// kinds); a kind it has no layer of, named as tasks name kinds ("phát triển trung tâm
/// logistics"), is a place with no layer (not when @p kinds is empty: the workspace unknown). A
/// task with no words gets no reason (a null ReasonSuggestion::reason). With
/// @p suggestedNothing (the link suggester offered the task nothing), a place it names outside
/// an agency's name, other than province @p province itself ("cao tốc Dầu Giây – Liên
/// Khương", "huyện Ea H'leo"), is one the workspace has no feature of: spatial, with no layer.
ReasonSuggestion suggestReason(const std::string& taskText, const ReviewedReasons& reviewed = {},
                               const std::string& taskId = {},
                               const std::set<std::string>& kinds = {},
                               const std::string& province = {}, bool suggestedNothing = false);

/// A task still to be placed or settled, with the reason suggested for it.
struct ReasonProposal
{
    std::string taskId;
    std::string text;
    ReasonSuggestion suggestion;
};
/// The tasks (of @p docId, or all) with no link, no pending suggestion and no recorded reason,
/// in document order, each with the reason suggested for it (learning from the reasons the
/// document's reviewed tasks were given: reviewedReasons).
std::vector<ReasonProposal> proposeReasons(layers::Workspace& workspace,
                                           const std::string& docId = {});

} // namespace pa::plan
