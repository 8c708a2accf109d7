@echo off
rem Undoes register-clip-files.cmd: .clip projects no longer open in Clipper.
rem "/quiet" skips the final pause.
reg delete "HKCU\Software\Classes\Clipper.Project" /f >nul 2>&1
reg query "HKCU\Software\Classes\.clip" /ve 2>nul | find "Clipper.Project" >nul && reg delete "HKCU\Software\Classes\.clip" /f >nul 2>&1
echo .clip projects are no longer associated with Clipper.
if /i not "%~1"=="/quiet" pause
