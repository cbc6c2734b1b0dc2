# macOS: llm-planner.app (an application bundle holding both programs, Qt's
# frameworks and plugins, the catalogue seed files and the translations) in a
# drag-and-drop .dmg. Included from packaging/CMakeLists.txt when APPLE,
# before include(CPack); README.md here walks through a build.

# Bundle ids and uniform type identifiers allow letters, digits, "-" and "."
# only, hence "-" where the freedesktop id (PLANNER_APP_ID) has "_".
set(PLANNER_MACOS_BUNDLE_ID io.github.llm-planner.LLMPlanner)
set(PLANNER_MACOS_ICON ${CMAKE_CURRENT_LIST_DIR}/llm-planner.icns)

# The icon goes to Contents/Resources; Info.plist.in names it. The source
# property must be set where the target lives (app/), hence TARGET_DIRECTORY.
target_sources(llm-planner PRIVATE ${PLANNER_MACOS_ICON})
set_source_files_properties(${PLANNER_MACOS_ICON} TARGET_DIRECTORY llm-planner
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

# Info.plist.in is filled from these properties when the bundle is built.
set_target_properties(llm-planner PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${PLANNER_MACOS_BUNDLE_ID}
    MACOSX_BUNDLE_BUNDLE_NAME "LLM Planner"
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE llm-planner.icns
    MACOSX_BUNDLE_INFO_STRING "${PLANNER_DISPLAY_NAME} ${PROJECT_VERSION}"
    XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER ${PLANNER_MACOS_BUNDLE_ID})

# Qt's frameworks and plugins into the installed bundle: macdeployqt, run at
# install time (so also inside cpack) through Qt's deployment API. The
# command-line tool sits in Contents/MacOS (app/CMakeLists.txt), and
# -executable= makes macdeployqt rewrite its framework paths too.
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt6_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:llm-planner>.app\"
    ADDITIONAL_EXECUTABLES \"$<TARGET_FILE_NAME:llm-planner>.app/Contents/MacOS/$<TARGET_FILE_NAME:llm-planner-cli>\"
)
")
install(SCRIPT ${CMAKE_CURRENT_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake)

# A disk image with the bundle and a link to /Applications to drag it onto.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME ${PLANNER_DISPLAY_NAME})
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON ${PLANNER_MACOS_ICON})
