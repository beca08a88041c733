# Writes OUT, a C string literal: SHA-256 over the path and the bytes of every file of the core and
# the CLI, and of the top-level CMakeLists.txt. The cache of unchanged files (cli/cache.cpp) keys
# its entries with it, so no build of other code ever reads them, even at the same version number.
# Run at each build (cmake -P, a few milliseconds); OUT is rewritten only when the id changes, so
# an unchanged tree recompiles nothing.
file(GLOB_RECURSE files RELATIVE "${SRC}" "${SRC}/core/*" "${SRC}/cli/*")
list(APPEND files CMakeLists.txt)
list(SORT files)
set(all "")
foreach(f IN LISTS files)
  file(SHA256 "${SRC}/${f}" h)
  string(APPEND all "${f} ${h}\n")
endforeach()
string(SHA256 id "${all}")
set(text "\"${id}\"\n")
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
