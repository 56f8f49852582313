# The Resources tab: limit sliders and usage charts.
target_sources(berth_gui_resources PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/resources_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage_chart.cpp)
target_link_libraries(berth_gui_resources PUBLIC Qt6::Charts)
