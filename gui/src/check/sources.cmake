# The system check: its page, its dialog, which items Berth needs.
target_sources(berth_gui_check PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/essential_checks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/system_check_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/system_check_dialog.cpp)
