// The programs are linked with mimalloc (cmake/BillijkAllocator.cmake) in builds without
// sanitizers: check that it really serves malloc and new, since a linker that drops an unused
// library would leave the C library's malloc in place without any error.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <string>

#ifdef BILLIJK_WITH_MIMALLOC
#include <mimalloc.h>

TEST_CASE("mimalloc serves malloc and new in a program linked with it") {
    void* block = std::malloc(48);
    REQUIRE(block != nullptr);
    CHECK(mi_is_in_heap_region(block));
    std::free(block);

    auto text = std::make_unique<std::string>(200, 'x');
    CHECK(mi_is_in_heap_region(text.get()));
    CHECK(mi_is_in_heap_region(text->data()));
}
#endif
