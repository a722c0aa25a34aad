# Writes a C++ source defining `std::string_view <FUNCTION>()` in namespace
# <NAMESPACE> that returns the text of <INPUT> byte for byte, so a program can
# carry a data asset without reading files at run time.
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DHEADER=dir/x.h -DNAMESPACE=ns -DFUNCTION=f \
#         -P embed_text.cmake
# The text goes into raw string literals (readable, fast to compile) in chunks
# well below compilers' literal limits; a chunk that would contain the
# closing delimiter is an error rather than a silently wrong program.
foreach(var INPUT OUTPUT HEADER NAMESPACE FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_text.cmake: -D${var}=... is required")
  endif()
endforeach()

file(READ "${INPUT}" text)
set(delimiter "portlab_embed")
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "embed_text.cmake: ${INPUT} contains the delimiter )${delimiter}\"")
endif()

string(LENGTH "${text}" length)
set(chunk_size 60000)
set(body "")
set(offset 0)
while(offset LESS length)
  string(SUBSTRING "${text}" ${offset} ${chunk_size} chunk)
  string(APPEND body "    R\"${delimiter}(${chunk})${delimiter}\"\n")
  math(EXPR offset "${offset} + ${chunk_size}")
endwhile()
if(length EQUAL 0)
  set(body "    \"\"\n")
endif()

get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}"
  "// Generated from ${input_name} by cmake/embed_text.cmake: do not edit.\n"
  "#include \"${HEADER}\"\n\n"
  "namespace ${NAMESPACE} {\nnamespace {\n"
  "constexpr char kText[] =\n${body};\n}  // namespace\n\n"
  "std::string_view ${FUNCTION}() { return {kText, sizeof kText - 1}; }\n\n"
  "}  // namespace ${NAMESPACE}\n")
