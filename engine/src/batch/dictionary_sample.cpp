#include "batch/dictionary_sample.hpp"

namespace billijk::batch {

DictionarySample sample_for_dictionary(std::function<std::optional<InputRecord>()> const& next,
                                       LineWork const& work, SampleLimits const& limits) {
    DictionarySample sample;
    std::vector<std::string> outputs;
    std::size_t bytes = 0;
    while (sample.records.size() < limits.max_records && bytes < limits.max_bytes) {
        auto record = next();
        if (!record)
            break;
        if (auto output = work.stored_output(*record)) {
            bytes += output->size();
            outputs.push_back(std::move(*output));
        }
        sample.records.push_back(std::move(*record));
    }
    if (outputs.size() >= limits.min_outputs)
        sample.dictionary = store::OutputDictionary::train(outputs);
    return sample;
}

} // namespace billijk::batch
