; Clipper's Windows installer (NSIS 3, built by scripts/dist-windows.sh with
; makensis on Linux). It installs for the current user only, so it needs no
; administrator rights: the program goes to %LOCALAPPDATA%\Programs\Clipper,
; a Start menu entry is added, .clip projects open in Clipper, and Clipper
; appears in Settings > Apps, where it can be uninstalled.
; Defined by the build: VERSION (0.1.0), VERSION4 (0.1.0.1), SRC (folder with
; clipper.exe, README.txt), ICON (.ico), OUTFILE.

; A 64-bit installer for the 64-bit program (it also runs under Wine
; without 32-bit support, as make dist-test does).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define APPNAME "Clipper"
!define PROGID "Clipper.Project"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Clipper"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Clipper"
InstallDirRegKey HKCU "Software\Clipper" "InstallDir"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} ${VERSION} installer"
VIAddVersionKey "LegalCopyright" ""

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\clipper.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Clipper"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Clipper"
  SetOutPath "$INSTDIR"
  File "${SRC}/clipper.exe"
  File "${SRC}/README.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\Clipper" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\Clipper.lnk" "$INSTDIR\clipper.exe"

  ; Double-clicking a .clip project opens it in Clipper.
  WriteRegStr HKCU "Software\Classes\.clip" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Clipper project"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\clipper.exe",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\clipper.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED

  ; Settings > Apps
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\clipper.exe",0'
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\clipper.exe"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Clipper.lnk"

  ; Remove the association only where it is still Clipper's.
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  ReadRegStr $0 HKCU "Software\Classes\.clip" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.clip"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\Clipper"
SectionEnd
