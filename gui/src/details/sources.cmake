# The details area: Log and Config tabs, the autostart box, the system check
# page and dialog, the settings and their dialog.
target_sources(berth_gui_details PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/log_filter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/search_bar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/log_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_highlighter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/autostart_box.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shared_folders_box.cpp
    ${CMAKE_CURRENT_LIST_DIR}/essential_checks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/system_check_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/system_check_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings_dialog.cpp)
