#pragma once
// One feature↔task link added or removed, as an undoable step. The change is written to the
// workspace (one transaction per step) before the command is pushed; undo and redo write
// again. A link restored by undo is recorded as made by hand.

#include <QUndoCommand>

#include <functional>
#include <string>

namespace pa::gui {

class LinkCommand : public QUndoCommand
{
public:
    /// @p write(add) links (true) or unlinks (false) the task and feature in the workspace and
    /// returns whether it succeeded (it reports its own errors).
    LinkCommand(bool add, const QString& text, std::function<bool(bool add)> write);

    void undo() override;
    void redo() override;

private:
    bool m_add;
    bool m_first = true; ///< the first redo is the change already written
    std::function<bool(bool)> m_write;
};

} // namespace pa::gui
