<#
.SYNOPSIS
    The main job: connect (sandbox unless a real account is configured) and show what the module does.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module (Join-Path $ModulePath 'ZoomHubPS.psd1') -Force

if ($env:ZOOMHUB_ZOOM_ACCOUNT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_ID -and $env:ZOOMHUB_ZOOM_CLIENT_SECRET -and $env:ZOOMHUB_HUBSPOT_TOKEN) {
    Write-Host 'Connecting to the real Zoom account and HubSpot portal from ZOOMHUB_* environment variables...'
    $secret = ConvertTo-SecureString $env:ZOOMHUB_ZOOM_CLIENT_SECRET -AsPlainText -Force
    $app = [pscredential]::new($env:ZOOMHUB_ZOOM_CLIENT_ID, $secret)
    $hubSpot = ConvertTo-SecureString $env:ZOOMHUB_HUBSPOT_TOKEN -AsPlainText -Force
    Connect-ZoomHub -AccountId $env:ZOOMHUB_ZOOM_ACCOUNT_ID -ClientCredential $app -HubSpotToken $hubSpot
}
else {
    Write-Host 'No account configured (ZOOMHUB_* variables): connecting to the sandbox, scenario "demo".'
    Connect-ZoomHub -Sandbox -Scenario demo
}

Get-ZoomHubConnection | Format-List | Out-Host
Disconnect-ZoomHub
