# The packages, included last from installer/CMakeLists.txt: `cpack` in the build directory
# makes a .deb and a .tar.gz on Linux, an NSIS installer on Windows and a disk image on macOS.
# installer/check-package.sh builds and checks the Linux ones.
set(CPACK_PACKAGE_NAME landfall)
set(CPACK_PACKAGE_VENDOR "Landfall")
set(CPACK_PACKAGE_CONTACT "Landfall developers <landfall@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Plans the move of virtual machines to the cloud")
# Its line breaks are kept: CPack indents them into the Debian extended description.
set(CPACK_PACKAGE_DESCRIPTION "Landfall imports an estate's inventory (RVTools, Azure Migrate), proposes a
migration path for every virtual machine with the rules that decided it, sizes
container nodes against VM hosts in what-if scenarios, and writes the customer
report. It comes as a desktop application, landfall, and a batch tool,
landfall-cli.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Landfall)
set(CPACK_PACKAGE_EXECUTABLES landfall Landfall)
set(CPACK_STRIP_FILES ON)
# Values reach CPack exactly as written here (the NSIS commands below hold quotes and backslashes).
set(CPACK_VERBATIM_VARIABLES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
endif()

# ---- Debian -----------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://landfall.example.org")
# dpkg-shlibdeps reads the programs' ELF dependencies: the Qt 6, minizip and libxlsxwriter libraries become
# versioned Depends (landfall_models is static, so it is in the programs, not a dependency).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt loads its SQLite driver as a plugin at run time, which shlibdeps cannot see; without it no
# project file opens.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")

# ---- Windows ----------------------------------------------------------------------------------
set(CPACK_NSIS_PACKAGE_NAME Landfall)
set(CPACK_NSIS_DISPLAY_NAME "Landfall ${PROJECT_VERSION}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\landfall.exe")
# Double-clicking a .landfall file opens it in Landfall, as on Linux.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [[
    WriteRegStr HKCR ".landfall" "" "Landfall.Project"
    WriteRegStr HKCR "Landfall.Project" "" "Landfall project"
    WriteRegStr HKCR "Landfall.Project\DefaultIcon" "" "$INSTDIR\bin\landfall.exe,0"
    WriteRegStr HKCR "Landfall.Project\shell\open\command" "" '"$INSTDIR\bin\landfall.exe" "%1"'
]])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [[
    DeleteRegKey HKCR ".landfall"
    DeleteRegKey HKCR "Landfall.Project"
]])

# ---- macOS ------------------------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME Landfall)

include(CPack)
