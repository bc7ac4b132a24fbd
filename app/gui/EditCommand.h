#pragma once
// One edit of the workspace's links as an undoable step: a link added or removed, a suggestion
// accepted or rejected. The change is written (one transaction per step) before the command
// is pushed; undo and redo write again. A link restored by undo is recorded as made by hand.

#include <QUndoCommand>
#include <functional>
#include <string>

namespace pa::gui {

class EditCommand : public QUndoCommand
{
public:
    /// @p write(forward) makes the change (true) or takes it back (false) in the workspace and
    /// returns whether it succeeded (it reports its own errors); @p add is the first direction.
    EditCommand(bool add, const QString& text, std::function<bool(bool add)> write);

    void undo() override;
    void redo() override;

private:
    bool m_add;
    bool m_first = true; ///< the first redo is the change already written
    std::function<bool(bool)> m_write;
};

} // namespace pa::gui
