# The application's settings and their dialog.
target_sources(berth_gui_settings PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/settings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings_dialog.cpp)
