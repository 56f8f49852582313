# The Resources tab's parts alone (gui_resources_tab is declared in CMakeLists.txt).
berth_add_gui_test(gui_usage_series test_usage_series.cpp LIBS berth_gui_resources)
berth_add_gui_test(gui_usage_charts test_usage_charts.cpp LIBS berth_gui_resources)
berth_embed_translations(gui_usage_charts)
berth_add_gui_test(gui_cpuset_picker test_cpuset_picker.cpp LIBS berth_gui_resources)
