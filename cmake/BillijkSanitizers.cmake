# BILLIJK_SANITIZE=address,undefined adds the sanitizers to every target, with
# -fno-sanitize-recover=all so that any report fails the test that caused it.
if(BILLIJK_SANITIZE)
  add_compile_options(-fsanitize=${BILLIJK_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${BILLIJK_SANITIZE})
endif()
