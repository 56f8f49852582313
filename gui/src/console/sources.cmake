# The Console tab: an embedded terminal (libvterm keeps the screen, our
# widget draws it) on the container's console or a shell, and the desktop's
# terminal emulator as an alternative.
target_sources(berth_gui_console PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/terminal_keys.cpp
    ${CMAKE_CURRENT_LIST_DIR}/terminal_colors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scrollback_buffer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/terminal_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fd_channel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/terminal_widget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/terminal_accessible.cpp
    ${CMAKE_CURRENT_LIST_DIR}/flatpak_host.cpp
    ${CMAKE_CURRENT_LIST_DIR}/external_terminal.cpp
    ${CMAKE_CURRENT_LIST_DIR}/console_tab.cpp)
find_package(PkgConfig REQUIRED)
pkg_check_modules(VTERM REQUIRED IMPORTED_TARGET vterm)
target_link_libraries(berth_gui_console PUBLIC PkgConfig::VTERM)
