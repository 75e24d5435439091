# Seeds the corpus with every kernel of tests/ and examples/, then fuzzes for SECONDS.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR}/seeds ${WORKDIR}/new)
file(GLOB_RECURSE kernels ${SEEDS}/tests/kernels/*.py ${SEEDS}/examples/*.py)
list(LENGTH kernels count)
if(count EQUAL 0)
  message(FATAL_ERROR "no seed kernels found under ${SEEDS}")
endif()
set(i 0)
foreach(k ${kernels})
  math(EXPR i "${i} + 1")
  configure_file(${k} ${WORKDIR}/seeds/seed_${i}.py COPYONLY)
endforeach()
message(STATUS "fuzzing the front end for ${SECONDS} s from ${count} seed kernels")
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -max_len=4096 -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 -artifact_prefix=${WORKDIR}/ ${WORKDIR}/new ${WORKDIR}/seeds
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the front-end fuzzer found a failure (exit ${rc}); crash input in ${WORKDIR}")
endif()
