# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop citizen: what `cmake --install` puts beside the binary (installed by app/CMakeLists.txt), and the
# Debian package CPack builds from it (`cd build && cpack -G DEB`). Included at the end of the top-level file.

set(ksw_app_id io.github.kubespray_wizard.KubesprayWizard)

# Menu entry, software-centre data and the icon the menu entry names (Icon=kubespray-wizard).
install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${ksw_app_id}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${ksw_app_id}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/kubespray-wizard.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

# Compiled translations (also embedded in the binary as :/i18n/). Qt 6.4's qt_add_translations() refuses
# QM_FILES_OUTPUT_VARIABLE together with RESOURCE_PREFIX, so the names follow its rule instead: each
# translations/<name>.ts becomes <name>.qm in app/'s build folder.
file(GLOB ksw_ts_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/translations/kubespray-wizard_*.ts")
set(ksw_qm_files)
foreach(ts_file IN LISTS ksw_ts_files)
    get_filename_component(ts_name "${ts_file}" NAME_WLE)
    list(APPEND ksw_qm_files "${PROJECT_BINARY_DIR}/app/${ts_name}.qm")
endforeach()
install(FILES ${ksw_qm_files} DESTINATION "${CMAKE_INSTALL_DATADIR}/kubespray-wizard/translations")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/ansible" DESTINATION "${CMAKE_INSTALL_DATADIR}/kubespray-wizard"
        PATTERN "__pycache__" EXCLUDE)

# Documentation; docs/ keeps its folder so the README's links (docs/findings.md, ...) still work.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
file(GLOB ksw_doc_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/*.md")
install(FILES ${ksw_doc_files} DESTINATION "${CMAKE_INSTALL_DOCDIR}/docs")

# Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kubespray-wizard)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Kubespray Wizard developers")
set(CPACK_PACKAGE_CONTACT "Kubespray Wizard developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "finds and fixes what breaks a Kubespray cluster on a company network")
# Lines of the control file's long description, kept under 80 columns.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Kubespray Wizard reads a Kubespray inventory and the company services the"
    "cluster must respect, and finds what would break the cluster: a pod or"
    "service range that swallows a company address, a registry that speaks only"
    "HTTP, company names pods cannot resolve. It explains each problem, proposes"
    "the exact inventory settings that fix it for the Kubespray release at hand,"
    "shows the diff, and keeps earlier versions so every change can be undone."
    "A Qt wizard (English and Japanese; works over ssh -X) and a command line"
    "(check, apply, history, restore).")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Kubespray Wizard developers")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) adds the linked libraries; these are loaded as plugins, so it cannot see them:
# the xcb platform plugin (only a Recommends of libqt6gui6) and the SVG image/icon plugins for the icon.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# What the wizard runs or checks for, and Qt's own Japanese strings (Back/Next/Cancel).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ansible, sshpass, kubectl | kubernetes-client, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-netaddr, python3-jmespath, fonts-noto-cjk")
include(CPack)
