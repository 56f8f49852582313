# The Network area: the Network tab (interfaces, port forwards), the bridge
# wizard and the network view; the rules they check are model's.
target_sources(berth_gui_network PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/bridge_problem_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/subnet_range_bar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/forward_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/address_choice.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interface_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/network_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bridge_name_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bridge_subnet_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bridge_options_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bridge_summary_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bridge_wizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/network_view.cpp)
# The bridge wizard checks subnets with the rules the helper enforces.
target_link_libraries(berth_gui_network PUBLIC berth_model)
