# Linux desktop integration, included from installer/CMakeLists.txt: the desktop entry, the
# AppStream metainfo, the MIME type of *.landfall files, the hicolor icons and the man page.
# Debian's triggers (shared-mime-info, desktop-file-utils, hicolor-icon-theme) refresh the
# caches when the package installs, so the package needs no maintainer scripts.
set(icon_svg ${CMAKE_CURRENT_SOURCE_DIR}/icons/${LANDFALL_APP_ID}.svg)
set(hicolor ${CMAKE_INSTALL_DATADIR}/icons/hicolor)

install(FILES ${LANDFALL_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)

configure_file(${LANDFALL_APP_ID}.metainfo.xml.in ${LANDFALL_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${LANDFALL_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

install(FILES landfall-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME landfall.xml)

# The SVG is the one source of the icon; the PNG sizes are rendered from it at build time, for
# the menus and docks that do not draw SVG. Without rsvg-convert only the SVG is installed.
install(FILES ${icon_svg} DESTINATION ${hicolor}/scalable/apps)
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
    set(icon_pngs)
    foreach(size IN ITEMS 16 22 24 32 48 64 128 256 512)
        set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/${LANDFALL_APP_ID}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}
            COMMAND ${RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${icon_svg}
            DEPENDS ${icon_svg}
            COMMENT "Rendering the ${size}x${size} icon"
            VERBATIM)
        list(APPEND icon_pngs ${png})
        install(FILES ${png} DESTINATION ${hicolor}/${size}x${size}/apps)
    endforeach()
    add_custom_target(landfall_icons ALL DEPENDS ${icon_pngs})
else()
    message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): only the SVG icon is installed")
endif()

# Debian ships man pages compressed; -n keeps the timestamp out, so the .gz is reproducible.
find_program(GZIP gzip)
set(man_page ${CMAKE_CURRENT_SOURCE_DIR}/landfall-cli.1)
if(GZIP)
    set(man_gz ${CMAKE_CURRENT_BINARY_DIR}/man/landfall-cli.1.gz)
    add_custom_command(OUTPUT ${man_gz}
        COMMAND ${CMAKE_COMMAND} -E copy ${man_page} ${CMAKE_CURRENT_BINARY_DIR}/man/landfall-cli.1
        COMMAND ${GZIP} -9nf ${CMAKE_CURRENT_BINARY_DIR}/man/landfall-cli.1
        DEPENDS ${man_page}
        COMMENT "Compressing the landfall-cli man page"
        VERBATIM)
    add_custom_target(landfall_man ALL DEPENDS ${man_gz})
    install(FILES ${man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
