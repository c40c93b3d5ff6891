# Translations (README "Translations"): every po/LANG.po is checked and compiled by GNU msgfmt
# into build/i18n/LANG.mo, and the .mo files are embedded into the binary as byte arrays
# (generated/catalogues.cpp), so that `coachsim --lang es` works from the build tree, from an
# installed copy and from anywhere else without a bindtextdomain() path. A new po/LANG.po is
# picked up at the next configure.
find_program(COACHSIM_MSGFMT msgfmt)
if(NOT COACHSIM_MSGFMT)
  message(FATAL_ERROR "msgfmt not found: install the Debian package gettext "
                      "(scripts/bootstrap.sh does)")
endif()
file(GLOB coachsim_po_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/*.po)
set(coachsim_mo_files "")
set(coachsim_po_languages "")
foreach(po IN LISTS coachsim_po_files)
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${CMAKE_BINARY_DIR}/i18n/${lang}.mo)
  # --check: the format of every entry, the header, and that plural entries have their forms.
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/i18n
    COMMAND ${COACHSIM_MSGFMT} --check --output-file=${mo} ${po}
    DEPENDS ${po}
    COMMENT "msgfmt po/${lang}.po"
    VERBATIM)
  list(APPEND coachsim_mo_files ${mo})
  list(APPEND coachsim_po_languages ${lang})
endforeach()
set(coachsim_catalogues_cpp ${CMAKE_BINARY_DIR}/generated/catalogues.cpp)
add_custom_command(OUTPUT ${coachsim_catalogues_cpp}
  COMMAND ${CMAKE_COMMAND} "-DLANGS=${coachsim_po_languages}" -DMO_DIR=${CMAKE_BINARY_DIR}/i18n
          -DOUT=${coachsim_catalogues_cpp} -P ${CMAKE_SOURCE_DIR}/cmake/embed_catalogues.cmake
  DEPENDS ${coachsim_mo_files} ${CMAKE_SOURCE_DIR}/cmake/embed_catalogues.cmake
  COMMENT "Embedding the message catalogues"
  VERBATIM)
