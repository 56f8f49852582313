# The New container wizard: one file per page, the option editors, and the
# pure checks (names) and request building they use. Addresses and
# forwards are checked with model's rules (berth/model/interface.h, forward.h).
target_sources(berth_gui_wizard PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/container_name_validator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/create_plan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/option_field.cpp
    ${CMAKE_CURRENT_LIST_DIR}/file_field.cpp
    ${CMAKE_CURRENT_LIST_DIR}/template_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/options_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/name_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/network_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/limits_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/summary_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/progress_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/new_container_wizard.cpp)
target_link_libraries(berth_gui_wizard PUBLIC berth_gui_network berth_gui_tasks berth_gui_images)
