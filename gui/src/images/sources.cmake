# The Images window (issue #21): the store's images as a table, the pull
# panel with one progress row per layer (the wizard's image page uses it
# too), and the texts both share. References are checked with model's
# parser (berth/model/image_reference.h), the helper's own rule.
target_sources(berth_gui_images PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/image_texts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/image_list_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layer_progress_list.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pull_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/images_window.cpp)
