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

function New-ZoomHubTestScenario {
    <#
    Writes a small scenario file for tests that need volume or restricted scopes: one host, an upcoming webinar
    (89200000001, type 5, registration on, no required questions) with -Registrants registrants, and an empty upcoming
    webinar (89200000002) to register people for. -ZoomScopes / -HubSpotScopes restrict what the apps were granted.
    #>
    param([Parameter(Mandatory)] [string] $Path, [int] $Registrants = 0, [string[]] $ZoomScopes, [string[]] $HubSpotScopes)
    $people = @(for ($i = 1; $i -le $Registrants; $i++) {
        [ordered] @{ email = "reg$i@volume.example.org"; first_name = "Reg$i"; last_name = 'Volume'; create_time = '2026-11-10T10:00:00Z' }
    })
    $webinar = { param($id, $topic, $registrants)
        [ordered] @{ id = $id; host_email = 'host@volume.example.com'; topic = $topic; type = 5; start_time = '2026-12-20T16:00:00Z'; duration = 60
                     created_at = '2026-11-01T10:00:00Z'; settings = [ordered] @{ approval_type = 0 }; registrants = @($registrants) } }
    $zoom = [ordered] @{
        account_id = 'sbxVolumeAcct01'; client_id = 'sbxVolumeClient01'; client_secret = 'sandbox-secret-not-real-volume'; plan = 'Pro'
        internal_domains = @('volume.example.com')
        users = @([ordered] @{ id = 'uVolumeHost0000000001'; email = 'host@volume.example.com'; first_name = 'Vera'; last_name = 'Host' })
        webinars = @((& $webinar 89200000001 'Volume webinar' $people), (& $webinar 89200000002 'Empty webinar' @()))
    }
    if ($ZoomScopes) { $zoom.scopes = @($ZoomScopes) }
    $hubSpot = [ordered] @{ portal_id = 21000009; token = 'pat-na1-sandbox-volume-0000-not-a-real-token'; tier = 'Professional'; contacts = @() }
    if ($HubSpotScopes) { $hubSpot.scopes = @($HubSpotScopes) }
    [ordered] @{ name = 'volume'; now = '2026-11-20T12:00:00Z'; zoom = $zoom; hubspot = $hubSpot } | ConvertTo-Json -Depth 10 | Set-Content -Path $Path -Encoding utf8
    return $Path
}

Export-ModuleMember -Function Get-ModuleUnderTest, Get-ModuleManifestPath, Invoke-ChildPwsh, Get-NuGetPackageRoot, New-ZoomHubTestScenario
