#pragma once
// Progress and cancellation for long work. The caller owns the flag; algorithms poll it.

#include <atomic>
#include <functional>
#include <string_view>

namespace pa::layers {

class Progress
{
public:
    using Callback = std::function<void(double fraction, std::string_view stage)>;

    Progress() = default;
    Progress(Callback callback, const std::atomic<bool>* cancelFlag)
        : m_callback(std::move(callback)), m_cancel(cancelFlag)
    {
    }

    /// Reports progress (0..1) and throws Error(Cancelled) when cancellation was requested.
    void update(double fraction, std::string_view stage) const;
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->load(); }
    /// Throws Error(Cancelled) when cancellation was requested.
    void checkCancelled() const;

private:
    Callback m_callback;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace pa::layers
