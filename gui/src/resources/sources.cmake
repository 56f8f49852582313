# The Resources tab: limit sliders, the cpuset picker and usage charts.
target_sources(berth_gui_resources PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/resources_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cpu_list.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cpuset_picker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage_series.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage_summary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart_scale.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage_chart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage_charts.cpp)
target_link_libraries(berth_gui_resources PUBLIC Qt6::Charts)
