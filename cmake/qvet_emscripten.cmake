# Emscripten: the same core, compiled to WebAssembly (see ../shared/TOOLCHAIN.md for the facts).
# Exceptions: -fwasm-exceptions (native wasm exception handling; Node 20 and every current browser
# run it) so that validate()'s last-resort catch of std::bad_alloc works; it costs ~12% in size
# against ~36% for the JavaScript-emulated -fexceptions. SIMD: -msimd128 lets the kernels use
# wasm simd128 (core/sim/kernels.cpp), the same arithmetic as the SSE2 path natively. (Not
# -msse2: Eigen would then include the x86 headers, which Debian's clang cannot build for wasm.)
# Bulk memory (compile only: the prebuilt libraries stay as they are): a copy of a known size, such
# as the Python interpreter's ~100-byte values, becomes one memory.copy instead of a call of
# memcpy; 10% faster there, and every browser since 2021 runs it.
set(QVET_WASM_FLAGS -fwasm-exceptions -msimd128)

# Debian's header-only packages live in /usr/include, which must not shadow Emscripten's libc:
# point their targets at a directory holding links to just their headers.
function(qvet_fix_host_includes)
  set(hostinc "${CMAKE_BINARY_DIR}/hostinc")
  foreach(sub nlohmann catch2)
    if(NOT EXISTS "${hostinc}/${sub}" AND EXISTS "/usr/include/${sub}")
      file(MAKE_DIRECTORY "${hostinc}")
      file(CREATE_LINK "/usr/include/${sub}" "${hostinc}/${sub}" SYMBOLIC)
    endif()
  endforeach()
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${hostinc}")
  if(TARGET Catch2::Catch2)
    set_target_properties(Catch2::Catch2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${hostinc}")
  endif()
endfunction()

function(qvet_wasm_flags target)
  target_compile_options(${target} PUBLIC ${QVET_WASM_FLAGS} -mbulk-memory)
  target_link_options(${target} PUBLIC ${QVET_WASM_FLAGS} -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
endfunction()
