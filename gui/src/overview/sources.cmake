# The Overview tab and the boxes in it: autostart, shared folders.
target_sources(berth_gui_overview PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/overview_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/overview_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/autostart_box.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shared_folders_box.cpp)
