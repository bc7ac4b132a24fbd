#include "planatlas/layers/Progress.h"

#include "planatlas/layers/Errors.h"

namespace pa::layers {

void Progress::checkCancelled() const
{
    if (cancelled())
        throw Error(ErrorKind::Cancelled,
                    QT_TRANSLATE_NOOP("pa::layers", "cancelled; nothing was changed"));
}

void Progress::update(double fraction, std::string_view stage) const
{
    checkCancelled();
    if (m_callback)
        m_callback(fraction, stage);
}

} // namespace pa::layers
