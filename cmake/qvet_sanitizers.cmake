# QVET_SANITIZE=ON builds every target with ASan + UBSan; UB aborts so ctest sees it as a failure.
function(qvet_apply_sanitizers target)
  if(QVET_SANITIZE)
    set(flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(${target} PRIVATE ${flags})
    target_link_options(${target} PRIVATE ${flags})
  endif()
endfunction()
