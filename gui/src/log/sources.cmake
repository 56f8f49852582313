# The Log tab: the console log, its filter to text, search.
target_sources(berth_gui_log PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/log_filter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/search_bar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/log_tab.cpp)
