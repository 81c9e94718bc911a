<#
.SYNOPSIS
    Runs the Pester suite against the built module (in its own process, so the DLL is never locked by the build).
    Pester comes from NuGet (tools/pester/pester.proj downloads it); the module lives in the package's tools/ folder.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $TestsPath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }

$proj = Join-Path $PSScriptRoot 'pester.proj'
dotnet restore $proj --nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { throw "Restoring Pester from NuGet failed (exit code $LASTEXITCODE)." }
$packageRoot = (dotnet msbuild $proj -getProperty:NuGetPackageRoot -nologo).Trim()
$version = (([xml] (Get-Content $proj -Raw)).Project.ItemGroup.PackageDownload | Where-Object Include -eq 'Pester').Version.Trim('[', ']')
$pesterManifest = Join-Path $packageRoot "pester/$version/tools/Pester.psd1"
if (-not (Test-Path $pesterManifest)) { throw "Pester $version was not found at $pesterManifest." }
Import-Module $pesterManifest -Force

$env:ZOOMHUBPS_MODULE_PATH = (Resolve-Path $ModulePath).Path
$config = New-PesterConfiguration
$config.Run.Path = $TestsPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config
[pscustomobject] @{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultPath
if ($result.FailedCount -gt 0 -or $result.FailedBlocksCount -gt 0 -or $result.FailedContainersCount -gt 0) { exit 1 }
exit 0
