// The progress line of `billijk batch` on stderr: cases done, rate, share of the input read and
// the estimated time left, redrawn in place at most five times a second. Only when stderr is a
// terminal: in a log file or a pipe the run is quiet until its summary.
//
//   batch::Progress progress(batch::Progress::stderr_is_terminal());
//   progress.update(done, reader.bytes_read(), reader.total_bytes());
//   progress.finish();                          // clears the line
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace billijk::batch {

class Progress {
  public:
    explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()) {}

    static bool stderr_is_terminal();

    void update(std::size_t done, std::uint64_t bytes_read, std::uint64_t total_bytes);
    void finish();

    /// Seconds since construction.
    double elapsed() const;

    /// The line drawn, without the carriage return: "12000 cases  4000/s  37%  ETA 0:05".
    static std::string render(std::size_t done, double seconds, std::uint64_t bytes_read,
                              std::uint64_t total_bytes);

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    bool drawn_ = false;
    Clock::time_point start_, last_{};
};

} // namespace billijk::batch
