// The compression dictionary of a `batch --store` run (store/output_codec.hpp), trained on the
// outputs of the run's first records before the run starts.
//
// The outputs of one caseload share most of their bytes (plugin hashes, rule ids, labels,
// citations, the JSON structure), which zstd finds within one output only. Trained on the first
// outputs, a dictionary lets every later output point at them: on the generated caseload an
// output without explanations compresses to about a tenth of what it does alone, an explained
// one to a twelfth, and faster (docs/performance.md). The records read ahead are handed back, in
// order, to be processed as any other: the sample costs their indications twice, and the training.
//
//   auto sample = batch::sample_for_dictionary(next_record, work);
//   setup.dictionary = std::move(sample.dictionary);     // none for a short input
//   // then sample.records first, then the rest of the input
#pragma once

#include "batch/line.hpp"
#include "batch/reader.hpp"
#include "store/output_codec.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace billijk::batch {

struct DictionarySample {
    std::vector<InputRecord> records; ///< read ahead, in input order
    std::optional<store::OutputDictionary> dictionary;
};

/// How much is read ahead: at most `max_records` records or `max_bytes` of outputs; and the
/// fewest outputs worth training on (fewer: no dictionary, as for a short input).
struct SampleLimits {
    std::size_t max_records = 1000;
    std::size_t max_bytes = 8u << 20; // ~180 explained outputs; training them takes ~1 s
    std::size_t min_outputs = 100;
};

/// Reads up to the limits from `next` and trains on the outputs of the records that give an
/// indication (a bad line is read ahead too, and reported when the run reaches it).
/// Deterministic: the same input, rules and options give the same dictionary.
DictionarySample sample_for_dictionary(std::function<std::optional<InputRecord>()> const& next,
                                       LineWork const& work, SampleLimits const& limits = {});

} // namespace billijk::batch
