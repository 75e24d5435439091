# cmake -DINPUT=file -DOUTPUT=header -DNAME=identifier -P EmbedText.cmake
# Writes a C++ header holding INPUT's text as `inline constexpr char NAME[]` (a raw string), so
# a program the engine emits can live in a real source file that editors and compilers check.
file(READ "${INPUT}" _text)
string(FIND "${_text}" ")lwembed\"" _clash)
if(NOT _clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )lwembed\"")
endif()
get_filename_component(_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${_name} by EmbedText.cmake: do not edit.\n#pragma once\n\nnamespace lomaw::codegen {\n\n"
  "inline constexpr char ${NAME}[] = R\"lwembed(${_text})lwembed\";\n\n}  // namespace lomaw::codegen\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
