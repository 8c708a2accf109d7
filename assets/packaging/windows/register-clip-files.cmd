@echo off
rem Makes double-clicking a .clip project open it in Clipper, for you alone
rem (no administrator rights needed). Run it again after moving the folder.
rem unregister-clip-files.cmd undoes it. "/quiet" skips the final pause.
setlocal
set "EXE=%~dp0clipper.exe"
if not exist "%EXE%" (
  echo clipper.exe is not next to this script: run it from the Clipper folder.
  goto :end
)
reg add "HKCU\Software\Classes\.clip" /ve /d "Clipper.Project" /f >nul
if errorlevel 1 goto :failed
reg add "HKCU\Software\Classes\Clipper.Project" /ve /d "Clipper project" /f >nul
if errorlevel 1 goto :failed
reg add "HKCU\Software\Classes\Clipper.Project\DefaultIcon" /ve /d "\"%EXE%\",0" /f >nul
if errorlevel 1 goto :failed
reg add "HKCU\Software\Classes\Clipper.Project\shell\open\command" /ve /d "\"%EXE%\" \"%%1\"" /f >nul
if errorlevel 1 goto :failed
echo .clip projects now open in Clipper (%EXE%).
goto :end
:failed
echo Could not write the file association to the registry.
:end
if /i not "%~1"=="/quiet" pause
