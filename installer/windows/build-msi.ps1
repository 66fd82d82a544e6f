# Builds the Windows installer (.msi) on Windows — the only place jpackage can make one (it needs the WiX Toolset
# 3.x or 4+ on the PATH). The same steps as ../build-deb.sh: jlink a JDK 25 runtime with the JavaFX 26 modules
# (Maven Central's javafx-*-win.jar: the Maven build on Windows resolves the "win" classifier), their DLLs into the
# runtime's bin folder, a jpackage app image with the kiosk and kioskctl, an AOT cache from a headless training run,
# then the .msi from that image.
#   mvnw -o package -pl installer -am -DskipTests -Dinstaller.skip
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1 -Jars installer\target\jars -Out installer\target -Version 0.1.0
param([string]$Jars, [string]$Out, [string]$Version)
$ErrorActionPreference = 'Stop'
$Name = 'BianminKiosk'
# Fixed for the product's life: Windows Installer recognises a newer .msi with the same upgrade code as an upgrade
# of the installed kiosk (and removes the old version) instead of installing a second copy beside it.
$UpgradeUuid = '5e640519-30f5-4fda-b7db-9c6df145298c'
$Jdk = $env:JAVA_HOME
$W = Join-Path $Out 'work-win'
Remove-Item -Recurse -Force $W -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$W\fx", "$W\app\native", "$W\serial" | Out-Null

Copy-Item "$Jars\javafx-*-win.jar" "$W\fx"
Get-ChildItem "$Jars\*.jar" | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$W\app"

$Modules = 'java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,' +
    'java.sql,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs,javafx.controls'
& "$Jdk\bin\jlink" --module-path "$W\fx" --add-modules $Modules --include-locales=en,zh `
    --exclude-resources='**.dll' --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$W\runtime"
foreach ($jar in Get-ChildItem "$W\fx\*.jar") {
    $dlls = & "$Jdk\bin\jar" --list --file $jar.FullName | Where-Object { $_ -like '*.dll' }
    if ($dlls) { Push-Location "$W\runtime\bin"; & "$Jdk\bin\jar" --extract --file $jar.FullName $dlls; Pop-Location }
}
$Serial = (Get-ChildItem "$W\app\jSerialComm-*.jar").FullName
Push-Location "$W\serial"; & "$Jdk\bin\jar" --extract --file $Serial 'Windows/x86_64/jSerialComm.dll'; Pop-Location
Move-Item "$W\serial\Windows\x86_64\jSerialComm.dll" "$W\app\native"

$Options = '-Dfile.encoding=UTF-8 --enable-native-access=ALL-UNNAMED,javafx.graphics ' +
    '-DjSerialComm.library.path=$APPDIR\native -XX:AOTCache=$APPDIR\kiosk.aot -XX:AOTMode=auto ' +
    '-Xlog:disable -Xlog:all=warning:stderr'
Set-Content "$W\kioskctl.properties" "main-class=org.bianmin.kiosk.cli.KioskCtl`nwin-console=true"
$MainJar = (Get-ChildItem "$W\app\kiosk-app*.jar").Name
& "$Jdk\bin\jpackage" --type app-image --name $Name --app-version $Version --vendor 'Bianmin Kiosk' `
    --input "$W\app" --main-jar $MainJar --main-class org.bianmin.kiosk.app.KioskLauncher `
    --runtime-image "$W\runtime" --java-options $Options --add-launcher "kioskctl=$W\kioskctl.properties" `
    --dest "$W\image"
$App = "$W\image\$Name\app"
$ClassPath = (Select-String -Path "$App\$Name.cfg" -Pattern '^app.classpath=(.*)$' | ForEach-Object {
    $_.Matches[0].Groups[1].Value.Replace('$APPDIR', $App) }) -join ';'
$Train = $Options.Replace('$APPDIR', $App) -replace '-XX:AOTCache=\S+', '' -replace '-XX:AOTMode=auto', ''
& "$W\image\$Name\runtime\bin\java.exe" ($Train -split ' ' | Where-Object { $_ }) "-XX:AOTCacheOutput=$App\kiosk.aot" `
    -Dglass.platform=Headless -Dprism.order=sw -cp $ClassPath org.bianmin.kiosk.app.KioskLauncher `
    --exit-after-start --data-dir "$W\train-data"

# Per-machine install under Program Files, a Start-menu entry and a desktop shortcut for the kiosk.
& "$Jdk\bin\jpackage" --type msi --app-image "$W\image\$Name" --name $Name --app-version $Version `
    --vendor 'Bianmin Kiosk' --description 'Bianmin Kiosk (便民自助终端)' --win-upgrade-uuid $UpgradeUuid `
    --win-menu --win-menu-group 'Bianmin Kiosk' --win-shortcut --install-dir 'Bianmin Kiosk' --dest $Out
