#include "EditCommand.h"

namespace pa::gui {

EditCommand::EditCommand(bool add, const QString& text, std::function<bool(bool add)> write)
    : m_add(add), m_write(std::move(write))
{
    setText(text);
}

void EditCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    if (!m_write(m_add))
        setObsolete(true);
}

void EditCommand::undo()
{
    if (!m_write(!m_add))
        setObsolete(true);
}

} // namespace pa::gui
