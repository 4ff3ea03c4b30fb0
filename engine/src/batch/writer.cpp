#include "batch/writer.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

namespace billijk::batch {

bool Writer::flush_output() {
    if (std::fflush(out_) == 0 && std::ferror(out_) == 0)
        return true;
    failure_ =
        Failure{"output", fail("B0004", std::nullopt,
                               std::string("cannot write the output: ") + std::strerror(errno))};
    return false;
}

bool Writer::commit() {
    if (run_ == nullptr)
        return true;
    // The output first: a line that is committed is always in the output file as well.
    if (!flush_output())
        return false;
    bool const handed = committer_->submit(std::move(group_), last_line_, now_());
    group_ = {};
    counts_.stored = committer_->committed();
    if (!handed) {
        failure_ = Failure{"store", committer_->failure().value_or(Diagnostics{})};
        return false;
    }
    return true;
}

bool Writer::settle() {
    if (!committer_)
        return true;
    bool const committed = committer_->drain();
    counts_.stored = committer_->committed();
    if (!committed && !failure_)
        failure_ = Failure{"store", committer_->failure().value_or(Diagnostics{})};
    return committed;
}

bool Writer::write(LineResult&& r) {
    ++counts_.read;
    last_line_ = r.line;
    if (r.indicated) {
        ++counts_.indicated;
        counts_.granted += r.granted;
        counts_.refused += r.refused;
        counts_.undetermined += r.undetermined;
    } else {
        ++counts_.errors;
        progress_.finish();
        for (auto const& d : r.problems)
            std::cerr << input_name_ << ":" << r.line << ": error[" << d.id << "]: " << d.message
                      << "\n";
    }
    r.output += '\n';
    if (std::fwrite(r.output.data(), 1, r.output.size(), out_) != r.output.size()) {
        failure_ = Failure{"output",
                           fail("B0004", std::nullopt,
                                std::string("cannot write the output: ") + std::strerror(errno))};
        return false;
    }
    if (r.stored)
        group_.push_back(std::move(*r.stored));
    if (group_.size() >= commit_every_ && !commit())
        return false;
    progress_.update(counts_.read, bytes_read_.load(std::memory_order_relaxed), total_bytes_);
    return true;
}

bool Writer::finish() {
    progress_.finish();
    if (!commit() || !settle() || !flush_output())
        return false;
    if (run_ != nullptr)
        if (auto failed = run_->finish(last_line_, now_())) {
            failure_ = Failure{"store", std::move(*failed)};
            return false;
        }
    return true;
}

} // namespace billijk::batch
