# QVET_SANITIZE=ON builds every target with ASan + UBSan; UB aborts so ctest sees it as a failure.
# QVET_FUZZ=ON (clang) adds libFuzzer's coverage instrumentation to the same build, so that one
# build serves the sanitizer test run and the fuzz targets (tests/fuzz/).
function(qvet_apply_sanitizers target)
  if(QVET_SANITIZE OR QVET_FUZZ)
    set(flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PRIVATE ${flags})
  endif()
  if(QVET_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
