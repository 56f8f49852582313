# Included by every program that shows Berth's strings (cli/, gui/) and
# by the translation test; translations/CMakeLists.txt holds the lupdate target.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

# One file per language; a new language is one more line here.
set(BERTH_TS_FILES
    ${CMAKE_CURRENT_LIST_DIR}/berth_de.ts
    ${CMAKE_CURRENT_LIST_DIR}/berth_zh_CN.ts)

# Everything lupdate scans: the folders whose tr() strings the programs show
# (berthctl's, the client library's registry-login warnings, and the GUI's; model's BERTH_TEXT texts, which the helper sends
# in English and the GUI translates), and the Qt strings berthctl's help shows, which
# Debian ships only in a separate package (qt_strings.cpp, never compiled).
set(BERTH_TR_SOURCES
    ${PROJECT_SOURCE_DIR}/cli/src
    ${PROJECT_SOURCE_DIR}/client/src
    ${PROJECT_SOURCE_DIR}/gui/src
    ${PROJECT_SOURCE_DIR}/model/src
    ${CMAKE_CURRENT_LIST_DIR}/qt_strings.cpp)

# How lupdate reads them: model's texts are marked with BERTH_TEXT, an
# alias of QT_TRANSLATE_NOOP ("+=": QT_TRANSLATE_NOOP itself stays).
set(BERTH_LUPDATE_OPTIONS -tr-function-alias QT_TRANSLATE_NOOP+=BERTH_TEXT)

# Compiles the .ts files and embeds the .qm files in <target> under
# :/i18n/berth_<lang>.qm, so that no installed file is needed.
function(berth_embed_translations target)
    qt_add_lrelease(${target} TS_FILES ${BERTH_TS_FILES} QM_FILES_OUTPUT_VARIABLE qm_files)
    qt_add_resources(${target} ${target}_translations
        PREFIX /i18n
        BASE ${CMAKE_CURRENT_BINARY_DIR}
        FILES ${qm_files})
endfunction()
