# Windows packages: an NSIS installer (.exe) and a .zip by default, a WiX
# installer (.msi) with `cpack -G WIX`. Included from packaging/CMakeLists.txt
# when WIN32, before include(CPack); README.md here walks through a build.

set(PLANNER_WINDOWS_ICON ${CMAKE_CURRENT_LIST_DIR}/llm-planner.ico)

# Icon and version resource of both executables (what Explorer, the taskbar
# and the file's Properties ▸ Details show).
foreach(planner_rc_target IN ITEMS llm-planner llm-planner-cli)
    if(planner_rc_target STREQUAL "llm-planner")
        set(PLANNER_RC_DESCRIPTION "${PLANNER_DISPLAY_NAME}")
    else()
        set(PLANNER_RC_DESCRIPTION "${PLANNER_DISPLAY_NAME} (command line)")
    endif()
    set(PLANNER_RC_NAME ${planner_rc_target})
    configure_file(${CMAKE_CURRENT_LIST_DIR}/llm-planner.rc.in
        ${CMAKE_CURRENT_BINARY_DIR}/${planner_rc_target}.rc @ONLY)
    target_sources(${planner_rc_target} PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/${planner_rc_target}.rc)
endforeach()

# Qt's DLLs and plugins (platforms, styles, sqldrivers with qsqlite,
# imageformats and iconengines with SVG) beside the executables: windeployqt,
# run at install time (so also inside cpack) through Qt's deployment API.
# Both programs share one bin\ folder, so one run covers them; qt.conf tells
# Qt where the plugins are.
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt6_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:llm-planner>\"
    ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:llm-planner-cli>\"
    GENERATE_QT_CONF
)
")
install(SCRIPT ${CMAKE_CURRENT_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake)

# The MSVC runtime DLLs (MinGW's runtime comes with windeployqt).
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY ${PLANNER_DISPLAY_NAME})
set(CPACK_CREATE_DESKTOP_LINKS llm-planner)

# The plan file type: *.llmplan opens in the planner. A ProgID allows no
# punctuation but dots (<Program>.<Component>.<Version>).
set(PLANNER_WINDOWS_PROGID LLMPlanner.Plan.1)

# --- NSIS (CPACK_VERBATIM_VARIABLES is on: one backslash is one backslash) ---
file(TO_NATIVE_PATH ${PLANNER_WINDOWS_ICON} planner_native_icon)
# A 64-bit build goes to "Program Files", not "Program Files (x86)" (CPack
# picks that only for MSVC by itself).
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
endif()
set(CPACK_NSIS_DISPLAY_NAME ${PLANNER_DISPLAY_NAME})
set(CPACK_NSIS_PACKAGE_NAME ${PLANNER_DISPLAY_NAME})
set(CPACK_NSIS_MUI_ICON ${planner_native_icon})
set(CPACK_NSIS_MUI_UNIICON ${planner_native_icon})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\llm-planner.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN llm-planner.exe)
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_HELP_LINK ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# SHCTX is HKLM for an all-users (administrator) installation, HKCU otherwise;
# SHChangeNotify(SHCNE_ASSOCCHANGED) makes Explorer pick the change up.
string(JOIN "\n" CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "WriteRegStr SHCTX \"Software\\Classes\\.llmplan\" \"\" \"${PLANNER_WINDOWS_PROGID}\""
    "WriteRegStr SHCTX \"Software\\Classes\\.llmplan\" \"Content Type\" \"application/x-llm-planner-plan\""
    "WriteRegStr SHCTX \"Software\\Classes\\${PLANNER_WINDOWS_PROGID}\" \"\" \"LLM deployment plan\""
    "WriteRegStr SHCTX \"Software\\Classes\\${PLANNER_WINDOWS_PROGID}\\DefaultIcon\" \"\" \"$INSTDIR\\bin\\llm-planner.exe,0\""
    "WriteRegStr SHCTX \"Software\\Classes\\${PLANNER_WINDOWS_PROGID}\\shell\\open\\command\" \"\" '\"$INSTDIR\\bin\\llm-planner.exe\" \"%1\"'"
    "System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
# Remove the extension's key only while it still points at our ProgID.
string(JOIN "\n" CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegKey SHCTX \"Software\\Classes\\${PLANNER_WINDOWS_PROGID}\""
    "ReadRegStr $0 SHCTX \"Software\\Classes\\.llmplan\" \"\""
    "StrCmp $0 \"${PLANNER_WINDOWS_PROGID}\" 0 +2"
    "DeleteRegKey SHCTX \"Software\\Classes\\.llmplan\""
    "System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")

# --- WiX Toolset 3 (.msi) ----------------------------------------------------
# The upgrade code identifies the product across versions: never change it,
# or a new .msi installs beside the old one instead of upgrading it.
set(CPACK_WIX_UPGRADE_GUID "A17F7417-668C-43B9-8EB2-A484417596E8")
set(CPACK_WIX_PRODUCT_ICON ${PLANNER_WINDOWS_ICON})
set(CPACK_WIX_PROGRAM_MENU_FOLDER ${PLANNER_DISPLAY_NAME})
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_WIX_PROPERTY_ARPHELPLINK ${PROJECT_HOMEPAGE_URL})
# The same file association, patched into bin\llm-planner.exe's component.
set(CPACK_WIX_PATCH_FILE ${CMAKE_CURRENT_LIST_DIR}/wix-file-association.xml)
