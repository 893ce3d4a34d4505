<#
.SYNOPSIS
  The whole Windows build of referral-desk: venv, tests, PyInstaller, self-test, WiX MSI,
  optional code signing and its verification.

.DESCRIPTION
  Run from any folder in Windows PowerShell 5.1 or PowerShell 7, on 64-bit Windows 10/11 with
  Python 3.11+ (python.org or the py launcher). Output: dist\referral-desk-<version>.msi.

    .\packaging\build-windows.ps1                                   # unsigned
    .\packaging\build-windows.ps1 -CertThumbprint 0123ABCD...       # certificate in the store
    $env:REFERRAL_DESK_PFX_PASSWORD = '...'
    .\packaging\build-windows.ps1 -PfxPath C:\keys\codesign.pfx     # PFX file + password

  WiX Toolset v3 (candle.exe, light.exe) is taken from -WixBin, then PATH, then %WIX%\bin;
  when none has it, the official wix314-binaries.zip is downloaded into build\wix314
  (give -WixZipSha256 to pin its hash; the script prints the hash it saw).
  signtool.exe comes from the newest Windows 10/11 SDK.

  The script never runs msiexec: installing is IT's step (see packaging\README.md).
#>
[CmdletBinding()]
param(
  [string]$Python = "python",
  [switch]$SkipTests,
  [switch]$Reuse,                       # keep build\venv-win when it exists
  [string]$CertThumbprint = $env:REFERRAL_DESK_SIGN_THUMBPRINT,
  [switch]$MachineStore,                # certificate in LocalMachine\My instead of CurrentUser\My
  [string]$PfxPath = $env:REFERRAL_DESK_SIGN_PFX,
  [string]$TimestampUrl = "http://timestamp.digicert.com",
  [switch]$SignAllBinaries,             # also sign every unsigned .dll/.pyd (AppLocker/WDAC)
  [switch]$CompileBootloader,           # build PyInstaller's bootloader from source (needs MSVC)
  [string]$WixBin = "",
  [string]$WixZipUrl = "https://github.com/wixtoolset/wix3/releases/download/wix3141rtm/wix314-binaries.zip",
  [string]$WixZipSha256 = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$started = Get-Date

function Step([string]$Text) { Write-Host "== $Text" -ForegroundColor Cyan }

function Invoke-Checked {
  param([string]$Exe, [string[]]$Arguments)
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# --- version -------------------------------------------------------------------------------------
$init = Get-Content -Raw -Encoding UTF8 "src\referral_desk\__init__.py"
if ($init -notmatch '__version__\s*=\s*"([^"]+)"') { throw "no __version__ in src\referral_desk\__init__.py" }
$Version = $Matches[1]
$nums = @([regex]::Matches(($Version -split '\+')[0], '\d+') | Select-Object -First 3 | ForEach-Object { $_.Value })
while ($nums.Count -lt 3) { $nums += "0" }
$MsiVersion = $nums -join "."       # MSI compares major.minor.build only
Write-Host "referral-desk $Version (MSI $MsiVersion)"

# --- venv ----------------------------------------------------------------------------------------
Step "virtual environment"
$venv = Join-Path $Root "build\venv-win"
if ((Test-Path $venv) -and -not $Reuse) { Remove-Item -Recurse -Force $venv }
if (-not (Test-Path $venv)) {
  $launcher = $Python -split ' '
  $launcherArgs = @()
  if ($launcher.Count -gt 1) { $launcherArgs = $launcher[1..($launcher.Count - 1)] }
  Invoke-Checked $launcher[0] ($launcherArgs + @("-m", "venv", $venv))
}
$py = Join-Path $venv "Scripts\python.exe"
Invoke-Checked $py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $py @("-m", "pip", "install", "--quiet", "-e", ".[test,build]")
if ($CompileBootloader) {
  # A bootloader nobody else ships has no antivirus reputation, good or bad: Dangerzone saw
  # fewer (not zero) false positives this way. Needs the MSVC build tools.
  $env:PYINSTALLER_COMPILE_BOOTLOADER = "1"
  Invoke-Checked $py @("-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps",
    "--no-binary", "pyinstaller", "pyinstaller>=6.10,<7")
  Remove-Item Env:\PYINSTALLER_COMPILE_BOOTLOADER
}

# --- tests ---------------------------------------------------------------------------------------
if (-not $SkipTests) {
  Step "tests (headless)"
  $env:QT_QPA_PLATFORM = "offscreen"
  Invoke-Checked $py @("-m", "pytest", "-q", "-m", "not slow")
  Remove-Item Env:\QT_QPA_PLATFORM
}

# --- PyInstaller ---------------------------------------------------------------------------------
Step "PyInstaller"
$bundle = Join-Path $Root "dist\referral-desk"
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
  "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\pyinstaller\referral-desk.spec")
$sizeMb = [math]::Round(((Get-ChildItem -Recurse -File $bundle | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host "bundle: $bundle, $sizeMb MB"

Step "self-test in the bundle"
$env:QT_QPA_PLATFORM = "offscreen"
& (Join-Path $bundle "referral-desk-cli.exe") selftest
$selftestExit = $LASTEXITCODE
Remove-Item Env:\QT_QPA_PLATFORM
if ($selftestExit -ne 0) { throw "selftest failed in the frozen bundle (exit $selftestExit)" }

# --- signing -------------------------------------------------------------------------------------
$Signing = [bool]$CertThumbprint -or [bool]$PfxPath
$signtool = $null
if ($Signing) {
  $sdk = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
  $signtool = Get-ChildItem -Path $sdk -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match '\\x64\\' } | Sort-Object FullName | Select-Object -Last 1
  if (-not $signtool) { throw "signtool.exe not found under $sdk (install the Windows SDK)" }
  $signtool = $signtool.FullName
  Write-Host "signtool: $signtool"
}

function Sign-Files([string[]]$Files, [string]$Description) {
  if (-not $Signing -or $Files.Count -eq 0) { return }
  $signArgs = @("sign", "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256", "/d", $Description)
  if ($CertThumbprint) {
    $signArgs += @("/sha1", $CertThumbprint)
    if ($MachineStore) { $signArgs += "/sm" }
  } else {
    if (-not $env:REFERRAL_DESK_PFX_PASSWORD) { throw "set REFERRAL_DESK_PFX_PASSWORD for $PfxPath" }
    $signArgs += @("/f", $PfxPath, "/p", $env:REFERRAL_DESK_PFX_PASSWORD)
  }
  # signtool takes many files at once; batches keep the command line short.
  for ($i = 0; $i -lt $Files.Count; $i += 50) {
    $batch = $Files[$i..([math]::Min($i + 49, $Files.Count - 1))]
    & $signtool @signArgs @batch
    if ($LASTEXITCODE -ne 0) { throw "signtool sign failed (exit $LASTEXITCODE)" }
  }
}

function Verify-Files([string[]]$Files) {
  if (-not $Signing) { return }
  foreach ($file in $Files) {
    & $signtool verify /pa /q $file
    if ($LASTEXITCODE -ne 0) { throw "signature does not verify: $file" }
  }
  Write-Host "verified $($Files.Count) signature(s) (signtool verify /pa)"
}

if ($Signing) {
  Step "sign the program files"
  $toSign = @(Get-ChildItem -File $bundle -Filter *.exe | ForEach-Object { $_.FullName })
  if ($SignAllBinaries) {
    $toSign += @(Get-ChildItem -Recurse -File $bundle -Include *.dll, *.pyd |
      Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -ne "Valid" } |
      ForEach-Object { $_.FullName })
  }
  Sign-Files $toSign "referral-desk $Version"
  Verify-Files $toSign
} else {
  Write-Warning "no -CertThumbprint or -PfxPath: building an UNSIGNED installer"
}

# --- WiX -----------------------------------------------------------------------------------------
Step "WiX Toolset v3"
function Find-Wix {
  if ($WixBin -and (Test-Path (Join-Path $WixBin "candle.exe"))) { return $WixBin }
  $candle = Get-Command candle.exe -ErrorAction SilentlyContinue
  if ($candle) { return (Split-Path -Parent $candle.Source) }
  if ($env:WIX -and (Test-Path (Join-Path $env:WIX "bin\candle.exe"))) { return (Join-Path $env:WIX "bin") }
  $local = Join-Path $Root "build\wix314"
  if (Test-Path (Join-Path $local "candle.exe")) { return $local }
  return $null
}
$wix = Find-Wix
if (-not $wix) {
  $zip = Join-Path $Root "build\wix314-binaries.zip"
  Write-Host "downloading $WixZipUrl"
  [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
  Invoke-WebRequest -Uri $WixZipUrl -OutFile $zip -UseBasicParsing
  $hash = (Get-FileHash -Algorithm SHA256 $zip).Hash
  Write-Host "wix314-binaries.zip SHA256 $hash"
  if ($WixZipSha256 -and ($hash -ne $WixZipSha256.ToUpper())) { throw "WiX download hash mismatch" }
  Expand-Archive -Force -Path $zip -DestinationPath (Join-Path $Root "build\wix314")
  $wix = Join-Path $Root "build\wix314"
}
Write-Host "WiX: $wix"

Step "harvest + candle + light"
$wixWork = Join-Path $Root "build\wix"
New-Item -ItemType Directory -Force -Path $wixWork | Out-Null
Invoke-Checked $py @("packaging\wix\harvest.py", $bundle, (Join-Path $wixWork "files.wxs"), "--exclude", "referral-desk.exe")
Invoke-Checked (Join-Path $wix "candle.exe") @("-nologo", "-arch", "x64",
  "-dToolset=wix3", "-dVersion=$MsiVersion", "-dAppDir=$bundle", "-dMainExe=referral-desk.exe",
  "-dIconFile=$Root\packaging\assets\referral-desk.ico",
  "-out", "$wixWork\", "packaging\wix\referral-desk.wxs", (Join-Path $wixWork "files.wxs"))
$msi = Join-Path $Root "dist\referral-desk-$Version.msi"
Invoke-Checked (Join-Path $wix "light.exe") @("-nologo", "-spdb", "-out", $msi,
  (Join-Path $wixWork "referral-desk.wixobj"), (Join-Path $wixWork "files.wixobj"))

if ($Signing) {
  Step "sign the MSI"
  Sign-Files @($msi) "referral-desk $Version"
  Verify-Files @($msi)
}

$msiHash = (Get-FileHash -Algorithm SHA256 $msi).Hash
$msiMb = [math]::Round((Get-Item $msi).Length / 1MB, 1)
$minutes = [math]::Round(((Get-Date) - $started).TotalMinutes, 1)
Write-Host ""
Write-Host "MSI:    $msi ($msiMb MB, SHA256 $msiHash)"
Write-Host "bundle: $sizeMb MB; build time $minutes min; signed: $Signing"
Write-Host "Deploy: msiexec /i `"$msi`" /qn REGISTRY_FILE=\\server\share\partners.toml /l*v install.log"
