# Shared helpers for the Pester suite. The module under test is the built folder (out/ZoomHubPS), passed by
# tools/pester/Invoke-PesterSuite.ps1 in ZOOMHUBPS_MODULE_PATH.

function Get-ModuleUnderTest {
    if (-not $env:ZOOMHUBPS_MODULE_PATH) { throw 'ZOOMHUBPS_MODULE_PATH is not set: run the suite through build.ps1 -Task Test.' }
    return $env:ZOOMHUBPS_MODULE_PATH
}

function Get-ModuleManifestPath { Join-Path (Get-ModuleUnderTest) 'ZoomHubPS.psd1' }

function Invoke-ChildPwsh {
    <# Runs a script in a fresh pwsh process (the same pinned 7.6.9) and returns its output lines. #>
    param([Parameter(Mandatory)] [string] $Script, [int] $TimeoutSeconds = 120)
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("zoomhub-child-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -Path $file -Value $Script -Encoding utf8
    try {
        $pwshDll = Join-Path $PSHOME 'pwsh.dll'
        $env:NO_COLOR = '1'
        $output = & ([Environment]::ProcessPath) $pwshDll -NoProfile -NonInteractive -File $file 2>&1
        [pscustomobject] @{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    return Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
}

Export-ModuleMember -Function Get-ModuleUnderTest, Get-ModuleManifestPath, Invoke-ChildPwsh, Get-NuGetPackageRoot
