#pragma once
// Writing a read plan into a workspace: document, tasks, agencies (with aliases, validity and
// 2025 successor), task–agency roles and targets, in one transaction.

#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Corrections.h"
#include "planatlas/layers/plan/Plan.h"

#include <cstdint>
#include <string>

namespace pa::plan {

struct StoreReport
{
    std::string docId;
    bool updated = false; ///< the document was already in the workspace (same content or id)
    std::int64_t tasksAdded = 0, tasksUpdated = 0, tasksRemoved = 0;
    std::int64_t agencies = 0, roles = 0, targets = 0;
    std::int64_t linksRemoved = 0; ///< links of tasks the new version no longer has
    CorrectionReport corrections;  ///< the planners' corrections applied again
};

/// Stores @p plan. Ingesting the same content again (same SHA-256) updates that document
/// instead of adding a second one; task ids are stable ("<doc>:<section>#<n>"), so links to
/// tasks that still exist survive. @p docId may be empty: it is then made from the document
/// number or the file name. The corrections stored for the document, and @p newCorrections
/// (recorded in the same transaction), are applied to what the reader produced before it is
/// written; the document's text is kept for reading it again. Throws layers::Error.
StoreReport storePlan(layers::Workspace& workspace, const ParsedPlan& plan, std::string docId,
                      const std::string& sourceFile,
                      const std::vector<Correction>& newCorrections = {});

/// Reads a stored document again from the text the workspace keeps, with the current reader and
/// every stored correction (and @p newCorrections), and stores it. Throws layers::Error(Usage)
/// for an unknown document or one stored without its text (before schema 3: ingest it again).
StoreReport rereadDocument(layers::Workspace& workspace, const std::string& docId,
                           const std::vector<Correction>& newCorrections = {});

/// The document's tasks as the reader produces them from its stored text, without corrections.
ParsedPlan readStoredDocument(layers::Workspace& workspace, const std::string& docId);

} // namespace pa::plan
