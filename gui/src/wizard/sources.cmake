# The New container wizard: one file per page, the option editors, and the
# pure checks (names, static addresses) and request building they use.
# Addresses and forwards are checked with the Network area's IPv4 and
# forward helpers (ipv4_net.h, forward_spec.h).
target_sources(berth_gui_wizard PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/container_name_validator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/static_address_check.cpp
    ${CMAKE_CURRENT_LIST_DIR}/create_plan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/option_field.cpp
    ${CMAKE_CURRENT_LIST_DIR}/file_field.cpp
    ${CMAKE_CURRENT_LIST_DIR}/template_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/options_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/name_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/address_choice.cpp
    ${CMAKE_CURRENT_LIST_DIR}/network_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/limits_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summary_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/progress_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/new_container_wizard.cpp)
target_link_libraries(berth_gui_wizard PUBLIC berth_gui_network)
