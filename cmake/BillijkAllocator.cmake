# The allocator of Billijk's programs. An explained indication is hundreds of small strings and
# nodes, made and freed per case: with glibc's malloc, allocating them was a third of the CPU
# time of an explained case (docs/performance.md, "The allocator"). mimalloc (Debian's
# libmimalloc-dev, installed by scripts/setup.sh) serves them from per-thread pages. It replaces
# malloc/free for the whole process, plugins and SQLite included, when a program links it.
#
# Not with sanitizers: AddressSanitizer must own malloc to find the errors it looks for.
option(BILLIJK_MIMALLOC "Link Billijk's programs with mimalloc (ignored with BILLIJK_SANITIZE)" ON)

set(BILLIJK_MIMALLOC_LIBRARY "")
if(BILLIJK_MIMALLOC AND NOT BILLIJK_SANITIZE)
  find_library(BILLIJK_MIMALLOC_FOUND mimalloc)
  find_path(BILLIJK_MIMALLOC_INCLUDE mimalloc.h)
  if(BILLIJK_MIMALLOC_FOUND AND BILLIJK_MIMALLOC_INCLUDE)
    set(BILLIJK_MIMALLOC_LIBRARY ${BILLIJK_MIMALLOC_FOUND})
    message(STATUS "Allocator: mimalloc (${BILLIJK_MIMALLOC_FOUND})")
  else()
    message(WARNING "mimalloc not found (scripts/setup.sh installs libmimalloc-dev): the "
                    "programs use the C library's malloc. Results are the same, only slower.")
  endif()
endif()

# Links `target` (an executable) with the allocator chosen above. --no-as-needed: the program
# calls no mimalloc function, and the library must stay linked to replace malloc.
function(billijk_use_allocator target)
  if(BILLIJK_MIMALLOC_LIBRARY)
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed"
                                            ${BILLIJK_MIMALLOC_LIBRARY} "-Wl,--pop-state")
    target_compile_definitions(${target} PRIVATE BILLIJK_WITH_MIMALLOC=1)
    target_include_directories(${target} PRIVATE ${BILLIJK_MIMALLOC_INCLUDE})
  endif()
endfunction()
