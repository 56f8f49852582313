# The Config tab: the config text, its highlighter, the line a refusal names.
target_sources(berth_gui_config PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/config_error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_highlighter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/config_tab.cpp)
