<#
.SYNOPSIS
    The main job: connect (the sandbox unless a real account is configured), create the HubSpot properties, sync every
    webinar of the account into HubSpot, and show the results and one segment.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module (Join-Path (Resolve-Path $ModulePath) 'ZoomHubPS.psd1') -Force
$started = [System.Diagnostics.Stopwatch]::StartNew()

if ($env:ZOOMHUB_ZOOM_ACCOUNT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_SECRET -and $env:ZOOMHUB_HUBSPOT_TOKEN) {
    Write-Host 'Connecting to the real Zoom account and HubSpot portal from the ZOOMHUB_* environment variables...'
    $app = [pscredential]::new($env:ZOOMHUB_ZOOM_CLIENT_ID, (ConvertTo-SecureString $env:ZOOMHUB_ZOOM_CLIENT_SECRET -AsPlainText -Force))
    $hubSpot = ConvertTo-SecureString $env:ZOOMHUB_HUBSPOT_TOKEN -AsPlainText -Force
    Connect-ZoomHub -AccountId $env:ZOOMHUB_ZOOM_ACCOUNT_ID -ClientCredential $app -HubSpotToken $hubSpot
}
else {
    Write-Host 'No account configured (ZOOMHUB_* variables): connecting to the sandbox, scenario "demo".'
    Connect-ZoomHub -Sandbox -Scenario demo
}
Get-ZoomHubConnection | Format-Table | Out-Host

# The README's quick start, line for line (tests/pester/Docs.Tests.ps1 checks that they stay the same).
Write-Host '== Schema'
Initialize-ZoomHubSchema | Format-Table | Out-Host

Write-Host '== Sync: every past instance of every webinar of the account'
$results = Get-ZoomWebinar -All | Get-ZoomWebinarInstance | Sync-ZoomWebinarToHubSpot
$results | Format-Table | Out-Host
$skips = foreach ($column in 'NoEmail', 'AccountUser', 'ExcludedDomain', 'DeletedContact', 'InvalidEmail', 'Pending') {
    $n = ($results | Measure-Object "Skipped$column" -Sum).Sum
    if ($n) { "$column=$n" }
}
Write-Host ("Totals: created {0}, updated {1}, unchanged {2}, skipped {3} ({4}), HubSpot requests {5}, Zoom requests {6}" -f `
    ($results | Measure-Object Created -Sum).Sum, ($results | Measure-Object Updated -Sum).Sum, ($results | Measure-Object Unchanged -Sum).Sum,
    ($results | Measure-Object Skipped -Sum).Sum, ($skips -join ', '), ($results | Measure-Object HubSpotRequests -Sum).Sum, ($results | Measure-Object ZoomRequests -Sum).Sum)

Write-Host '== Re-run (must write nothing)'
$again = Get-ZoomWebinar -All | Get-ZoomWebinarInstance | Sync-ZoomWebinarToHubSpot
Write-Host ("Re-run: created {0}, updated {1}, unchanged {2}" -f ($again | Measure-Object Created -Sum).Sum, ($again | Measure-Object Updated -Sum).Sum, ($again | Measure-Object Unchanged -Sum).Sum)

Write-Host '== Segment: contacts who attended at least half of a webinar on average'
Get-HubSpotContact -Filter @{ zoomhub_webinar_average_attendance_percent = @{ gte = 50 } } | Format-Table | Out-Host

Disconnect-ZoomHub
Write-Host ("Main job done in {0:n1} s." -f $started.Elapsed.TotalSeconds)
