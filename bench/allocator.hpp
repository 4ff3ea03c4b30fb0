// Which allocator serves this benchmark's allocations, for its output line: the figures differ by
// a third between glibc's malloc and mimalloc (cmake/BillijkAllocator.cmake).
#pragma once

#include <memory>
#include <string>

#ifdef BILLIJK_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace billijk::bench {

/// "mimalloc-209" when mimalloc is linked and really serves `new`, else "system".
inline std::string allocator_name() {
#ifdef BILLIJK_WITH_MIMALLOC
    auto probe = std::make_unique<std::string>(64, 'x');
    if (mi_is_in_heap_region(probe->data()))
        return "mimalloc-" + std::to_string(mi_version());
#endif
    return "system";
}

} // namespace billijk::bench
