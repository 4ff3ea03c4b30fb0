# billijk::warnings — the warning flags every target of ours uses; -Werror only when
# BILLIJK_WERROR=ON (CI), so a newer compiler's new warning never blocks a user's build.
add_library(billijk_warnings INTERFACE)
add_library(billijk::warnings ALIAS billijk_warnings)
target_compile_options(billijk_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wno-missing-field-initializers)
if(BILLIJK_WERROR)
  target_compile_options(billijk_warnings INTERFACE -Werror)
endif()
